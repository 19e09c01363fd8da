import { validate } from '../../core/validation.js';
import { parseJsonText } from '../../io/json-fields.js';
import { parseYamlText } from '../../io/yaml-text.js';
import { compileNetwork } from './compile.js';
import type { NetworkInstance } from './instance.js';
import { NetworkDocumentSchema, type NetworkDocument } from './schema.js';

/** Validates a raw network document (from JSON, YAML or a CSV folder); one-line errors. */
export function parseNetworkDocument(data: unknown, file: string): NetworkDocument {
  return validate(NetworkDocumentSchema, data, file, '', 'docs/network.md');
}

/** Parses network text: YAML for `.yaml`/`.yml`, JSON otherwise. */
export function parseNetworkText(text: string, file: string): unknown {
  return /\.ya?ml$/i.test(file) ? parseYamlText(text, file) : parseJsonText(text, file);
}

/** A compiled network from file text (JSON or YAML). */
export function networkFromText(text: string, file: string): NetworkInstance {
  return networkFromData(parseNetworkText(text, file), file);
}

/** A compiled network from a raw document. */
export function networkFromData(data: unknown, file: string): NetworkInstance {
  return compileNetwork(parseNetworkDocument(data, file), file);
}
