/**
 * Inputs and aggregate results published by Bafadal et al. 2025 (World Electr. Veh. J. 16, 476),
 * as transcribed in docs/seed-models.md section 2. The instance generator reads its published inputs
 * from here; the aggregates (Table 8, emissions) only set the level of reconstructed unit rates.
 */
export const PAPER = {
  /** Section 2.2: K-means centroids (lat, lon). */
  centroids: [
    { id: '1', lat: -6.29831986, lon: 106.801635 },
    { id: '2', lat: -6.5637955, lon: 106.8099795 },
    { id: '3', lat: -6.16541688, lon: 106.81689429 },
    { id: '4', lat: -6.236655, lon: 106.63144639 },
    { id: '5', lat: -6.28131137, lon: 106.99607157 },
  ],
  /** Table 2: CC candidates, four per cluster. */
  ccCandidates: [
    { id: 'CCA-1', cluster: '1', lat: -6.23649, lon: 106.74909 },
    { id: 'CCB-1', cluster: '1', lat: -6.22986, lon: 106.77973 },
    { id: 'CCC-1', cluster: '1', lat: -6.40781, lon: 106.8532 },
    { id: 'CCD-1', cluster: '1', lat: -6.39964, lon: 106.81636 },
    { id: 'CCE-2', cluster: '2', lat: -6.4731, lon: 106.90603 },
    { id: 'CCF-2', cluster: '2', lat: -6.52595, lon: 106.85404 },
    { id: 'CCG-2', cluster: '2', lat: -6.54926, lon: 106.82236 },
    { id: 'CCH-2', cluster: '2', lat: -6.55023, lon: 106.80695 },
    { id: 'CCI-3', cluster: '3', lat: -6.09811, lon: 106.93513 },
    { id: 'CCJ-3', cluster: '3', lat: -6.189, lon: 106.91123 },
    { id: 'CCK-3', cluster: '3', lat: -6.15398, lon: 106.76967 },
    { id: 'CCL-3', cluster: '3', lat: -6.13033, lon: 106.74528 },
    { id: 'CCM-4', cluster: '4', lat: -6.19852, lon: 106.57495 },
    { id: 'CCN-4', cluster: '4', lat: -6.20595, lon: 106.5171 },
    { id: 'CCO-4', cluster: '4', lat: -6.17319, lon: 106.5331 },
    { id: 'CCP-4', cluster: '4', lat: -6.34033, lon: 106.67851 },
    { id: 'CCQ-5', cluster: '5', lat: -6.28901, lon: 107.13314 },
    { id: 'CCR-5', cluster: '5', lat: -6.3073, lon: 107.09621 },
    { id: 'CCS-5', cluster: '5', lat: -6.32832, lon: 107.11698 },
    { id: 'CCT-5', cluster: '5', lat: -6.36152, lon: 107.1556 },
  ],
  /** Table 3. */
  rmcCandidates: [
    { id: 'RMC-1', lat: -6.21237, lon: 106.62439 },
    { id: 'RMC-2', lat: -6.18082, lon: 106.54203 },
    { id: 'RMC-3', lat: -6.33774, lon: 107.13729 },
    { id: 'RMC-4', lat: -6.29538, lon: 107.14566 },
  ],
  wdcCandidates: [
    { id: 'WDC-1', lat: -6.31359, lon: 106.98702 },
    { id: 'WDC-2', lat: -6.44451, lon: 106.93943 },
  ],
  /** Packs per cluster and type: Table 10 cells / S_b (exact). */
  packs: {
    '1': { LFP: 3277, NiMH: 2419 },
    '2': { LFP: 410, NiMH: 615 },
    '3': { LFP: 5481, NiMH: 3028 },
    '4': { LFP: 2541, NiMH: 716 },
    '5': { LFP: 2421, NiMH: 1087 },
  } as Record<string, Record<'LFP' | 'NiMH', number>>,
  /** Section 2.5 (S_b: BYD Seal 172 cells, Innova Zenix ~205 cells); omega_b from Table 11 (see seed-models.md). */
  types: [
    { id: 'LFP', cellsPerPack: 172, cellMassKg: 2.63 },
    { id: 'NiMH', cellsPerPack: 205, cellMassKg: 0.195 },
  ],
  /** Section 3: L1 15.4 %, L2 61.3 %, L3 23.3 % for every cluster and type. */
  shares: { L1: 0.154, L2: 0.613, L3: 0.233 },
  /** Section 2.3: 20 % of the processed cell mass is solid waste. */
  wasteRatio: 0.2,
  dealers: 254,
  /** Table 8 (IDR). */
  table8: {
    acquisition: 119_427_999_565,
    fixed: 53_263_277_199,
    processing: 700_851_103_697,
    transport: 362_259_225_112,
    carbonTax: 633_394_603,
    total: 1_236_435_000_187,
  },
  /** Section 3 and 4.1: total emissions and the processing share. */
  emissionsKg: 21_113_153.46,
  processingEmissionShare: 0.918,
} as const;
