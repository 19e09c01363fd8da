import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { networkFromText } from '../../src/problems/network/reader.js';
import { readNetworkWorkbook } from '../../src/problems/network/workbook.js';
import { rlnd } from '../helpers/cli.js';
import { orlibPath, ROOT } from '../helpers/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'rlnd-convert-'));

describe('rlnd convert', () => {
  it('writes a network (a file or a CSV folder) as a workbook that solves to the same optimum', async () => {
    const out = join(dir, 'demo.xlsx');
    const input = `${ROOT}docs/examples/network/csv-demo`;
    const { code, stdout, stderr } = await rlnd('convert', input, '--out', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(`${input} -> ${out}: 4 nodes, 3 arcs\n`);
    const doc = (await readNetworkWorkbook(out)) as { provenance: Record<string, string> };
    expect(doc.provenance.workbook).toBe(`written by \`rlnd convert ${input} --out ${out}\``);
    const solved = await rlnd('solve', out, '--json');
    expect(solved.code).toBe(0);
    expect(JSON.parse(solved.stdout)).toMatchObject({ objective: 39689, open: ['P1', 'D1'] });
    // An older kind goes to a workbook in one step too.
    const cap = await rlnd('convert', orlibPath('cap41'), '--out', join(dir, 'cap41.xlsx'));
    expect(cap.code).toBe(0);
    expect(cap.stdout).toMatch(/66 nodes, 800 arcs/);
  });

  it('writes cap41 as a JSON network file that loads, with the command in its provenance', async () => {
    const out = join(dir, 'cap41.json');
    const { code, stdout, stderr } = await rlnd('convert', orlibPath('cap41'), '--out', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/66 nodes, 800 arcs/);
    const text = readFileSync(out, 'utf8');
    const net = networkFromText(text, out);
    expect(net.bits).toHaveLength(16);
    expect(net.arcs).toHaveLength(800);
    expect(JSON.parse(text).provenance.converted).toBe(
      `written by \`rlnd convert ${orlibPath('cap41')} --out ${out}\``,
    );
    const solved = await rlnd('solve', out, '--json');
    expect(solved.code).toBe(0);
    expect(JSON.parse(solved.stdout)).toMatchObject({ objective: 1040444.375, status: 'optimal', problem: 'network' });
  });

  it('writes YAML (one node per line) for a .yaml name; the variant is recorded', async () => {
    const out = join(dir, 'west-java.yaml');
    const input = `${ROOT}instances/west-java/west-java.json`;
    const { code } = await rlnd('convert', input, '--variant', 'cflp', '--out', out);
    expect(code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^ {2}- \{ id: BOG-1, echelon: site,/m);
    const net = networkFromText(text, out);
    expect(net.nodes).toHaveLength(99);
    expect(net.nodes.some((n) => n.singleSource)).toBe(false);
    expect(text).toContain('--variant cflp');
  });

  it('bad input: one line naming the file or option, exit code 1', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['convert', join(dir, 'missing.txt'), '--out', join(dir, 'x.json')],
        /missing\.txt: file: a readable instance file \(ENOENT\)/,
      ],
      [
        ['convert', orlibPath('cap41'), '--out', join(dir, 'x.txt')],
        /--out: .*x\.txt: a file name ending in \.json, \.yaml, \.yml/,
      ],
      [
        ['convert', orlibPath('cap41'), '--out', join(dir, 'no', 'such', 'x.json')],
        /x\.json: file: a writable path \(ENOENT\)/,
      ],
      [['convert', `${ROOT}instances/orlib-cap/capa.txt`, '--out', join(dir, 'capa.json')], /pass --capacity N/],
      [
        ['convert', `${ROOT}instances/jakarta-rln/jakarta.json`, '--variant', 'uflp', '--out', join(dir, 'j.json')],
        /--variant: uflp: not an option of jakarta-rln files/,
      ],
      [
        ['convert', orlibPath('cap41'), '--capacity', '-3', '--out', join(dir, 'x.json')],
        /--capacity: -3: a number >= 0/,
      ],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await rlnd(...args);
      expect(code, args.join(' ')).toBe(1);
      expect(stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(stderr).toMatch(message);
    }
  });
});
