import type { MilpFormulation } from '../../../core/problem.js';
import { LinearModelBuilder } from '../../../exact/linear-model.js';
import { buildNetworkModel } from '../model.js';
import { recourseOptions, type StochasticFlows } from './evaluate.js';
import type { StochasticNetwork } from './instance.js';

/**
 * The extensive form of a two-stage network: each scenario's full MILP (with its unmet-demand
 * columns under recourse), the design columns shared, every other column and row copied once
 * per scenario (names prefixed `s<k>_`), costs weighted by the scenario probabilities. A shared
 * design column costs its expected fixed cost; the design rows (count rules, one option per
 * node) are written once, from the first scenario.
 */
export function buildExtensiveForm(st: StochasticNetwork): MilpFormulation<StochasticFlows> {
  const forms = st.scenarios.map((s) => buildNetworkModel(s.instance, undefined, recourseOptions(st)));
  const first = forms[0]!;
  const design = first.designColumns!;
  const b = new LinearModelBuilder(`${first.model.name}-extensive-${forms.length}`);
  const shared = design.map((c0, k) =>
    b.addVar(first.model.colNames[c0]!, {
      type: 'binary',
      cost: forms.reduce((t, f, s) => t + st.scenarios[s]!.probability * f.model.colCost[f.designColumns![k]!]!, 0),
    }),
  );
  const maps = forms.map((f, s) => {
    const m = f.model;
    const p = st.scenarios[s]!.probability;
    const map = new Int32Array(m.colNames.length).fill(-1);
    f.designColumns!.forEach((col, k) => (map[col] = shared[k]!));
    for (let j = 0; j < m.colNames.length; j++) {
      if (map[j] === -1)
        map[j] = b.addVar(`s${s + 1}_${m.colNames[j]}`, {
          type: m.colType[j]!,
          lower: m.colLower[j]!,
          upper: m.colUpper[j]!,
          cost: p * m.colCost[j]!,
        });
    }
    for (let r = 0; r < m.rowNames.length; r++) {
      const vars: number[] = [];
      const coefs: number[] = [];
      let designOnly = true;
      for (let k = m.rowStarts[r]!; k < m.rowStarts[r + 1]!; k++) {
        vars.push(map[m.indices[k]!]!);
        coefs.push(m.values[k]!);
        if (!f.designColumns!.includes(m.indices[k]!)) designOnly = false;
      }
      // Rows over design columns only are the same in every scenario: once is enough.
      if (designOnly && s > 0) continue;
      b.addRow(
        designOnly ? m.rowNames[r]! : `s${s + 1}_${m.rowNames[r]}`,
        { vars, coefs },
        m.rowLower[r]!,
        m.rowUpper[r]!,
      );
    }
    b.addOffset(p * m.offset);
    return map;
  });
  return {
    model: b.build(),
    designColumns: shared,
    decode(values) {
      const scenarios = forms.map((f, s) => {
        const local = Float64Array.from(maps[s]!, (col) => values[col]!);
        return { id: st.scenarios[s]!.id, flows: f.decode(local).flows };
      });
      return { design: Uint8Array.from(shared, (col) => (values[col]! > 0.5 ? 1 : 0)), flows: { scenarios } };
    },
  };
}
