import { readFile, writeFile } from 'node:fs/promises';
import type { Argv } from 'yargs';
import { InputError } from '../core/errors.js';
import { convertibleKinds, convertText, type ConvertOptions } from '../problems/network/convert/index.js';
import { formatNetworkDocument, NETWORK_EXTENSIONS } from '../problems/network/convert/format.js';
import { withProvenance } from '../problems/network/convert/provenance.js';
import { networkFromData } from '../problems/network/reader.js';

/**
 * `rlnd convert <input> [--variant v] [--capacity N] --out <file.json|file.yaml>`: writes an
 * OR-Library file or an older JSON instance as a network file, the command recorded in its provenance.
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
          describe: `network file to write (${NETWORK_EXTENSIONS.join(', ')})`,
        }),
    async (argv) => {
      const out = argv.out;
      if (!NETWORK_EXTENSIONS.some((e) => out.endsWith(e)))
        throw new InputError('--out', out, `a file name ending in ${NETWORK_EXTENSIONS.join(', ')}`);
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
