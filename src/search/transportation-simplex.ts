/** A transportation problem: sources with capacities, sinks with demands, a unit cost per source-sink pair. */
export interface TransportationProblem {
  /** Capacity of each of the m sources (>= 0). */
  readonly supply: ArrayLike<number>;
  /** Demand of each of the n sinks (> 0: a sink without demand needs no flow). */
  readonly demand: ArrayLike<number>;
  /** Cost per unit shipped from source i to sink j, at i * n + j (finite, >= 0). */
  readonly unitCost: ArrayLike<number>;
}

/** An optimal shipment: its cost and the positive flows (source, sink, amount). */
export interface Shipment {
  readonly cost: number;
  readonly source: Int32Array;
  readonly sink: Int32Array;
  readonly amount: Float64Array;
}

const TREE = 0;
const LOWER = 1;
const UP = 1; // the tree arc of a node points from it to its parent
const DOWN = -1; // ... from its parent to it

/**
 * Primal network simplex for the transportation problem min Σ c_ij x_ij, Σ_i x_ij = d_j,
 * Σ_j x_ij <= s_i, x >= 0, over a subset of available sources, kept warm across subsets: a closed
 * source's arcs get a penalty cost (the basis stays primal feasible, the simplex drives their flow
 * out) and are never priced in, so pricing a neighbouring subset costs a few pivots. An artificial
 * root takes each source's unused capacity (slack arcs, cost 0) and feeds each sink at a penalty
 * (the starting tree). Strongly feasible trees (Cunningham's leaving-arc rule, as in LEMON) keep
 * degenerate pivots from cycling; block pricing picks entering arcs. Pure TypeScript: no LP solver
 * and no WebAssembly memory. Exact up to floating-point tolerance (checked against HiGHS in tests).
 */
export class TransportationSimplex {
  private readonly m: number;
  private readonly n: number;
  private readonly nodes: number; // m sources, n sinks, then the root
  private readonly root: number;
  private readonly arcs: number;
  private readonly src: Int32Array;
  private readonly tgt: Int32Array;
  private readonly cost: Float64Array;
  private readonly baseCost: ArrayLike<number>;
  private readonly flow: Float64Array;
  private readonly state: Int8Array;
  private readonly parent: Int32Array;
  private readonly pred: Int32Array;
  private readonly dir: Int8Array;
  private readonly depth: Int32Array;
  private readonly pi: Float64Array;
  private readonly firstChild: Int32Array;
  private readonly nextSib: Int32Array;
  private readonly prevSib: Int32Array;
  private readonly open: Uint8Array;
  private readonly supply: Float64Array;
  private readonly totalDemand: number;
  private readonly penalty: number;
  private readonly eps: number;
  private readonly flowTol: number;
  private readonly openList: Int32Array;
  private openCount = 0;
  private nextArc = 0;
  private stack: Int32Array;
  /** Pivots made so far (all solves). */
  pivots = 0;

