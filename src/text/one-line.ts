/**
 * Text on one line (every run of white space one space), cut at a word boundary with an
 * ellipsis when longer than `max` characters.
 *
 * @example oneLine('The talks\nresume on Friday', 14) // 'The talks…'
 */
export function oneLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
