/**
 * A plain-text table for the evaluation scripts: the first `leftColumns` columns padded on the
 * right (names), the rest on the left (figures); numbers with three decimals unless whole.
 *
 * @example table(['split', 'F1'], [['dev', 0.9371]], 1) // 'split     F1\n-----  -----\ndev    0.937'
 */
export function table(headers: string[], rows: Array<Array<string | number>>, leftColumns = 2): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? (Number.isInteger(c) ? String(c) : c.toFixed(3)) : c)));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