  constructor(problem: TransportationProblem) {
    const m = problem.supply.length;
    const n = problem.demand.length;
    if (problem.unitCost.length !== m * n) throw new Error('transportation: unitCost must have m * n entries');
    this.m = m;
    this.n = n;
    this.nodes = m + n + 1;
    this.root = m + n;
    this.arcs = m * n + m + n; // real arcs, slack arcs (source -> root), artificial arcs (root -> sink)
    this.baseCost = problem.unitCost;
    this.supply = Float64Array.from(problem.supply);
    let total = 0;
    let largest = 1;
    for (let j = 0; j < n; j++) {
      total += problem.demand[j]!;
      largest = Math.max(largest, problem.demand[j]!);
    }
    this.totalDemand = total;
    this.flowTol = 1e-10 * largest;
    let maxCost = 0;
    for (let a = 0; a < m * n; a++) {
      const c = problem.unitCost[a]!;
      if (!(c >= 0 && Number.isFinite(c))) throw new Error(`transportation: unit cost ${c} at ${a}`);
      maxCost = Math.max(maxCost, c);
    }
    // A path of tree arcs spans at most m + n arcs, so no potential difference between real
    // nodes exceeds (m + n) * maxCost: a penalty above twice that never pays when a feasible
    // shipment exists.
    this.penalty = 2 * (m + n + 2) * Math.max(1, maxCost) + 1;
    this.eps = 1e-11 * this.penalty;
    const E = this.arcs;
    this.src = new Int32Array(E);
    this.tgt = new Int32Array(E);
    this.cost = new Float64Array(E);
    this.flow = new Float64Array(E);
    this.state = new Int8Array(E).fill(LOWER);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        this.src[i * n + j] = i;
        this.tgt[i * n + j] = m + j;
        this.cost[i * n + j] = this.penalty; // every source starts closed
      }
      this.src[m * n + i] = i;
      this.tgt[m * n + i] = this.root;
    }
    for (let j = 0; j < n; j++) {
      const a = m * n + m + j;
      this.src[a] = this.root;
      this.tgt[a] = m + j;
      this.cost[a] = this.penalty;
    }
    const N = this.nodes;
    this.parent = new Int32Array(N).fill(-1);
    this.pred = new Int32Array(N).fill(-1);
    this.dir = new Int8Array(N);
    this.depth = new Int32Array(N);
    this.pi = new Float64Array(N);
    this.firstChild = new Int32Array(N).fill(-1);
    this.nextSib = new Int32Array(N).fill(-1);
    this.prevSib = new Int32Array(N).fill(-1);
    this.stack = new Int32Array(N);
    this.open = new Uint8Array(m);
    this.openList = new Int32Array(m);
    // The starting tree: every node hangs from the root by its slack or artificial arc.
    for (let i = 0; i < m; i++) {
      const s = problem.supply[i]!;
      if (!(s >= 0 && Number.isFinite(s))) throw new Error(`transportation: supply ${s} at ${i}`);
      this.hang(i, m * n + i, UP, s);
    }
    for (let j = 0; j < n; j++) {
      const d = problem.demand[j]!;
      if (!(d > 0 && Number.isFinite(d))) throw new Error(`transportation: demand ${d} at ${j}`);
      this.hang(m + j, m * n + m + j, DOWN, d);
    }
  }

  /**
   * Optimal shipment using only the sources with `available[i]` set, warm from the last solve;
   * null when their capacity cannot meet the demand.
   */
  solve(available: ArrayLike<number>): Shipment | null {
    const { m, n } = this;
    let capacity = 0;
    for (let i = 0; i < m; i++) if (available[i]) capacity += this.supply[i]!;
    if (capacity < this.totalDemand * (1 - 1e-12)) return null;
    for (let i = 0; i < m; i++) {
      const want = available[i] ? 1 : 0;
      if (this.open[i] === want) continue;
      this.open[i] = want;
      for (let j = 0; j < n; j++) this.cost[i * n + j] = want ? this.baseCost[i * n + j]! : this.penalty;
    }
    this.openCount = 0;
    for (let i = 0; i < m; i++) if (this.open[i]) this.openList[this.openCount++] = i;
    this.potentials(this.root);
    const limit = 50 * this.arcs + 1000;
    for (let guard = 0; ; guard++) {
      if (guard > limit) throw new Error('transportation simplex: pivot limit reached');
      const entering = this.entering();
      if (entering < 0) break;
      this.pivot(entering);
      this.pivots++;
    }
    return this.shipment();
  }

  /**
   * Dual price of one more unit of demand at sink j after the last solve (the LP's demand-row
   * dual): at a sink served by source i, c_ij plus source i's capacity price.
   */
  sinkPrice(j: number): number {
    return this.pi[this.m + j]! - this.pi[this.root]!;
  }

  /** Capacity price of source i after the last solve (>= 0; 0 when it has capacity left). */
  sourcePrice(i: number): number {
    return this.pi[i]! - this.pi[this.root]!;
  }

  /** Appends node v under the root with tree arc a in direction d carrying f (construction only). */
  private hang(v: number, a: number, d: number, f: number): void {
    this.parent[v] = this.root;
    this.pred[v] = a;
    this.dir[v] = d;
    this.depth[v] = 1;
    this.flow[a] = f;
    this.state[a] = TREE;
    this.attach(v, this.root);
  }

  private attach(v: number, p: number): void {
    const first = this.firstChild[p]!;
    this.nextSib[v] = first;
    this.prevSib[v] = -1;
    if (first >= 0) this.prevSib[first] = v;
    this.firstChild[p] = v;
  }

  private detach(v: number): void {
    const p = this.parent[v]!;
    const prev = this.prevSib[v]!;
    const next = this.nextSib[v]!;
    if (prev >= 0) this.nextSib[prev] = next;
    else this.firstChild[p] = next;
    if (next >= 0) this.prevSib[next] = prev;
    this.nextSib[v] = -1;
    this.prevSib[v] = -1;
  }

  /** Potentials and depths of the subtree under `top` from its parent's (tree arcs have reduced cost 0). */
  private potentials(top: number): void {
    const st = this.stack;
    let sp = 0;
    if (top === this.root) {
      this.pi[top] = 0;
      this.depth[top] = 0;
      for (let c = this.firstChild[top]!; c >= 0; c = this.nextSib[c]!) st[sp++] = c;
    } else st[sp++] = top;
    while (sp > 0) {
      const v = st[--sp]!;
      const p = this.parent[v]!;
      const c = this.cost[this.pred[v]!]!;
      this.pi[v] = this.dir[v] === UP ? this.pi[p]! - c : this.pi[p]! + c;
      this.depth[v] = this.depth[p]! + 1;
      for (let k = this.firstChild[v]!; k >= 0; k = this.nextSib[k]!) st[sp++] = k;
    }
  }

  /**
   * Block search over the open sources' arcs, the slack and the artificial arcs (closed sources'
   * arcs never enter): the most negative reduced cost in the first block that has one; -1 at
   * optimality. Positions run source by source, so a block reads contiguous costs.
   */
  private entering(): number {
    const { m, n, root } = this;
    const mn = m * n;
    const oc = this.openCount;
    const real = oc * n;
    const total = real + m + n;
    const block = Math.max(64, Math.ceil(Math.sqrt(total)));
    const pi = this.pi;
    const cost = this.cost;
    const state = this.state;
    let best = -1;
    let bestRc = -this.eps;
    let p = this.nextArc >= total ? 0 : this.nextArc;
    let scanned = 0;
    for (let count = 0; count < total; count++) {
      let a: number;
      let rc: number;
      if (p < real) {
        const i = this.openList[(p / n) | 0]!;
        const j = p - ((p / n) | 0) * n;
        a = i * n + j;
        rc = state[a] === LOWER ? cost[a]! + pi[i]! - pi[m + j]! : 0;
      } else if (p < real + m) {
        const i = p - real;
        a = mn + i;
        rc = state[a] === LOWER ? pi[i]! - pi[root]! : 0;
      } else {
        const j = p - real - m;
        a = mn + m + j;
        rc = state[a] === LOWER ? cost[a]! + pi[root]! - pi[m + j]! : 0;
      }
      if (rc < bestRc) {
        bestRc = rc;
        best = a;
      }
      p = p + 1 === total ? 0 : p + 1;
      if (++scanned >= block && best >= 0) break;
    }
    this.nextArc = p;
    return best;
  }

  private pivot(inArc: number): void {
    const first = this.src[inArc]!;
    const second = this.tgt[inArc]!;
    // The apex of the cycle the entering arc closes.
    let u = first;
    let v = second;
    while (u !== v) {
      if (this.depth[u]! > this.depth[v]!) u = this.parent[u]!;
      else if (this.depth[v]! > this.depth[u]!) v = this.parent[v]!;
      else {
        u = this.parent[u]!;
        v = this.parent[v]!;
      }
    }
    const join = u;
    // Leaving arc: the first blocking arc on the source side, the last on the sink side (ties),
    // which keeps the tree strongly feasible.
    let delta = Infinity;
    let out = -1;
    let side = 0;
    for (let w = first; w !== join; w = this.parent[w]!) {
      if (this.dir[w] !== UP) continue;
      const d = Math.max(0, this.flow[this.pred[w]!]!);
      if (d < delta) {
        delta = d;
        out = w;
        side = 1;
      }
    }
    for (let w = second; w !== join; w = this.parent[w]!) {
      if (this.dir[w] !== DOWN) continue;
      const d = Math.max(0, this.flow[this.pred[w]!]!);
      if (d <= delta) {
        delta = d;
        out = w;
        side = 2;
      }
    }
    if (out < 0) throw new Error('transportation simplex: unbounded cycle');
    if (delta > 0) {
      this.flow[inArc] = this.flow[inArc]! + delta;
      for (let w = first; w !== join; w = this.parent[w]!) {
        const e = this.pred[w]!;
        this.flow[e] = this.flow[e]! - this.dir[w]! * delta;
      }
      for (let w = second; w !== join; w = this.parent[w]!) {
        const e = this.pred[w]!;
        this.flow[e] = this.flow[e]! + this.dir[w]! * delta;
      }
    }
    const outArc = this.pred[out]!;
    this.flow[outArc] = 0;
    this.state[outArc] = LOWER;
    this.state[inArc] = TREE;
    // Re-hang the cut subtree (rooted at `out`) from the entering arc: reverse the path from the
    // entering arc's endpoint inside it up to `out`.
    const a = side === 1 ? first : second;
    const b = side === 1 ? second : first;
    let x = a;
    let newParent = b;
    let newPred = inArc;
    let newDir = this.src[inArc] === a ? UP : DOWN;
    for (;;) {
      const oldParent = this.parent[x]!;
      const oldPred = this.pred[x]!;
      const oldDir = this.dir[x]!;
      this.detach(x);
      this.parent[x] = newParent;
      this.pred[x] = newPred;
      this.dir[x] = newDir;
      this.attach(x, newParent);
      if (x === out) break;
      newParent = x;
      newPred = oldPred;
      newDir = -oldDir;
      x = oldParent;
    }
    this.potentials(a);
  }

  private shipment(): Shipment {
    const { m, n } = this;
    const source: number[] = [];
    const sink: number[] = [];
    const amount: number[] = [];
    let cost = 0;
    for (let v = 0; v < this.nodes; v++) {
      if (v === this.root) continue;
      const a = this.pred[v]!;
      const f = this.flow[a]!;
      if (a >= m * n) {
        if (a >= m * n + m && f > this.flowTol) {
          // An artificial arc still carries flow: only possible if capacity fell short (checked above).
          throw new Error('transportation simplex: artificial flow left');
        }
        continue;
      }
      if (f <= this.flowTol) continue;
      const i = (a / n) | 0;
      if (!this.open[i]) throw new Error('transportation simplex: flow through a closed source');
      source.push(i);
      sink.push(a % n);
      amount.push(f);
      cost += this.baseCost[a]! * f;
    }
    return { cost, source: Int32Array.from(source), sink: Int32Array.from(sink), amount: Float64Array.from(amount) };
  }
}
