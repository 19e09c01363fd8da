import { designKey, type Design } from '../core/design.js';
import { designInfeasibility, type LagrangianRelaxation } from '../core/problem.js';
import { breathe } from './breathe.js';
import { isBetter, UNPRICED, type DesignEvaluator, type Scored } from './evaluator.js';
import { repair } from './repair.js';
import type { Rng } from './rng.js';
import { SubgradientStepper } from './subgradient.js';

/**
 * Lagrangian branch-and-bound on the design bits (after Görtz & Klose 2012). A node holds some
 * bits fixed; its bound is the relaxation restricted by them (`LagrangianRelaxation.solve(u,
 * fixed)`), maximised by a few subgradient steps warm-started from the parent's multipliers. At
 * each node the bit-forced bounds (`fixingBounds`) do three jobs: every free bit has
 * bound >= min(open_i, closed_i) on both sides, so the node's bound rises to the largest such
 * minimum; a bit whose one side reaches the prune level is fixed to the other (reduced-cost
 * fixing, search/reduced-cost-fixing.ts); the bit with the largest minimum is branched on (both
 * children start from a bound already raised). Nodes are taken best-first (lowest bound), so the
 * smallest open bound rises steadily; a node is pruned once its bound reaches the incumbent's
 * cost x (1 - tolerance). A node with every bit fixed is one design, priced exactly.
 *
 * Why the returned bound is valid: every design lies in exactly one leaf of the tree built so far
 * — an open node, a pruned node, a bit side excluded by fixing (whose bound the fixing recorded),
 * or a priced design. The optimum is therefore at least the minimum over those bounds and the
 * incumbent's cost, which is what `lowerBound` reports, also when the time runs out.
 */

/** What the search needs beyond the relaxation. */
export interface LagrangianBnbInput {
  /** Must offer `fixingBounds` and honour `fixed` in `solve` and `fixingBounds`. */
  readonly relaxation: LagrangianRelaxation;
  readonly evaluator: DesignEvaluator;
  readonly rng: Rng;
  /** performance.now() milliseconds at which the search stops. */
  readonly deadline: number;
  /** Multipliers to start the root from (e.g. the best of a Lagrangian phase). */
  readonly multipliers: Float64Array;
  /** A valid lower bound of the whole problem (the root's bound to start with). */
  readonly rootBound: number;
  readonly incumbent: Scored | null;
  readonly params?: LagrangianBnbParams;
  /** Called after each node's subgradient steps (for tracing a run). */
  readonly onNode?: (info: {
    node: number;
    depth: number;
    free: number;
    bound: number;
    open: number;
    /** The search's valid lower bound at this moment. */
    lowerBound: number;
  }) => void;
}

/** Knobs of the search. */
export interface LagrangianBnbParams {
  /** A node is pruned at bound >= incumbent x (1 - tolerance) (relative). */
  readonly tolerance?: number;
  /** Subgradient steps at the root and at every other node. */
  readonly rootIterations?: number;
  readonly nodeIterations?: number;
  /**
   * Step factor λ a child starts from (its parent's, at least this). Large on purpose: near the
   * prune level UB - L(u) is small, so the Polyak step λ (UB - L) / ||g||² is tiny and a decayed λ
   * stalls the child's ascent (capb-6000 with the optimum as cutoff: λ >= 0.05 left 0.13% after
   * 650 nodes; λ = 2 exhausts the tree in 63).
   */
  readonly minLambda?: number;
  /** Stop after this many nodes (for tests; default unlimited). */
  readonly maxNodes?: number;
  /** Share of the search's time that pricing node designs may take. */
  readonly pricingShare?: number;
}

/** The search's end state. */
export interface LagrangianBnbOutcome {
  /** A valid lower bound of the whole problem (see the file's comment). */
  readonly lowerBound: number;
  readonly best: Scored | null;
  /** True when no open node is left and `lowerBound` >= incumbent x (1 - tolerance). */
  readonly exhausted: boolean;
  readonly nodes: number;
  readonly open: number;
  /** Distinct designs priced by the search. */
  readonly priced: number;
}

interface BnbNode {
  readonly fixed: Int8Array;
  bound: number;
  readonly u: Float64Array;
  readonly lambda: number;
  readonly depth: number;
}

const DEFAULTS = {
  tolerance: 1e-7,
  rootIterations: 1000,
  nodeIterations: 40,
  minLambda: 2,
  maxNodes: Infinity,
  pricingShare: 0.2,
} as const;
/** Weight of the newest relaxed design in the primal estimate. */
const PRIMAL_AVERAGING = 0.1;

