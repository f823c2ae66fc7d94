import type { Span } from '../doc/span.ts';
import { hashString } from '../learn/hash.ts';
import { foldWord } from '../entities/name-forms.ts';

/**
 * The words corpus work compares articles by: content words (no function words), folded to
 * their spelling skeleton so that "Witkov" and "Witkoff" count as one word, and hashed.
 */

/** Function words of the languages Dossier reads most, which say nothing about what an article is about. Data. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    // English
    'a an the and or but if then than that this these those there here of in on at by for with from to into onto over under about after before ' +
    'as is are was were be been being am do does did done have has had having will would shall should can could may might must not no nor so too ' +
    'very just also only even still yet again ever never more most less least much many some any each every all both either neither other another such ' +
    'own same few it its it’s it\'s he him his she her hers they them their theirs we us our ours you your yours i me my mine who whom whose which what ' +
    'when where why how while during since until up down out off through between among against without within upon via per s t said says say told ' +
    'one two three mr mrs ms dr' +
    // German
    ' der die das den dem des ein eine einer eines einem einen und oder aber wenn dann als auch nur noch schon nicht kein keine ist sind war waren ' +
    'sein hat haben hatte wird werden wurde wurden mit von zu zum zur im in am an auf aus bei nach vor für über unter um durch gegen ohne sich er sie ' +
    'es wir ihr ich man dass daß so wie was wer wo' +
    // French, Spanish, Swedish
    ' le la les un une des du de et ou mais est sont été avec pour par dans sur au aux ce cette il elle ils elles nous vous qui que ne pas ' +
    'el los las una unos unas y o pero es son fue con por para en sobre al del lo se su sus que no ' +
    'och eller men är var med för av på till från som det den att inte en ett han hon de vi'
  ).split(/\s+/),
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’\-]*/gu;
const FOLD_CACHE_LIMIT = 100_000;
const foldCache = new Map<string, number>();

/** The hash of a word's folded form, cached (the same words recur across a corpus). */
function wordHash(lower: string): number {
  let h = foldCache.get(lower);
  if (h === undefined) {
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    h = hashString(foldWord(lower) || lower);
    foldCache.set(lower, h);
  }
  return h;
}

/**
 * The content words of a text, lower case, without function words, numbers of one digit or
 * words of one letter.
 */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const w = m[0].toLowerCase().replace(/[’']s$/, '');
    if (w.length < 2 || STOPWORDS.has(w)) continue;
    out.push(w);
  }
  return out;
}

/**
 * An article as sentence alignment sees it: per sentence, the sorted distinct hashes of its
 * folded content words and its length in characters.
 */
export interface Fingerprint {
  sentences: Uint32Array[];
  chars: number[];
}

/**
 * Fingerprints each sentence of a text (spans into `text`); a text without sentences is read
 * as one sentence a line.
 */
export function fingerprint(text: string, sentences: readonly Span[]): Fingerprint {
  const spans = sentences.length ? sentences : lineSpans(text);
  const out: Fingerprint = { sentences: [], chars: [] };
  for (const s of spans) {
    const piece = text.slice(s.start, s.end);
    const hashes = new Set<number>();
    for (const w of contentWords(piece)) hashes.add(wordHash(w));
    out.sentences.push(Uint32Array.from(hashes).sort());
    out.chars.push(piece.trim().length);
  }
  return out;
}

function lineSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) spans.push({ start, end: start + line.length });
    start += line.length + 1;
  }
  return spans;
}

/** The distinct word hashes of a whole fingerprint: the set MinHash summarises. */
export function wordSet(fp: Fingerprint): Uint32Array {
  const all = new Set<number>();
  for (const s of fp.sentences) for (const h of s) all.add(h);
  return Uint32Array.from(all);
}
