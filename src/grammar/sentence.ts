/**
 * What the tagger and the parser read of one sentence: per token, integer ids only (hashes of
 * the word's folded form and of its affixes, a shape, wink-nlp's tag, and the tag the parser
 * reads). Ids are computed from the text without making strings, so the same word hashes alike
 * in training (treebank forms) and in the product (spans of an article's text).
 */
export class SentenceInput {
  n = 0;
  word: Int32Array;
  suffix: Int32Array;
  suffix2: Int32Array;
  suffix4: Int32Array;
  prefix: Int32Array;
  shape: Int32Array;
  /** wink-nlp's tag (an id from tagId). */
  wink: Int32Array;
  /** The tag the parser reads: our tagger's (1 + its index among the model's tags), or wink-nlp's when there is no tagger. */
  tag: Int32Array;

  constructor(capacity = 64) {
    this.word = new Int32Array(capacity);
    this.suffix = new Int32Array(capacity);
    this.suffix2 = new Int32Array(capacity);
    this.suffix4 = new Int32Array(capacity);
    this.prefix = new Int32Array(capacity);
    this.shape = new Int32Array(capacity);
    this.wink = new Int32Array(capacity);
    this.tag = new Int32Array(capacity);
  }

  /** Empties the input and makes room for n tokens (reusing its arrays where they are big enough). */
  reset(n: number): void {
    if (n > this.word.length) Object.assign(this, new SentenceInput(Math.max(n, this.word.length * 2)));
    this.n = n;
  }

  /** Sets token i from `text[start, end)` with wink-nlp's tag id (tagId), which is also the parser's tag until a tagger sets it. */
  set(i: number, text: string, start: number, end: number, winkTag: number): void {
    this.word[i] = foldedHash(text, start, end, 0x2f1d3c5b);
    this.suffix[i] = foldedHash(text, Math.max(start, end - 3), end, 0x6a09e667);
    this.suffix2[i] = foldedHash(text, Math.max(start, end - 2), end, 0x510e527f);
    this.suffix4[i] = foldedHash(text, Math.max(start, end - 4), end, 0x1f83d9ab);
    this.prefix[i] = foldedHash(text, start, Math.min(end, start + 2), 0x3c6ef372);
    this.shape[i] = shapeOf(text, start, end);
    this.wink[i] = winkTag;
    this.tag[i] = winkTag;
  }
}

/** Universal POS tags, as wink-nlp gives them; a tag's id is its place here plus one (0: none or unknown). */
export const TAGS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X', 'SPACE'] as const;

const TAG_ID = new Map<string, number>(TAGS.map((t, i) => [t, i + 1]));

/** The id of a tag (0 for one not in TAGS). */
export function tagId(tag: string): number {
  return TAG_ID.get(tag) ?? 0;
}

/**
 * A hash of `text[start, end)` in lower case with every digit read as 0 ("1998" and "2004"
 * hash alike), seeded so that words, suffixes and prefixes differ. No string is made.
 */
export function foldedHash(text: string, start: number, end: number, seed: number): number {
  let h = seed | 0;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (c >= 48 && c <= 57) c = 48;
    else if (c > 127) c = foldHigh(c);
    h = Math.imul(h ^ c, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}

const highFolds = new Map<number, number>();

// Lower case of a non-ASCII code unit, remembered (a string is made once per distinct unit).
function foldHigh(c: number): number {
  let f = highFolds.get(c);
  if (f === undefined) {
    f = String.fromCharCode(c).toLowerCase().charCodeAt(0);
    highFolds.set(c, f);
  }
  return f;
}

/**
 * The word's shape in a few bits: first letter upper case, all upper case, has a digit, has a
 * hyphen, has a letter, has another character, length 1. Enough to tell names, acronyms,
 * numbers and symbols apart for words the model never saw.
 */
export function shapeOf(text: string, start: number, end: number): number {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let hyphen = 0;
  let other = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c >= 48 && c <= 57) digit++;
    else if (c === 45) hyphen++;
    else if (c > 127) {
      const ch = text[i];
      if (ch.toLowerCase() !== ch) upper++;
      else if (ch.toUpperCase() !== ch) lower++;
      else other++;
    } else other++;
  }
  const firstUpper = end > start && upper > 0 && isUpperAt(text, start) ? 1 : 0;
  return firstUpper | (upper > 0 && lower === 0 ? 2 : 0) | (digit > 0 ? 4 : 0) | (hyphen > 0 ? 8 : 0) | (lower + upper > 0 ? 16 : 0) | (other > 0 ? 32 : 0) | (end - start === 1 ? 64 : 0);
}

function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = text[i];
  return ch.toLowerCase() !== ch;
}
