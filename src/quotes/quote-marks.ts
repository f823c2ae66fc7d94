/** Opening quotation marks. */
const OPENING = new Set(['“', '«', '„', '‚', '‘', '‹']);
/** Closing quotation marks. */
const CLOSING = new Set(['”', '»', '’', '›']);
/** Marks that open or close depending on where they stand. */
const EITHER = new Set(['"', "'", '``', "''"]);
/** Dashes that open a quotation at the start of a paragraph, as translated Scandinavian press writes it. */
const DASHES = new Set(['-', '–', '—', '―', '--']);

/** What a token is, as far as quotation goes. */
export type MarkKind = 'open' | 'close' | 'either' | 'dash' | null;

/** The quotation-mark kind of a token's text (`null` for anything else). */
export function markKind(value: string): MarkKind {
  if (OPENING.has(value)) return 'open';
  if (CLOSING.has(value)) return 'close';
  if (EITHER.has(value)) return 'either';
  if (DASHES.has(value)) return 'dash';
  return null;
}

/**
 * For each token of a paragraph, whether it stands inside quotation marks (the marks
 * themselves count as inside). Straight marks alternate; an opening mark that never closes
 * runs to the end of the paragraph (a quote continued in the next paragraph); a dash that
 * opens the paragraph runs to the first comma followed by a reporting clause, which the
 * tagger decides, so it only marks the dash. Linear in the number of tokens.
 */
export function quoteState(values: readonly string[], startsOpen = false): { inside: Uint8Array; kinds: MarkKind[]; endsOpen: boolean } {
  const n = values.length;
  const inside = new Uint8Array(n);
  const kinds = values.map(markKind);
  let open = startsOpen;
  for (let i = 0; i < n; i++) {
    const k = kinds[i];
    if (k === 'open' || (k === 'either' && !open)) {
      open = true;
      inside[i] = 1;
    } else if (k === 'close' || (k === 'either' && open)) {
      inside[i] = 1;
      open = false;
    } else inside[i] = open ? 1 : 0;
  }
  return { inside, kinds, endsOpen: open };
}
