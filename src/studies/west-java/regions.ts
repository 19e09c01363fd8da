/**
 * The 27 second-level regions of West Java (18 kabupaten, 9 kota) with the coordinates of their
 * seat and their 2020 census population, the inputs of the West Java collection-point study.
 *
 * Sources, stated honestly (see also the instance's provenance block):
 * - population: BPS Sensus Penduduk 2020 (September 2020) per regency/city, as listed on the
 *   English Wikipedia "West Java" page. Kab. Bogor 5,427,068, Kab. Sukabumi 2,725,450,
 *   Kab. Bandung Barat 1,788,336 and Kota Banjar ~200.97 thousand were checked against stored
 *   copies of BPS/press pages; the others are recalled, not re-checked. They sum to 48,273,162,
 *   1,000 below BPS's published 48,274,162, so at least one figure is off by about 1,000 — under
 *   half a battery in the demand split.
 * - coordinates: approximate (about 0.01 degree, a few km) latitude/longitude of each seat (ibu
 *   kota kabupaten/kota), as given in Wikipedia/OpenStreetMap gazetteers; Kab. Bandung and
 *   Kab. Bandung Barat were checked against stored Wikipedia infoboxes.
 */
export interface Region {
  /** Short code used in site ids (e.g. BDG-2) and map labels. */
  readonly code: string;
  readonly name: string;
  readonly type: 'kabupaten' | 'kota';
  /** Seat of government whose coordinates stand for the region. */
  readonly seat: string;
  readonly lat: number;
  readonly lon: number;
  /** 2020 census population (approximate, see above). */
  readonly population: number;
}

/** West Java's published 2020 census total (BPS, 21 January 2021 release). */
export const PUBLISHED_TOTAL_POPULATION = 48_274_162;

