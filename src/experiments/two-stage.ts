import { designFrom } from '../core/design.js';
import type { MilpFormulation } from '../core/problem.js';
import { LinearModelBuilder } from '../exact/linear-model.js';
import type { TwoStageModel } from './two-stage-fl.js';

/**
 * The two-stage extensive form of any problem whose full MILP names its design columns, over
 * equally likely scenarios (the same design space, scaled data): the design columns are shared
 * (each costs its mean over the scenarios), every other column and every row is copied once per
 * scenario with its cost divided by the number of scenarios. The design must be feasible in every
 * scenario; all the recourse is what each scenario's own MILP may do with its flows. Returns null
 * when some scenario's MILP does not name its design columns.
 */
export function buildTwoStage(forms: readonly MilpFormulation<unknown>[], name: string): TwoStageModel | null {
  const first = forms[0];
  if (
    !first?.designColumns ||
    forms.some(
      (f) =>
        !f.designColumns ||
        f.designColumns.length !== first.designColumns!.length ||
        f.model.sense !== first.model.sense,
    )
  )
    return null;
  const S = forms.length;
  const nBits = first.designColumns.length;
  const b = new LinearModelBuilder(`${name}-two-stage-${S}`, first.model.sense);
  // Shared first stage: a bit is open in every scenario or in none.
  const shared = first.designColumns.map((_, k) => {
    const cols = forms.map((f) => f.designColumns![k]!);
    const m0 = first.model;
    const c0 = cols[0]!;
    return b.addVar(`y_${m0.colNames[c0]}`, {
      type: m0.colType[c0],
      lower: Math.max(...forms.map((f, s) => f.model.colLower[cols[s]!]!)),
      upper: Math.min(...forms.map((f, s) => f.model.colUpper[cols[s]!]!)),
      cost: forms.reduce((t, f, s) => t + f.model.colCost[cols[s]!]!, 0) / S,
    });
  });
  forms.forEach((f, s) => {
    const m = f.model;
    const map = new Array<number>(m.colNames.length).fill(-1);
    f.designColumns!.forEach((col, k) => {
      map[col] = shared[k]!;
    });
    for (let j = 0; j < m.colNames.length; j++) {
      if (map[j] !== -1) continue;
      map[j] = b.addVar(`s${s + 1}_${m.colNames[j]}`, {
        type: m.colType[j],
        lower: m.colLower[j]!,
        upper: m.colUpper[j]!,
        cost: m.colCost[j]! / S,
      });
    }
    for (let r = 0; r < m.rowNames.length; r++) {
      const vars: number[] = [];
      const coefs: number[] = [];
      for (let k = m.rowStarts[r]!; k < m.rowStarts[r + 1]!; k++) {
        vars.push(map[m.indices[k]!]!);
        coefs.push(m.values[k]!);
      }
      b.addRow(`s${s + 1}_${m.rowNames[r]}`, { vars, coefs }, m.rowLower[r]!, m.rowUpper[r]!);
    }
    b.addOffset(m.offset / S);
  });
  return {
    model: b.build(),
    decodeDesign: (values) =>
      designFrom(
        nBits,
        shared.flatMap((col, k) => (values[col]! > 0.5 ? [k] : [])),
      ),
  };
}
