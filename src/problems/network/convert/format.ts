import { Document, isMap, isSeq } from 'yaml';
import { InputError } from '../../../core/errors.js';
import { formatInstanceJson } from '../../../io/instance-json.js';
import type { NetworkDocument } from '../schema.js';

/** Output formats of a network file, by extension. */
export const NETWORK_EXTENSIONS = ['.json', '.yaml', '.yml'] as const;

/**
 * The text of a network file, JSON or YAML by the file's extension. Both keep one node, arc or
 * rule per line (other fields pretty-printed), so large converted networks stay readable and diff well.
 */
export function formatNetworkDocument(doc: NetworkDocument, file: string): string {
  if (file.endsWith('.json')) return formatInstanceJson(doc);
  if (file.endsWith('.yaml') || file.endsWith('.yml')) {
    const yaml = new Document(doc);
    if (isMap(yaml.contents)) {
      for (const pair of yaml.contents.items) {
        if (isSeq(pair.value)) for (const item of pair.value.items) if (isMap(item)) item.flow = true;
      }
    }
    return yaml.toString({ lineWidth: 0 });
  }
  throw new InputError(file, 'extension', `one of ${NETWORK_EXTENSIONS.join(', ')} (the network file format)`);
}
