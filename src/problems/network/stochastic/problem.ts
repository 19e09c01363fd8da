import type { Design } from '../../../core/design.js';
import { preciseSum } from '../../../core/numeric.js';
import type { Problem } from '../../../core/problem.js';
import type { ScenarioOutcome } from '../../../core/result.js';
import type { TwoStageDecomposition } from '../../../core/two-stage.js';
import { networkFigures } from '../cost.js';
import { countRuleViolation, networkSpace } from '../design-space.js';
import { networkViolations } from '../violations.js';
import { networkDecomposition } from './decomposition.js';
import {
  evaluateStochastic,
  expectedCost,
  scenarioCost,
  scenarioInfeasibility,
  type StochasticFlows,
} from './evaluate.js';
import { buildExtensiveForm } from './extensive.js';
import type { StochasticNetwork } from './instance.js';
import { relaxedDemand, singleSourceViolations } from './recourse.js';

/**
 * A two-stage network as an rlnd {@link Problem}: the design is the first stage (the nominal
 * network's candidates and options), priced by its expected cost over the scenarios, each
 * scenario's flows priced exactly by its own flow model. The full MILP is the extensive form;
 * decomposition methods use {@link Problem.twoStage}.
 */
export function stochasticNetworkProblem(st: StochasticNetwork): Problem<StochasticFlows> {
  const base = st.base;
  const space = networkSpace(base);
  let decomposition: TwoStageDecomposition | null = null;
  const outcomes = (design: Design, flows: StochasticFlows): ScenarioOutcome[] =>
    st.scenarios.map((s, k) => {
      const { cost, unmet } = scenarioCost(st, s, design, flows.scenarios[k]!.flows);
      return { id: s.id, probability: s.probability, cost: cost.total, unmetDemand: unmet };
    });
  return {
    kind: 'network',
    name: st.name,
    space,
    dimensions: {
      nodes: base.nodes.length,
      candidates: base.nodes.filter((n) => n.candidate).length,
      arcs: base.arcs.length,
      products: base.products.length,
      periods: base.periods,
      scenarios: st.scenarios.length,
    },
    hints: {
      siteFixedCost: base.bits.map((_, i) =>
        preciseSum(st.scenarios.map((s) => s.probability * s.instance.bits[i]!.fixedCost)),
      ),
      infeasibility: (design) =>
        design
          ? (countRuleViolation(base, design) ??
            firstOf(st.scenarios.map((s) => () => scenarioInfeasibility(st, s, design))))
          : firstOf(st.scenarios.map((s) => () => scenarioInfeasibility(st, s))),
    },
    buildMilp: () => buildExtensiveForm(st),
    evaluate: (handle, design, options) => evaluateStochastic(handle, st, design, options),
    cost: (design, flows) => expectedCost(st, design, flows),
    violations(design, flows) {
      if (
        flows.scenarios.length !== st.scenarios.length ||
        flows.scenarios.some((f, k) => f.id !== st.scenarios[k]!.id)
      ) {
        return [
          `flows of scenarios ${flows.scenarios.map((f) => f.id).join(', ')}, expected ${st.scenarios.map((s) => s.id).join(', ')}`,
        ];
      }
      return st.scenarios.flatMap((s, k) => {
        // Under recourse a shortfall is priced, not broken: check against demand from 0 up.
        const f = flows.scenarios[k]!.flows;
        const found =
          st.unmetDemandPenalty === null
            ? networkViolations(s.instance, design, f)
            : [...networkViolations(relaxedDemand(s.instance), design, f), ...singleSourceViolations(s.instance, f)];
        return found.map((v) => `scenario ${s.id}: ${v}`);
      });
    },
    figures(design, flows) {
      const out = new Map<string, number[]>();
      st.scenarios.forEach((s, k) => {
        for (const [name, v] of Object.entries(networkFigures(s.instance, design, flows.scenarios[k]!.flows)))
          out.set(name, [...(out.get(name) ?? []), s.probability * v]);
      });
      const expected = Object.fromEntries([...out].map(([k, v]) => [k, preciseSum(v)]));
      const unmet = outcomes(design, flows).reduce((t, o, k) => t + st.scenarios[k]!.probability * o.unmetDemand, 0);
      return st.unmetDemandPenalty === null ? expected : { ...expected, expectedUnmetDemand: unmet };
    },
    report: (design, flows) => stochasticReport(st, design, outcomes(design, flows)),
    scenarioOutcomes: outcomes,
    twoStage: () => (decomposition ??= networkDecomposition(st)),
  };
}

function firstOf(checks: readonly (() => string | null)[]): string | null {
  for (const c of checks) {
    const r = c();
    if (r !== null) return r;
  }
  return null;
}

const num = (v: number): string => v.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** The open nodes and one line per scenario: probability, cost, demand left unmet. */
function stochasticReport(st: StochasticNetwork, design: Design, outcomes: readonly ScenarioOutcome[]): string {
  const expected = preciseSum(outcomes.map((o) => o.probability * o.cost));
  const rows = outcomes.map((o) => [o.id, String(o.probability), num(o.cost), num(o.unmetDemand)]);
  const head = ['scenario', 'probability', 'cost', 'unmet demand'];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]): string =>
    r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ');
  const open = st.base.bits.filter((_, i) => design[i]).map((b) => b.label);
  return [
    `Two-stage network ${st.name}: expected cost ${num(expected)} over ${outcomes.length} scenarios${st.unmetDemandPenalty !== null ? ` (unmet demand at ${num(st.unmetDemandPenalty)} per unit)` : ''}`,
    `Open: ${open.join(', ') || '(none)'}`,
    '',
    line(head),
    ...rows.map(line),
  ].join('\n');
}