/** Runs the branch-and-bound until the tree is exhausted, the deadline, or `maxNodes`. */
export async function lagrangianBranchAndBound(input: LagrangianBnbInput): Promise<LagrangianBnbOutcome> {
  const { relaxation, evaluator: ev, rng } = input;
  const p = { ...DEFAULTS, ...input.params };
  const size = ev.problem.space.size;
  let best: Scored | null = input.incumbent?.evaluation.feasible ? input.incumbent : null;
  const ub = (): number => best?.evaluation.cost ?? Infinity;
  const pruneAt = (): number => {
    const c = ub();
    return Number.isFinite(c) ? c - p.tolerance * Math.max(1, Math.abs(c)) : Infinity;
  };
  // Smallest bound of everything cut off so far (pruned nodes, excluded sides, priced leaves).
  let closedBound = Infinity;
  const heap = new NodeHeap();
  heap.push({
    fixed: new Int8Array(size).fill(-1),
    bound: input.rootBound,
    u: Float64Array.from(input.multipliers),
    lambda: 0.5,
    depth: 0,
  });
  const tried = new Set<string>();
  let nodes = 0;
  const started = performance.now();
  let pricingMs = 0;
  const offer = (s: Scored): void => {
    if (isBetter(s, best)) best = s;
  };
  const price = async (d: Design): Promise<Scored | null> => {
    const key = designKey(d);
    if (tried.has(key)) return null;
    tried.add(key);
    const evaluation = ev.cached(d) ?? (await ev.evaluate(d));
    const s = { design: d, evaluation };
    offer(s);
    return s;
  };

  while (heap.size > 0 && performance.now() < input.deadline && nodes < p.maxNodes) {
    await breathe();
    const node = heap.pop()!;
    if (node.bound >= pruneAt()) {
      closedBound = Math.min(closedBound, node.bound);
      continue;
    }
    nodes++;
    if (countFree(node.fixed) === 0) {
      // One design: its exact price closes the node (an inexact price is only an upper bound,
      // and the node's own bound still holds).
      const d = Uint8Array.from(node.fixed);
      const e = ev.cached(d) ?? (await ev.evaluate(d));
      if (e.reason === UNPRICED) {
        heap.push(node); // the deadline came first
        break;
      }
      tried.add(designKey(d));
      offer({ design: d, evaluation: e });
      // Only a proof closes the leaf: an exact price, or an infeasibility the design's structure
      // shows. A pricer's "infeasible" may mean "nothing found before a limit" (a single-source
      // allocation MIP), so such a leaf keeps its Lagrangian bound.
      const proof = e.feasible
        ? e.inexact === undefined
          ? e.cost
          : node.bound
        : designInfeasibility(ev.problem, d) !== null
          ? Infinity
          : node.bound;
      closedBound = Math.min(closedBound, Math.max(node.bound, proof));
      continue;
    }
    const view = restricted(relaxation, node.fixed);
    // The root climbs from wherever the caller's multipliers are (patient); a child starts near
    // its parent's optimum, so short patience suffices, but with a large step (see `minLambda`).
    const root = node.depth === 0;
    const stepper = new SubgradientStepper(
      view,
      Float64Array.from(node.u),
      root ? 20 : 5,
      root ? 1 : Math.max(node.lambda, p.minLambda),
    );
    const iterations = root ? p.rootIterations : p.nodeIterations;
    let bestDesign: Design | null = null;
    // A primal estimate: the relaxed designs' moving average (as in the volume algorithm). Bits it
    // leaves near 1/2 are those the dual cannot settle, the ones to branch on.
    const ybar = new Float64Array(size);
    for (let it = 0; it < iterations; it++) {
      const before = stepper.best;
      const sol = stepper.step(Number.isFinite(ub()) ? ub() : null);
      if (stepper.best > before) bestDesign = sol.design;
      const a = it === 0 ? 1 : PRIMAL_AVERAGING;
      for (let i = 0; i < size; i++) ybar[i] = (1 - a) * ybar[i]! + a * sol.design[i]!;
      if (stepper.best >= pruneAt() || stepper.converged(sol) || performance.now() >= input.deadline) break;
      if (it % 8 === 7) await breathe();
    }
    node.bound = Math.max(node.bound, stepper.best);
    // The node's relaxed design, made feasible, may improve the incumbent; pricing is kept to a
    // share of the search's time (one pricing costs as much as dozens of subgradient steps).
    if (bestDesign && node.bound < pruneAt() && pricingMs <= p.pricingShare * (performance.now() - started)) {
      const t = performance.now();
      await price(repair(ev.problem, bestDesign, rng, undefined));
      pricingMs += performance.now() - t;
    }
    input.onNode?.({
      node: nodes,
      depth: node.depth,
      free: countFree(node.fixed),
      bound: node.bound,
      open: heap.size,
      lowerBound: Math.min(closedBound, heap.minBound(), node.bound, ub()),
    });
    if (node.bound >= pruneAt()) {
      closedBound = Math.min(closedBound, node.bound);
      continue;
    }
    const u = stepper.bestMultipliers;
    const fb = relaxation.fixingBounds!(u, pruneAt(), node.fixed);
    const fixed = Int8Array.from(node.fixed);
    let branchOn = -1;
    let branchMin = -Infinity;
    let branchMax = -Infinity;
    let raised = node.bound;
    for (let i = 0; i < size; i++) {
      if (fixed[i]! >= 0) continue;
      const open = fb.open[i]!;
      const closed = fb.closed[i]!;
      // Every design of the node has y_i = 0 or 1: both sides bound it.
      raised = Math.max(raised, Math.min(open, closed));
      const cut = pruneAt();
      if (open >= cut && closed >= cut) continue; // the node itself is pruned below
      if (open >= cut) {
        fixed[i] = 0;
        closedBound = Math.min(closedBound, open);
        continue;
      }
      if (closed >= cut) {
        fixed[i] = 1;
        closedBound = Math.min(closedBound, closed);
        continue;
      }
      // Most fractional in the primal estimate first, then the larger flip cost.
      // (Branching on max_i min(open_i, closed_i) instead took 2-5x the nodes on capb-6000 / capc-5750.)
      const lo = -Math.abs(ybar[i]! - 0.5);
      const hi = Math.max(open, closed);
      if (lo > branchMin || (lo === branchMin && hi > branchMax)) {
        branchOn = i;
        branchMin = lo;
        branchMax = hi;
      }
    }
    node.bound = raised;
    if (node.bound >= pruneAt()) {
      closedBound = Math.min(closedBound, node.bound);
      continue;
    }
    const child = (f: Int8Array, bound: number): BnbNode => ({
      fixed: f,
      bound: Math.max(node.bound, bound),
      u: Float64Array.from(u),
      lambda: stepper.lambda,
      depth: node.depth + 1,
    });
    if (branchOn < 0) {
      // Fixing settled every free bit: the node is now one design (or needs another pass).
      heap.push(child(fixed, node.bound));
      continue;
    }
    const shut = Int8Array.from(fixed);
    shut[branchOn] = 0;
    const opened = Int8Array.from(fixed);
    opened[branchOn] = 1;
    heap.push(child(shut, fb.closed[branchOn]!));
    heap.push(child(opened, fb.open[branchOn]!));
  }
  const openBound = heap.minBound();
  const lowerBound = Math.min(closedBound, openBound, ub());
  return {
    lowerBound,
    best,
    exhausted: heap.size === 0 && lowerBound >= pruneAt(),
    nodes,
    open: heap.size,
    priced: tried.size,
  };
}