/** The 27 regions, regencies first, in BPS code order (3201..3218, 3271..3279). */
export const REGIONS: readonly Region[] = [
  {
    code: 'BOG',
    name: 'Kabupaten Bogor',
    type: 'kabupaten',
    seat: 'Cibinong',
    lat: -6.4817,
    lon: 106.854,
    population: 5_427_068,
  },
  {
    code: 'SMI',
    name: 'Kabupaten Sukabumi',
    type: 'kabupaten',
    seat: 'Palabuhanratu',
    lat: -6.9875,
    lon: 106.55,
    population: 2_725_450,
  },
  {
    code: 'CJR',
    name: 'Kabupaten Cianjur',
    type: 'kabupaten',
    seat: 'Cianjur',
    lat: -6.8222,
    lon: 107.1394,
    population: 2_477_560,
  },
  {
    code: 'BDG',
    name: 'Kabupaten Bandung',
    type: 'kabupaten',
    seat: 'Soreang',
    lat: -7.0212,
    lon: 107.5296,
    population: 3_623_790,
  },
  {
    code: 'GRT',
    name: 'Kabupaten Garut',
    type: 'kabupaten',
    seat: 'Garut',
    lat: -7.2167,
    lon: 107.9,
    population: 2_585_607,
  },
  {
    code: 'TSK',
    name: 'Kabupaten Tasikmalaya',
    type: 'kabupaten',
    seat: 'Singaparna',
    lat: -7.35,
    lon: 108.11,
    population: 1_865_203,
  },
  {
    code: 'CMS',
    name: 'Kabupaten Ciamis',
    type: 'kabupaten',
    seat: 'Ciamis',
    lat: -7.3257,
    lon: 108.3534,
    population: 1_229_069,
  },
  {
    code: 'KNG',
    name: 'Kabupaten Kuningan',
    type: 'kabupaten',
    seat: 'Kuningan',
    lat: -6.9759,
    lon: 108.4831,
    population: 1_167_686,
  },
  {
    code: 'CRB',
    name: 'Kabupaten Cirebon',
    type: 'kabupaten',
    seat: 'Sumber',
    lat: -6.76,
    lon: 108.48,
    population: 2_270_621,
  },
  {
    code: 'MJL',
    name: 'Kabupaten Majalengka',
    type: 'kabupaten',
    seat: 'Majalengka',
    lat: -6.8364,
    lon: 108.2274,
    population: 1_305_476,
  },
  {
    code: 'SMD',
    name: 'Kabupaten Sumedang',
    type: 'kabupaten',
    seat: 'Sumedang',
    lat: -6.8586,
    lon: 107.9164,
    population: 1_152_507,
  },
  {
    code: 'IDM',
    name: 'Kabupaten Indramayu',
    type: 'kabupaten',
    seat: 'Indramayu',
    lat: -6.3264,
    lon: 108.32,
    population: 1_834_434,
  },
  {
    code: 'SBG',
    name: 'Kabupaten Subang',
    type: 'kabupaten',
    seat: 'Subang',
    lat: -6.5715,
    lon: 107.7587,
    population: 1_595_320,
  },
  {
    code: 'PWK',
    name: 'Kabupaten Purwakarta',
    type: 'kabupaten',
    seat: 'Purwakarta',
    lat: -6.5569,
    lon: 107.4431,
    population: 996_869,
  },
  {
    code: 'KRW',
    name: 'Kabupaten Karawang',
    type: 'kabupaten',
    seat: 'Karawang',
    lat: -6.3015,
    lon: 107.307,
    population: 2_439_085,
  },
  {
    code: 'BKS',
    name: 'Kabupaten Bekasi',
    type: 'kabupaten',
    seat: 'Cikarang Pusat',
    lat: -6.365,
    lon: 107.1725,
    population: 3_113_017,
  },
  {
    code: 'BDB',
    name: 'Kabupaten Bandung Barat',
    type: 'kabupaten',
    seat: 'Ngamprah',
    lat: -6.8393,
    lon: 107.5119,
    population: 1_788_336,
  },
  {
    code: 'PND',
    name: 'Kabupaten Pangandaran',
    type: 'kabupaten',
    seat: 'Parigi',
    lat: -7.699,
    lon: 108.493,
    population: 423_667,
  },
  { code: 'KBOG', name: 'Kota Bogor', type: 'kota', seat: 'Bogor', lat: -6.595, lon: 106.8166, population: 1_043_070 },
  {
    code: 'KSMI',
    name: 'Kota Sukabumi',
    type: 'kota',
    seat: 'Sukabumi',
    lat: -6.918,
    lon: 106.927,
    population: 346_325,
  },
  {
    code: 'KBDG',
    name: 'Kota Bandung',
    type: 'kota',
    seat: 'Bandung',
    lat: -6.9147,
    lon: 107.6098,
    population: 2_444_160,
  },
  {
    code: 'KCRB',
    name: 'Kota Cirebon',
    type: 'kota',
    seat: 'Cirebon',
    lat: -6.7063,
    lon: 108.557,
    population: 333_303,
  },
  {
    code: 'KBKS',
    name: 'Kota Bekasi',
    type: 'kota',
    seat: 'Bekasi',
    lat: -6.2383,
    lon: 106.9756,
    population: 2_543_676,
  },
  { code: 'DPK', name: 'Kota Depok', type: 'kota', seat: 'Depok', lat: -6.4025, lon: 106.7942, population: 2_056_335 },
  { code: 'CMH', name: 'Kota Cimahi', type: 'kota', seat: 'Cimahi', lat: -6.8841, lon: 107.5413, population: 568_400 },
  {
    code: 'KTSK',
    name: 'Kota Tasikmalaya',
    type: 'kota',
    seat: 'Tasikmalaya',
    lat: -7.3274,
    lon: 108.2207,
    population: 716_155,
  },
  { code: 'BJR', name: 'Kota Banjar', type: 'kota', seat: 'Banjar', lat: -7.3707, lon: 108.5342, population: 200_973 },
];
