import { describe, expect, it } from 'vitest';
import { solve } from '../../../src/solve.js';
import { ORLIB_OPTIMA, SMALL_ORLIB, testHandle } from '../../helpers/fixtures.js';
import { orlibProblem } from '../../helpers/load.js';
import { instanceInfeasibility } from '../../../src/core/problem.js';

// capopt is rounded to 3 decimals (and not always consistently): compare to 1e-6 relative.
const REL = 1e-6;

describe('OR-Library cap41-cap134: MILP optimum equals the published value', () => {
  it.each(SMALL_ORLIB)('%s as CFLP and as UFLP', async (name) => {
    const handle = await testHandle();
    const opt = ORLIB_OPTIMA[name]!;
    const cflp = await solve(orlibProblem(name, { variant: 'cflp' }), { handle });
    expect(cflp.status).toBe('optimal');
    expect(Math.abs(cflp.objective! - opt.capacitated_opt!) / opt.capacitated_opt!).toBeLessThan(REL);
    const uflp = await solve(orlibProblem(name, { variant: 'uflp' }), { handle });
    expect(uflp.status).toBe('optimal');
    expect(Math.abs(uflp.objective! - opt.uncapacitated_opt) / opt.uncapacitated_opt).toBeLessThan(REL);
  });

  const singleSource = SMALL_ORLIB.filter((n) => ORLIB_OPTIMA[n]!.single_source_opt !== null);
  it.each(singleSource)('%s as single-source CFLP', async (name) => {
    const res = await solve(orlibProblem(name, { variant: 'sscflp' }), { handle: await testHandle() });
    expect(res.status).toBe('optimal');
    // Lib_3 values are rounded to 2 decimals.
    expect(Math.abs(res.objective! - ORLIB_OPTIMA[name]!.single_source_opt!)).toBeLessThan(0.01);
  });

  const infeasibleSS = SMALL_ORLIB.filter((n) => ORLIB_OPTIMA[n]!.single_source_opt === null);
  it.each(infeasibleSS)('%s single-source is infeasible and says why', async (name) => {
    const res = await solve(orlibProblem(name, { variant: 'sscflp' }), { handle: await testHandle() });
    expect(res.status).toBe('infeasible');
    expect(res.message).toMatch(/customer \d+ demands \d+, more than the largest site capacity/);
  });
});

describe('capa/capb/capc', () => {
  const CAPS: Record<string, number[]> = {
    capa: [8000, 10000, 12000, 14000],
    capb: [5000, 6000, 7000, 8000],
    capc: [5000, 5750, 6500, 7250],
  };
  it.each(Object.keys(CAPS))('%s reads with every capacity variant', (name) => {
    for (const capacity of CAPS[name]!) {
      const p = orlibProblem(name, { capacity });
      expect(p.space.size).toBe(100);
      expect(p.hints?.siteCapacity?.every((c) => c === capacity)).toBe(true);
      expect(instanceInfeasibility(p)).toBeNull();
    }
  });
});