/** The relaxation with `fixed` held in every solve (so the generic stepper works on a node). */
function restricted(r: LagrangianRelaxation, fixed: Int8Array): LagrangianRelaxation {
  return { size: r.size, sign: r.sign, initial: () => r.initial(), solve: (u) => r.solve(u, fixed) };
}

function countFree(fixed: Int8Array): number {
  let k = 0;
  for (const b of fixed) if (b < 0) k++;
  return k;
}

/** Binary min-heap of nodes by bound (deeper first on ties, which reaches leaves sooner). */
class NodeHeap {
  private readonly items: BnbNode[] = [];

  get size(): number {
    return this.items.length;
  }

  minBound(): number {
    return this.items[0]?.bound ?? Infinity;
  }

  push(n: BnbNode): void {
    const a = this.items;
    a.push(n);
    let k = a.length - 1;
    while (k > 0) {
      const up = (k - 1) >> 1;
      if (!before(a[k]!, a[up]!)) break;
      [a[k], a[up]] = [a[up]!, a[k]!];
      k = up;
    }
  }

  pop(): BnbNode | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let m = k;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === k) break;
        [a[k], a[m]] = [a[m]!, a[k]!];
        k = m;
      }
    }
    return top;
  }
}

function before(a: BnbNode, b: BnbNode): boolean {
  return a.bound < b.bound || (a.bound === b.bound && a.depth > b.depth);
}
