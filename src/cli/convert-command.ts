import { readFile, stat, writeFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import type { Argv } from 'yargs';
import { InputError } from '../core/errors.js';
import { convertibleKinds, convertText, type ConvertOptions } from '../problems/network/convert/index.js';
import { formatNetworkDocument, NETWORK_EXTENSIONS } from '../problems/network/convert/format.js';
import { withProvenance } from '../problems/network/convert/provenance.js';
import { parseJsonText } from '../io/json-fields.js';
import { parseYamlText } from '../io/yaml-text.js';
import { readNetworkFolder } from '../problems/network/csv-folder.js';
import { isNetworkSource } from '../problems/network/load.js';
import { networkFromData } from '../problems/network/reader.js';
import { isWorkbookFile, readNetworkWorkbook, writeNetworkWorkbook } from '../problems/network/workbook.js';

/**
 * `rlnd convert <input> [--variant v] [--capacity N] --out <file.json|file.yaml|file.xlsx>`: writes an
 * OR-Library file or an older JSON instance as a network file, the command recorded in its provenance.
 * With `--out x.xlsx` the input may also be a network (file or CSV folder): it is written as a workbook.
 */
export function convertCommand(y: Argv): Argv {
  return y.command(
    'convert <input>',
    'write an older instance (OR-Library text, facility-location, jakarta-rln JSON, ...) as a network file',
    (a) =>
      a
        .positional('input', {
          type: 'string',
          demandOption: true,
          describe: `instance file (${convertibleKinds().join(', ')})`,
        })
        .option('variant', { type: 'string', describe: 'facility-location variant: cflp, sscflp or uflp' })
        .option('capacity', {
          type: 'number',
          describe: "capacity of every site (OR-Library capa/capb/capc carry the word 'capacity')",
        })
        .option('out', {
          type: 'string',
          demandOption: true,
          describe: `network file to write (${[...NETWORK_EXTENSIONS, '.xlsx'].join(', ')})`,
        }),
    async (argv) => {
      const out = argv.out;
      if (!NETWORK_EXTENSIONS.some((e) => out.endsWith(e)) && !isWorkbookFile(out))
        throw new InputError('--out', out, `a file name ending in ${[...NETWORK_EXTENSIONS, '.xlsx'].join(', ')}`);
      if (isWorkbookFile(out) && (await isNetworkSource(argv.input))) return networkToWorkbook(argv.input, out);
      if (argv.capacity !== undefined && !(Number.isFinite(argv.capacity) && argv.capacity >= 0))
        throw new InputError('--capacity', String(argv.capacity), 'a number >= 0');
      let text: string;
      try {
        text = await readFile(argv.input, 'utf8');
      } catch (err) {
        throw new InputError(
          argv.input,
          'file',
          `a readable instance file (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`,
        );
      }
      const options: ConvertOptions = {
        ...(argv.variant !== undefined ? { variant: argv.variant } : {}),
        ...(argv.capacity !== undefined ? { capacity: argv.capacity } : {}),
      };
      const converted = convertText(text, argv.input, options);
      const command = [
        'rlnd convert',
        argv.input,
        ...(options.variant ? [`--variant ${options.variant}`] : []),
        ...(options.capacity !== undefined ? [`--capacity ${options.capacity}`] : []),
        `--out ${out}`,
      ].join(' ');
      const doc = {
        ...converted,
        provenance: withProvenance(converted.provenance, 'converted', `written by \`${command}\``),
      };
      // The document must read back as a network (schema and semantic checks); if not, that is a
      // converter bug, not the user's input, and it is not written.
      try {
        networkFromData(JSON.parse(JSON.stringify(doc)), out);
      } catch (err) {
        throw new Error(
          `rlnd convert made a network that does not compile (a converter bug): ${(err as Error).message}`,
        );
      }
      if (isWorkbookFile(out)) return writeWorkbookChecked(doc, out, argv.input);
      try {
        await writeFile(out, formatNetworkDocument(doc, out));
      } catch (err) {
        throw new InputError(out, 'file', `a writable path (${(err as NodeJS.ErrnoException).code ?? 'unwritable'})`);
      }
      console.log(
        `${argv.input} -> ${out}: ${doc.nodes.length} nodes, ${doc.arcs?.length ?? 0} arcs, ${doc.arcRules?.length ?? 0} arc rules`,
      );
    },
  );
}

/** `rlnd convert <network file or folder> --out x.xlsx`: the same document, as a workbook. */
async function networkToWorkbook(input: string, out: string): Promise<void> {
  let data: unknown;
  if ((await stat(input).catch(() => null))?.isDirectory()) data = await readNetworkFolder(input);
  else {
    const text = await readFile(input, 'utf8');
    data = input.endsWith('.json') ? parseJsonText(text, input) : parseYamlText(text, input);
  }
  networkFromData(data, input);
  const doc = data as Record<string, unknown>;
  const line = `written by \`rlnd convert ${input} --out ${out}\``;
  await writeWorkbookChecked({ ...doc, provenance: withProvenance(doc.provenance, 'workbook', line) }, out, input);
}

/** Writes the workbook and reads it back: anything but the same document is a writer bug, and fails. */
async function writeWorkbookChecked(doc: Readonly<Record<string, unknown>>, out: string, input: string): Promise<void> {
  try {
    await writeNetworkWorkbook(doc, out);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code) throw new InputError(out, 'file', `a writable path (${code})`);
    throw err;
  }
  const back = await readNetworkWorkbook(out);
  if (!isDeepStrictEqual(back, JSON.parse(JSON.stringify(doc))))
    throw new Error(`rlnd convert: ${out} does not read back as the document of ${input} (a workbook writer bug)`);
  const sheets = Object.keys(doc).filter((k) => ['nodes', 'arcs', 'arcRules'].includes(k));
  console.log(`${input} -> ${out}: ${sheets.map((k) => `${(doc[k] as unknown[]).length} ${k}`).join(', ')}`);
}
