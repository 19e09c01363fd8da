import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../../src/experiments/load-config.js';
import {
  sensitivityMarkdown,
  sensitivityPlots,
  sensitivityTable,
  type SensitivityRun,
} from '../../../src/studies/west-java/sensitivity-table.js';
import { ROOT } from '../../helpers/fixtures.js';

const runOf = (
  kind: string,
  levels: Record<string, number>,
  objective: number | null,
  open: string[],
  set: string | null = kind === 'nominal' ? null : 'cap',
): SensitivityRun => ({
  instance: { label: 'wj' },
  method: { label: 'milp' },
  scenario: { kind, set, levels },
  status: objective === null ? 'infeasible' : 'optimal',
  objective,
  open,
});

describe('West Java sensitivity table', () => {
  const runs = [
    runOf('nominal', {}, 100, ['A', 'B', 'C']),
    runOf('sensitivity', { capacity: 1.3 }, 90, ['A', 'C']),
    runOf('sensitivity', { capacity: 0.7 }, 125, ['A', 'B', 'C', 'D10', 'D2']),
    runOf('sensitivity', { capacity: 0.5 }, null, []),
  ];
  const rows = sensitivityTable(runs);

  it('lists levels in order with points opened, cost change and the dealers that open or close', () => {
    expect(rows.map((r) => r.level)).toEqual([0.5, 0.7, 1.3]);
    expect(rows[1]).toMatchObject({
      block: 'cap',
      parameter: 'capacity',
      open: 5,
      cost: 125,
      costChangePct: 25,
      opened: ['D2', 'D10'],
      closed: [],
    });
    expect(rows[2]).toMatchObject({ open: 2, costChangePct: -10, opened: [], closed: ['B'] });
    expect(rows[0]).toMatchObject({
      status: 'infeasible',
      open: null,
      cost: null,
      costChangePct: null,
      opened: [],
      closed: [],
    });
  });

  it('renders markdown and two plots with one series per instance and block', () => {
    const md = sensitivityMarkdown(rows);
    expect(md).toContain('| 0.7 | optimal | 5 | 125 | +25.0% | D2 D10 | - |');
    expect(md).toContain('| 0.5 | infeasible | - | - | - | - | - |');
    const plots = sensitivityPlots(rows);
    expect(plots.open.match(/<polyline/g)).toHaveLength(1);
    expect(plots.cost).toContain('cost change (%)');
  });

  it('matches the experiment config: three blocks over -30%..+30% and demand growth to +30%', async () => {
    await expect(loadConfig(`${ROOT}experiments/west-java-sensitivity.yaml`)).resolves.toBeTruthy();
    const cfg = parse(readFileSync(`${ROOT}experiments/west-java-sensitivity.yaml`, 'utf8'));
    const blocks = cfg.scenarios.sensitivity as { name: string; parameter: string; from: number; to: number }[];
    expect(blocks.map((b) => [b.parameter, b.from, b.to])).toEqual([
      ['transportCost', 0.7, 1.3],
      ['capacity', 0.7, 1.3],
      ['demand', 1.0, 1.3],
    ]);
  });
});
