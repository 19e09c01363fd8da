import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { InputError } from '../core/errors.js';
import { HighsHandle } from '../exact/highs-handle.js';
import { DEFAULT_RATE } from '../studies/java-recycling/indicators.js';
import { readStudyNetwork } from '../studies/java-recycling/read-network.js';
import {
  DEFAULT_DEMAND_CHANGES,
  DEFAULT_INVESTMENT_CHANGES,
  technoEconomicStudy,
} from '../studies/java-recycling/study.js';

function changes(text: string | undefined, flag: string, fallback: readonly number[]): readonly number[] {
  if (text === undefined) return fallback;
  const out = text.split(',').map((s) => Number(s.trim()));
  if (out.length === 0 || out.some((v) => !Number.isFinite(v) || v <= -1))
    throw new InputError('command line', flag, `comma-separated fractions > -1 (e.g. -0.1,0,0.2), got '${text}'`);
  return out;
}

/**
 * `rlnd techno-economics <network file> --out dir`: solve, then cash flows, NPV, IRR, ROI,
 * break-even, and the sensitivities of Kasy et al.'s Figures 4-7, written as CSV and SVG.
 */
export function technoEconomicsCommand(y: Argv): Argv {
  return y.command(
    'techno-economics <file>',
    'NPV / IRR / ROI / break-even of the optimal network (Kasy et al. study, e.g. instances/network/java-recycling-option2.json), with sensitivity plots',
    (a) =>
      a
        .positional('file', { type: 'string', demandOption: true, describe: 'network instance (.json, .yaml)' })
        .option('out', { type: 'string', demandOption: true, describe: 'directory for the CSV and SVG files' })
        .option('rate', {
          type: 'number',
          default: DEFAULT_RATE,
          describe: 'discount rate per year for the NPV (paper: 15%)',
        })
        .option('years', {
          type: 'number',
          describe: 'horizon in years (default: the model periods; later years repeat the last period)',
        })
        .option('investment-changes', {
          type: 'string',
          describe: `investment cost changes (default ${DEFAULT_INVESTMENT_CHANGES.join(',')})`,
        })
        .option('demand-changes', {
          type: 'string',
          describe: `demand changes (default ${DEFAULT_DEMAND_CHANGES.join(',')})`,
        })
        .option('supply-follows-demand', {
          type: 'boolean',
          default: false,
          describe: 'scale every supply with demand in the demand sensitivity',
        })
        .option('bep-with-waste', {
          type: 'boolean',
          default: false,
          describe: 'count waste treatment in the break-even margin',
        }),
    async (argv) => {
      if (argv.years !== undefined && !(Number.isInteger(argv.years) && argv.years >= 1))
        throw new InputError('command line', '--years', `a positive integer, got ${argv.years}`);
      if (!(argv.rate > -1)) throw new InputError('command line', '--rate', `a rate > -1, got ${argv.rate}`);
      const inst = await readStudyNetwork(argv.file);
      const handle = await HighsHandle.load();
      const study = await technoEconomicStudy(handle, inst, {
        rate: argv.rate,
        ...(argv.years !== undefined ? { years: argv.years } : {}),
        investmentChanges: changes(argv['investment-changes'], '--investment-changes', DEFAULT_INVESTMENT_CHANGES),
        demandChanges: changes(argv['demand-changes'], '--demand-changes', DEFAULT_DEMAND_CHANGES),
        supplyFollowsDemand: argv['supply-follows-demand'],
        bepWithWaste: argv['bep-with-waste'],
      });
      await mkdir(argv.out, { recursive: true });
      for (const [name, content] of Object.entries(study.files)) await writeFile(join(argv.out, name), content);
      const b = study.base;
      const idr = (v: number): string => `IDR ${Math.round(v).toLocaleString('en-US')}`;
      console.log(`${inst.name}: open ${study.open.join(', ')}; profit ${idr(b.account.profit)}`);
      console.log(`  horizon ${b.cashFlows.length - 1} years, rate ${(100 * b.rate).toFixed(2)}%`);
      console.log(
        `  NPV ${idr(b.npv)}   IRR ${b.irr === null ? `n/a (${b.irrNote})` : `${(100 * b.irr).toFixed(2)}%`}   ROI ${(100 * b.roi).toFixed(2)}%`,
      );
      const unit = (id: string): string => inst.products[inst.productIndex.get(id)!]!.unit ?? '';
      console.log(
        `  break-even per period: ${b.breakEven.byProduct.map((m) => `${m.product} ${m.amount.toFixed(2)} ${unit(m.product)}`).join(', ')} (${b.breakEven.inputUnits.toFixed(2)} ${unit(b.breakEven.input)} ${b.breakEven.input})`,
      );
      console.log('  demand change -> profit, open:');
      for (const r of study.demand)
        console.log(
          `    ${(100 * r.change).toFixed(0).padStart(4)}%  ${r.profit === null ? r.status : idr(r.profit)}  ${r.open}`,
        );
      console.log(`  wrote ${Object.keys(study.files).join(', ')} to ${argv.out}`);
    },
  );
}
