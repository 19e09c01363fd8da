import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../../../src/core/errors.js';
import {
  generateIlJson,
  PAPER_SIZES,
} from '../../../../../../src/problems/network/convert/legacy/inventory-location/generator.js';
import { param } from '../../../../../../src/problems/network/convert/legacy/inventory-location/instance.js';
import { parseIlJson } from '../../../../../../src/problems/network/convert/legacy/inventory-location/json-reader.js';

/** A valid paper-shaped document to break one field at a time. */
const base = (): { sizes: Record<string, number>; parameters: Record<string, unknown>; [k: string]: unknown } =>
  JSON.parse(JSON.stringify(generateIlJson(PAPER_SIZES, 3, 't')));

const error = (data: unknown): InputError => {
  try {
    parseIlJson(data, 'bad.json');
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('no InputError');
};

describe('old inventory-location JSON reader (what rlnd convert reads)', () => {
  it('reads nested arrays in subscript order, and numbers broadcast to every index', () => {
    const d = base();
    d.parameters.EP = 1.5;
    const cr = d.parameters.CR as number[][][][];
    cr[1]![0]![1]![2] = 0.5; // p2, k1, r2, t3
    const inst = parseIlJson(d, 'ok.json');
    expect(param(inst, 'CR', 1, 0, 1, 2)).toBe(0.5);
    expect(param(inst, 'EP', 0)).toBe(1.5);
    expect(param(inst, 'EP', 1)).toBe(1.5);
    expect(inst.ids.K).toEqual(['low', 'high']);
    expect(inst.ids.R).toEqual(['R1', 'R2']);
    expect(inst.ids.T).toEqual(['1', '2', '3']);
    expect(inst.integerFlows).toBe(true);
  });

  it('integerFlows false, or the relax option, makes flows continuous', () => {
    expect(parseIlJson({ ...base(), integerFlows: false }, 'x.json').integerFlows).toBe(false);
    expect(parseIlJson(base(), 'x.json', { relax: true }).integerFlows).toBe(false);
  });

  it('names the file, the field and what was expected', () => {
    const missing = base();
    delete missing.parameters.VC;
    expect(error(missing).message).toMatch(/^bad\.json: parameters\.VC: .*batteries x customers x repair/);

    const shape = base();
    (shape.parameters.CR as unknown[]).pop();
    expect(error(shape).message).toBe('bad.json: parameters.CR: 2 entries (one per batteries), got 1');

    const rate = base();
    (rate.parameters.CR as number[][][][])[0]![1]![0]![2] = 1.2;
    expect(error(rate).message).toBe('bad.json: parameters.CR[0][1][0][2]: a repair rate in [0, 1], got 1.2');

    const negative = base();
    negative.parameters.FR = -1;
    expect(error(negative).message).toMatch(/parameters\.FR: a number >= 0/);

    const unknown = base();
    unknown.parameters.XYZ = 1;
    expect(error(unknown).message).toMatch(/parameters\.XYZ: a parameter among CR, S, A/);

    const sizes = base();
    sizes.sizes.periods = 0;
    expect(error(sizes).message).toBe('bad.json: sizes.periods: an integer >= 1, got 0');

    expect(error({ ...base(), ids: { repair: ['A', 'A'] } }).message).toBe('bad.json: ids.repair: unique ids');
    expect(error({ ...base(), integerFlows: 'yes' }).message).toBe('bad.json: integerFlows: true or false');
  });
});
