/**
 * WikiWars 1.0.4 (`keyinline/*.key.xml`): 22 Wikipedia histories of wars with inline TIMEX2
 * keys. Same shape as the TempEval-3 reader: the plain text of `<TEXT>`, the gold spans with
 * `val` and `mod`, and the document date (`<DATETIME>`, the day the page was taken from
 * Wikipedia, not a date the text is written from).
 *
 * TIMEX2 against TIMEX3, as this corpus uses them:
 * - TIMEX2 has no type; type measures do not apply.
 * - TIMEX2 nests ("the first ten months of <TIMEX2>1915</TIMEX2>" inside a duration); every
 *   key is a gold timex, the enclosed ones too (`depth` > 0), as ACE's TERN scorer counts them.
 *   A tagger that gives the inner one only matches one of the two.
 * - 68 keys carry no `val` or an empty one (event-based or generic expressions); their `value`
 *   is absent.
 * - Duration units: TIMEX2 writes decades, centuries and millennia as units (`P1DE`, `P2CE`,
 *   `P.5CE`, `PnML`); TIMEX3 as annotated in TimeBank mostly counts years (`P10Y`; `P1DE`
 *   occurs once). `timex2Value` rewrites those units as years, on gold and system values alike.
 * - The rest reads the same in both: dates `1939-09-01`, `1939-09`, `1939`, decades `194`,
 *   centuries `19`, `BC0490`, seasons `1944-SU`, weeks, `XXXX-…` placeholders, times
 *   `THH:MM(:SS)` and `TMO`/`TNI`…, durations `P3Y`/`PXD`, `PAST_REF`/`PRESENT_REF`/`FUTURE_REF`.
 *   They are compared as written: no other rewriting, and never one of a particular string.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { elementMarkup, readInline, type EvalDoc, type GoldTimex } from './inline-gold.ts';

const UNIT_YEARS: Record<string, number> = { DE: 10, CE: 100, ML: 1000 };

/**
 * A value with TIMEX2's decade, century and millennium duration units written in years; any
 * other value unchanged.
 *
 * @example timex2Value('P1DE') // 'P10Y'
 * @example timex2Value('P.5CE') // 'P50Y'
 */
export function timex2Value(value: string): string {
  const m = /^P(\d*\.?\d+)(DE|CE|ML)$/.exec(value);
  if (!m) return value;
  const years = Number(m[1]) * UNIT_YEARS[m[2]];
  return Number.isInteger(years) ? `P${years}Y` : value;
}

/** One WikiWars key file. Throws an Error naming the document when it has no `<TEXT>` or unbalanced markup. */
export function parseWikiWars(xml: string, id: string): EvalDoc {
  const textMarkup = elementMarkup(xml, 'TEXT');
  if (textMarkup === null) throw new Error(`${id}: no <TEXT> element`);
  const dateMarkup = elementMarkup(xml, 'DATETIME');
  const dct = dateMarkup === null ? null : (readInline(dateMarkup, ['TIMEX2']).elements[0]?.attrs.val ?? null);
  let read: ReturnType<typeof readInline>;
  try {
    read = readInline(textMarkup, ['TIMEX2']);
  } catch (e) {
    throw new Error(`${id}: ${(e as Error).message}`);
  }
  const gold = read.elements.map((el): GoldTimex => {
    const { val, mod } = el.attrs;
    return {
      start: el.start,
      end: el.end,
      text: read.text.slice(el.start, el.end),
      ...(val ? { value: timex2Value(val) } : {}),
      ...(mod ? { mod } : {}),
      depth: el.depth,
    };
  });
  return { id, dct, text: read.text, gold };
}

/** Every key file of `folder` (WikiWars' `keyinline/`), in file-name order. */
export function loadWikiWars(folder: string): EvalDoc[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.key.xml'))
    .sort()
    .map((f) => parseWikiWars(readFileSync(join(folder, f), 'utf8'), f.replace(/\.key\.xml$/, '')));
}
