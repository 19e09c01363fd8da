/**
 * A provenance block with one more entry: an object keeps its keys and gains `key`; anything else
 * (a string, a list) is kept whole under `original`. The source's provenance is never dropped.
 */
export function withProvenance(provenance: unknown, key: string, line: string): Record<string, unknown> {
  if (provenance === undefined) return { [key]: line };
  if (typeof provenance === 'object' && provenance !== null && !Array.isArray(provenance))
    return { ...(provenance as Record<string, unknown>), [key]: line };
  return { original: provenance, [key]: line };
}
