import type { NetworkDocument } from '../schema.js';

/** CLI options a converter may read (`rlnd convert --variant v --capacity N`). */
export interface ConvertOptions {
  /** Facility-location variant: cflp, sscflp or uflp. */
  readonly variant?: string;
  /** Capacity of every site (OR-Library capa/capb/capc carry the literal word `capacity`). */
  readonly capacity?: number;
}

/** What a converter is given: the file as read, and the options. */
export interface ConvertInput {
  /** Path of the input, for error messages and provenance. */
  readonly file: string;
  /** The file's text. */
  readonly text: string;
  /** The parsed JSON for `.json` inputs; undefined for text formats (OR-Library). */
  readonly data: unknown;
  readonly options: ConvertOptions;
}

/**
 * One old instance kind -> a network document. A converter is a pure function of its input: it
 * reads the file with the kind's own reader (so the same checks apply) and writes the same model
 * as network data. It lists the options it reads; any other option given is refused.
 */
export interface Converter {
  /** One line for `rlnd convert --help` and error messages. */
  readonly description: string;
  readonly options: readonly (keyof ConvertOptions)[];
  convert(input: ConvertInput): NetworkDocument;
}
