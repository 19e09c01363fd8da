/** A whitespace-separated token with the line it came from (for error messages). */
export interface Token {
  readonly text: string;
  readonly line: number;
}

/** Splits text into tokens, remembering line numbers. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  text.split(/\r?\n/).forEach((lineText, k) => {
    for (const t of lineText.trim().split(/\s+/)) if (t !== '') out.push({ text: t, line: k + 1 });
  });
  return out;
}

/** Parses a numeric token; accepts `7500.` and `.25`. Returns NaN for anything else. */
export function parseNumber(text: string): number {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : NaN;
}
