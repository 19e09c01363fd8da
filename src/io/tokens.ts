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
