import { InputError } from '../../core/errors.js';
import { JsonFields, parseJsonText } from '../../io/json-fields.js';

/** A dealer location to cluster. */
export interface DealerPoint {
  readonly id: string;
  readonly lat: number;
  readonly lon: number;
}

/** Splits one CSV line (RFC 4180 quotes). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

/**
 * Reads dealer locations from CSV (header with `id`, `lat`/`latitude`, `lon`/`lng`/`longitude`; other
 * columns ignored) or JSON (an array of `{id, lat, lon}`, any object with such a `dealers` array,
 * e.g. a jakarta-rln instance file, or a network file, whose supplying nodes are the dealers).
 */
export function parseDealerPoints(text: string, file: string): DealerPoint[] {
  const points = file.toLowerCase().endsWith('.csv') ? fromCsv(text, file) : fromJson(text, file);
  if (points.length < 2) throw new InputError(file, 'dealers', 'at least two dealers to cluster');
  return points;
}

function fromCsv(text: string, file: string): DealerPoint[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new InputError(file, 'line 1', 'a header with id, lat, lon');
  const header = csvFields(lines[0]!).map((h) => h.toLowerCase());
  const col = (names: string[], what: string): number => {
    const c = header.findIndex((h) => names.includes(h));
    if (c < 0) throw new InputError(file, 'line 1 (header)', `a ${what} column (${names.join(' / ')})`);
    return c;
  };
  const [ci, cl, co] = [
    col(['id', 'dealer', 'name'], 'id'),
    col(['lat', 'latitude'], 'latitude'),
    col(['lon', 'lng', 'long', 'longitude'], 'longitude'),
  ];
  return lines.slice(1).map((line, r) => {
    const f = csvFields(line);
    const num = (c: number, what: string): number => {
      const v = Number(f[c]);
      if (f[c] === undefined || f[c] === '' || !Number.isFinite(v))
        throw new InputError(file, `line ${r + 2}`, `${what} as a number, got '${f[c] ?? ''}'`);
      return v;
    };
    return { id: f[ci] || `row${r + 1}`, lat: num(cl, 'latitude'), lon: num(co, 'longitude') };
  });
}

function fromJson(text: string, file: string): DealerPoint[] {
  const data = parseJsonText(text, file);
  const f = new JsonFields(file);
  if (!Array.isArray(data) && f.object(data, '(top level)').problem === 'network')
    return fromNetwork(f, f.array(f.object(data, '(top level)').nodes, 'nodes'));
  const list = Array.isArray(data) ? data : f.array(f.object(data, '(top level)').dealers, 'dealers');
  const path = Array.isArray(data) ? '' : 'dealers';
  return list.map((raw, i) => {
    const o = f.object(raw, `${path}[${i}]`);
    return {
      id: f.string(o.id ?? `row${i + 1}`, `${path}[${i}].id`),
      lat: f.number(o.lat, `${path}[${i}].lat`),
      lon: f.number(o.lon, `${path}[${i}].lon`),
    };
  });
}

/** The nodes of a network file that supply something (its dealers), with their coordinates. */
function fromNetwork(f: JsonFields, nodes: unknown[]): DealerPoint[] {
  const out: DealerPoint[] = [];
  nodes.forEach((raw, i) => {
    const o = f.object(raw, `nodes[${i}]`);
    if (o.supply === undefined) return;
    out.push({ id: String(o.id), lat: f.number(o.lat, `nodes[${i}].lat`), lon: f.number(o.lon, `nodes[${i}].lon`) });
  });
  return out;
}
