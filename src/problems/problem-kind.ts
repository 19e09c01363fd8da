import type { Problem } from '../core/problem.js';

/** Options a user may give when loading any instance (each problem uses what applies). */
export interface LoadOptions {
  /** Facility-location variant: cflp | sscflp | uflp. */
  variant?: string;
  /** Capacity for OR-Library files whose capacity is the word `capacity`. */
  capacity?: number;
  /** Relax integer flows to continuous, where a problem has integer flows. */
  relax?: boolean;
}

/**
 * Multipliers for named parameter groups of an instance: one number for the whole group
 * (shared) or one per item of the group (e.g. one per customer for `demand`).
 */
export type Factors = Readonly<Record<string, number | readonly number[]>>;

/** Any problem's read-only instance object; the hook that made it knows its real type. */
export interface KindedInstance {
  readonly kind: string;
}

/**
 * What the experiment runner needs from a problem kind to build scenario and sensitivity
 * instances: read the instance, know its parameter groups and their sizes, and scale them by a
 * pure `withChanges`-style copy.
 */
export interface ScenarioHook {
  /** Parameter groups that can be scaled (e.g. demand, fixedCost, capacity, transportCost). */
  readonly groups: readonly string[];
  /** Reads the instance object (same dispatch as `problemFromText`). */
  read(text: string, file: string, options: LoadOptions): KindedInstance;
  /** Number of items in each group (the length of a per-item factor array). */
  sizes(inst: KindedInstance): Readonly<Record<string, number>>;
  /** A new instance with the groups scaled; the input is untouched. */
  scale(inst: KindedInstance, factors: Factors): KindedInstance;
  /** The problem for an instance. */
  toProblem(inst: KindedInstance): Problem;
  /**
   * A published optimum from an `optima.json` beside the instance file (parsed), or null when
   * none applies to this file and these load options.
   */
  knownOptimum?(optima: unknown, file: string, options: LoadOptions): number | null;
}

/** One parameter of an instance generator, as plain data the CLI and the config reader both read. */
export interface GeneratorParam {
  /** Key in a config's `params`; the CLI option is its kebab-case form (`ccPerCluster` -> `--cc-per-cluster`). */
  readonly name: string;
  /** Default value; a string default makes a string parameter. */
  readonly default: number | string;
  /** One line for `--help`. */
  readonly describe: string;
  /** A number that may be fractional (every other number must be a positive integer). */
  readonly real?: boolean;
  /** The values a string parameter may take. */
  readonly choices?: readonly string[];
}

/** A seeded instance generator: `rlnd generate <name>` and `generator: <name>` in a config. */
export interface InstanceGenerator {
  /** Sub-command of `rlnd generate` and value of `generator:` in a config. */
  readonly name: string;
  /** One line for `rlnd generate --help`. */
  readonly description: string;
  readonly params: readonly GeneratorParam[];
  /**
   * The instance file's text. `params` holds every parameter (defaults filled in), `name` the
   * instance name (a default from the parameters when absent), and `file` picks the format by its
   * extension where the kind writes more than JSON. Errors are `InputError`s naming the CLI option.
   */
  generate(
    params: Readonly<Record<string, number | string>>,
    seed: number,
    name: string | undefined,
    file: string,
  ): string;
}

/**
 * Everything rlnd knows about one problem kind, in one entry: how its files are read, how its
 * scenarios scale it, and which generators write its instances. The loader, the experiment runner
 * and the CLI read what they need from here; src/problems/kinds.ts lists every kind.
 */
export interface ProblemKind {
  /** The `problem` field of its JSON and YAML files. */
  readonly kind: string;
  readonly description: string;
  /** Reads the parsed JSON or YAML document of an instance. */
  fromJson(data: unknown, file: string, options: LoadOptions): Problem;
  /**
   * Reads a file that is neither JSON nor YAML, in this kind's own text format (OR-Library for
   * facility location). Only the default kind (src/problems/kinds.ts) is asked.
   */
  fromText?(text: string, file: string, options: LoadOptions): Problem;
  /** Reads an instance given as a folder (CSV tables and a manifest) into the document `fromJson` takes. */
  readFolder?(dir: string): Promise<unknown>;
  /** Reads an instance given as a spreadsheet workbook (.xlsx, one sheet per table) into the document `fromJson` takes. */
  readWorkbook?(file: string): Promise<unknown>;
  /** Scenario and sensitivity support; a kind without it runs nominal scenarios only. */
  readonly scenario?: ScenarioHook;
  /** Seeded instance generators writing files of this kind. */
  readonly generators: readonly InstanceGenerator[];
}
