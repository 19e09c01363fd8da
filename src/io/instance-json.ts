/**
 * JSON text of an instance with one array element (site, customer, dealer) per line and other
 * fields pretty-printed, so generated instance files read and diff well and are byte-stable.
 */
export function formatInstanceJson(data: Readonly<Record<string, unknown>>): string {
  const entries = Object.entries(data).map(([k, v]) => {
    const body = Array.isArray(v)
      ? `[\n${v.map((e) => `    ${JSON.stringify(e)}`).join(',\n')}\n  ]`
      : JSON.stringify(v, null, 2).replace(/\n/g, '\n  ');
    return `  ${JSON.stringify(k)}: ${body}`;
  });
  return `{\n${entries.join(',\n')}\n}\n`;
}
