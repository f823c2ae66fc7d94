/**
 * An article as the duplicate benchmark sees it: a title line and paragraphs of sentences.
 * The benchmark counts "how much of the original a copy holds" in these sentences, so the
 * splitter is its own small rule set rather than the pipeline's tokenizer: a better pipeline
 * splitter must not change the benchmark.
 */

/** A title and the body's paragraphs, each a list of sentences. */
export interface ArticleParts {
  title: string;
  paragraphs: string[][];
}

/** Words that end in a full stop without ending a sentence (compared without the stop, lower case). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt', 'cmdr', 'adm',
  'st', 'jr', 'sr', 'rev', 'hon', 'pres', 'atty', 'supt',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'no', 'nos', 'vs', 'v', 'etc', 'inc', 'co', 'corp', 'ltd', 'dept', 'est', 'approx', 'ft', 'mt',
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky', 'la',
  'md', 'mass', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex',
  'va', 'vt', 'wash', 'wis', 'wyo',
]);

/** A candidate boundary: end punctuation, closing quotes or brackets, space, and a sentence-like start. */
const BOUNDARY = /[.!?…]+["'”’)\]]*(\s+)(?=["'“‘(\[]?[\p{Lu}\p{N}])/gu;

/**
 * Splits a paragraph into sentences (trimmed, none empty). A full stop after a known
 * abbreviation, a single letter or a dotted initialism ("U.S.") does not end a sentence.
 *
 * @example splitSentences('Mr. Ode left on Sept. 9. He said so.') // ['Mr. Ode left on Sept. 9.', 'He said so.']
 */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of paragraph.matchAll(BOUNDARY)) {
    const end = m.index + m[0].length - m[1].length;
    if (m[0][0] === '.' && !endsSentence(paragraph.slice(from, m.index))) continue;
    const sentence = paragraph.slice(from, end).trim();
    if (sentence) out.push(sentence);
    from = m.index + m[0].length;
  }
  const last = paragraph.slice(from).trim();
  if (last) out.push(last);
  return out;
}

function endsSentence(before: string): boolean {
  const word = /[^\s"'“‘(\[]*$/u.exec(before)?.[0] ?? '';
  if (/^\p{L}$/u.test(word)) return false; // an initial: "George W. Bush"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return false; // "U.S", "D.C"
  return !ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Reads an article text: the first non-empty line is the title, and the rest splits into
 * paragraphs at blank lines (a paragraph's single line breaks are kept inside it).
 *
 * @example parseArticle('Talks go on\n\nThey met. They spoke.').paragraphs // [['They met.', 'They spoke.']]
 */
export function parseArticle(text: string): ArticleParts {
  const trimmed = text.replace(/^\s+/, '');
  const nl = trimmed.indexOf('\n');
  const title = (nl < 0 ? trimmed : trimmed.slice(0, nl)).trim();
  const body = nl < 0 ? '' : trimmed.slice(nl + 1);
  const paragraphs = body
    .split(/\n[ \t\u00a0]*\n/)
    .map((p) => splitSentences(p))
    .filter((p) => p.length > 0);
  return { title, paragraphs };
}

/** The number of sentences in an article's body. */
export function sentenceCount(parts: ArticleParts): number {
  return parts.paragraphs.reduce((n, p) => n + p.length, 0);
}

/**
 * Writes an article back as text: the title, a blank line, and the paragraphs (sentences
 * joined by a space) separated by blank lines.
 */
export function formatArticle(parts: ArticleParts): string {
  return [parts.title, ...parts.paragraphs.map((p) => p.join(' '))].join('\n\n') + '\n';
}
