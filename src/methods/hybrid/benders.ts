import { designKey, type Design } from '../../core/design.js';
import { LinearModelBuilder, relaxIntegrality, type LinearModel } from '../../exact/linear-model.js';
import { solveModel } from '../../exact/solve-model.js';
import { enter, offer, proven, raiseBound, record, type HybridState } from './state.js';

/** A Benders cut z >= value + sum_i slope_i (y_i - at_i). */
interface Cut {
  readonly value: number;
  readonly slope: Float64Array;
  readonly at: Design;
}

/** Most master iterations one phase runs (each prices one design and solves one LP). */
const MAX_ROUNDS = 200;
/**
 * Rounds without a higher bound before giving up: single-point cuts are weak where the gap comes
 * from fixed costs (a Jakarta-shaped network with 8,192 designs: 200 cuts left the LP bound where
 * it was), and the MILP bound phase that follows does better there.
 */
const STALL_ROUNDS = 15;

/**
 * Benders strengthening of the LP bound, for problems without a Lagrangian. The full MILP's LP
 * relaxation with the design columns fixed at a design y^ has value Phi(y^) (fixed costs plus the
 * cheapest relaxed flows); Phi is convex in y on [0,1]^n and the reduced costs d of the fixed
 * columns are a subgradient, so z >= Phi(y^) + d (y - y^) holds for every design. The master
 * (min z over binary y subject to the cuts and the MILP's design-only rows: groups, one option
 * per node) is a small MIP whose optimum is a valid lower bound; its design is priced exactly and
 * cut in turn. Where the relaxed flows at a binary design are the exact flows (continuous flows,
 * no single sourcing) the bound reaches the optimum once the master repeats a design.
 */
export async function bendersPhase(st: HybridState, share: number): Promise<void> {
  const problem = st.ctx.problem;
  const left = (st.deadline - performance.now()) / 1000;
  if (!(left > 1) || proven(st)) return;
  const stop = Number.isFinite(st.deadline) ? performance.now() + left * share * 1000 : performance.now() + 60_000;
  let f;
  try {
    f = problem.buildMilp();
  } catch {
    return;
  }
  const cols = f.designColumns;
  if (!cols) return;
  enter(st, 'benders');
  const lp = relaxIntegrality(f.model);
  const designRows = designOnlyRows(f.model, cols);
  const cuts: Cut[] = [];
  const cut = new Set<string>();
  const addCut = async (y: Design): Promise<boolean> => {
    const key = designKey(y);
    if (cut.has(key)) return false;
    cut.add(key);
    const colLower = [...lp.colLower];
    const colUpper = [...lp.colUpper];
    cols.forEach((c, i) => (colLower[c] = colUpper[c] = y[i]!));
    const timeLimit = Math.max(0.5, (stop - performance.now()) / 1000);
    const sol = await solveModel(st.ctx.handle, { ...lp, colLower, colUpper }, { timeLimit });
    if (sol.status !== 'optimal' || !sol.colDuals || sol.objective === null) return false;
    cuts.push({
      value: sol.objective,
      slope: Float64Array.from(cols, (c) => sol.colDuals![c]!),
      at: Uint8Array.from(y),
    });
    return true;
  };
  const seeds = st.best ? [st.best.design] : [];
  for (const d of seeds) await addCut(d);
  if (cuts.length === 0) return;
  let stall = 0;
  for (let round = 0; round < MAX_ROUNDS && stall < STALL_ROUNDS && performance.now() < stop && !proven(st); round++) {
    // Objective values reach 1e12 (IDR): the master is scaled to O(1), or HiGHS's absolute
    // tolerances return masters that are not optimal (bounds seen to fall as cuts were added).
    const scale = Math.max(1, ...cuts.map((c) => Math.abs(c.value)));
    const master = masterModel(cols.length, cuts, designRows, st.lowerBound, scale);
    const timeLimit = Math.max(0.5, (stop - performance.now()) / 1000);
    const sol = await solveModel(st.ctx.handle, master, { timeLimit, randomSeed: st.ctx.seed });
    if (sol.status !== 'optimal' || !sol.values || sol.dualBound === null) break;
    const bound = sol.dualBound * scale;
    const best = st.best?.evaluation.cost ?? Infinity;
    // A bound above a priced design is numerical trouble, never a proof: drop it and stop.
    if (bound > best + 1e-7 * Math.max(1, Math.abs(best))) break;
    stall = st.lowerBound !== null && bound <= st.lowerBound * (1 + 1e-12) + 1e-9 ? stall + 1 : 0;
    raiseBound(st, bound, 'benders');
    const y = Uint8Array.from({ length: cols.length }, (_, i) => (sol.values![i]! > 0.5 ? 1 : 0));
    const [priced] = await st.ev.evaluateAll([y]);
    offer(st, { design: y, evaluation: priced! });
    // A repeated design means the cuts are tight there: no further progress from this master.
    if (!(await addCut(y))) break;
  }
  record(st, `benders(${cuts.length} cuts)`);
}

/** Rows of the MILP over design columns only (group rules, one option per node), re-indexed. */
function designOnlyRows(
  model: LinearModel,
  cols: readonly number[],
): { lower: number; upper: number; idx: number[]; val: number[] }[] {
  const pos = new Map(cols.map((c, i) => [c, i]));
  const out: { lower: number; upper: number; idx: number[]; val: number[] }[] = [];
  for (let r = 0; r < model.rowNames.length; r++) {
    const idx: number[] = [];
    const val: number[] = [];
    let only = true;
    for (let k = model.rowStarts[r]!; k < model.rowStarts[r + 1]!; k++) {
      const i = pos.get(model.indices[k]!);
      if (i === undefined) {
        only = false;
        break;
      }
      idx.push(i);
      val.push(model.values[k]!);
    }
    if (only && idx.length > 0) out.push({ lower: model.rowLower[r]!, upper: model.rowUpper[r]!, idx, val });
  }
  return out;
}

/** min z s.t. z >= cut_k(y) for every cut, the design rows, y binary, z >= the known bound. */
function masterModel(
  n: number,
  cuts: readonly Cut[],
  rows: ReturnType<typeof designOnlyRows>,
  bound: number | null,
  scale: number,
): LinearModel {
  const b = new LinearModelBuilder('benders-master');
  const y = Array.from({ length: n }, (_, i) => b.addVar(`y${i}`, { type: 'binary' }));
  // z is the objective divided by `scale`.
  const z = b.addVar('z', { lower: bound === null ? -Infinity : bound / scale, cost: 1 });
  cuts.forEach((c, k) => {
    // z - sum d_i y_i >= value - sum d_i at_i
    let rhs = c.value;
    for (let i = 0; i < n; i++) rhs -= c.slope[i]! * c.at[i]!;
    b.addGe(`cut${k}`, { vars: [z, ...y], coefs: [1, ...Array.from(c.slope, (d) => -d / scale)] }, rhs / scale);
  });
  rows.forEach((r, k) => b.addRow(`design${k}`, { vars: r.idx.map((i) => y[i]!), coefs: r.val }, r.lower, r.upper));
  return b.build();
}
