import type { Span } from '../../doc/span.ts';

/**
 * Rebuilding readable text from a corpus's tokens (ECB+ gives only tokens: Penn-Treebank
 * quotes in its ECB half, a tokenizer that splits hyphens, times, decimals and apostrophes
 * in its ECB+ half). Each sentence becomes one line; each token keeps its character span
 * in the rebuilt text so that annotations on tokens become spans of text.
 */

/** One sentence's tokens, as the corpus gives them. */
export type TokenSentence = readonly string[];

/** The rebuilt text, with each token's span (by sentence, then token) in it. */
export interface Detokenized {
  text: string;
  /** `spans[s][k]` is where token k of sentence s stands in `text`. */
  spans: Span[][];
}

/** How the tokens were cut. */
export interface DetokenizeOptions {
  /**
   * True when the tokenizer split hyphenated words ("first - degree"): a lone `-` between
   * two words or numbers is then joined to both. Otherwise a lone `-` is a dash.
   */
  splitHyphens?: boolean;
  /** Sentences (by index) whose tokens are joined without spaces: a web address cut into pieces. */
  unspaced?: ReadonlySet<number>;
}

/** Tokens written without a space before them: closing punctuation and clitics. */
const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '?', '!', '%', ')', ']', '}', '”', "''", '...', '…']);
/** Tokens written without a space after them: opening brackets and quotes. */
const NO_SPACE_AFTER = new Set(['(', '[', '{', '“', '``', '‘', '`']);
/** Clitics split off a word ("Reid 's", "did n't", "we 're"), in either apostrophe. */
const CLITIC = /^['’](s|re|ve|m|ll|d)$|^n['’]t$/i;
/** What follows an apostrophe token that was cut out of a word ("Lohan ’ s", "doesn ’ t"). */
const AFTER_APOSTROPHE = /^(s|t|re|ve|m|ll|d)$/i;
/** Words that follow a dash rather than a hyphen ("say - the"), when hyphens were split. */
const AFTER_DASH = new Set(['the', 'a', 'an', 'this', 'that', 'but', 'which', 'who', 'he', 'she', 'it', 'they', 'we', 'i']);
/** Web domains, so that a split address reads "eypmcf.com". */
const DOMAIN = /^(com|org|net|gov|edu|co|uk|int|info|biz)$/i;
const DIGITS = /^\d+$/;
const WORDISH_END = /[\p{L}\p{N}]$/u;
const WORDISH_START = /^[\p{L}\p{N}]/u;
const OPENING_CONTEXT = new Set(['(', '[', '{', ':', '“', '``', '‘', '--', '-', '—', '–']);

/** Penn-Treebank quote tokens and their typographic forms. */
function surface(token: string): string {
  if (token === '``') return '“';
  if (token === "''") return '”';
  if (token === '`') return '‘';
  if (token === '-LRB-') return '(';
  if (token === '-RRB-') return ')';
  return token;
}

type Join = 'space' | 'none';

/**
 * Whether a straight double quote opens a quotation: at the start of a sentence or after an
 * opening context it does, before the end of a sentence or closing punctuation it closes;
 * after a comma or a full stop it closes an open quotation and opens one otherwise ('"No,"
 * she said' and 'She said, "No."'), and elsewhere quotes alternate through the document.
 */
function opensQuote(prev: string | undefined, next: string | undefined, open: boolean): boolean {
  if (next === undefined || NO_SPACE_BEFORE.has(next)) return false;
  if (prev === undefined || OPENING_CONTEXT.has(prev)) return true;
  return !open;
}

/** Whether a lone apostrophe opens a single quotation (else it closes one or ends a plural possessive). */
function opensSingleQuote(prev: string | undefined, next: string | undefined): boolean {
  if (next === undefined || NO_SPACE_BEFORE.has(next)) return false;
  return prev === undefined || OPENING_CONTEXT.has(prev) || prev === '"' || prev === '“';
}

/**
 * Rebuilds text from tokenized sentences: one sentence per line, no space before closing
 * punctuation and clitics ("Reid's", "didn't") or after opening brackets and quotes; PTB
 * quotes (`` '') become curly quotes, straight double quotes stay and are attached to the
 * side they quote; numbers split at a decimal point, a time's colon, a thousands comma or
 * a date's slash are joined again ("3:45", "$10,000"), as are split initials ("U.S.").
 *
 * @example detokenize([['He', 'said', '``', 'no', "''", '.']]).text // 'He said “no”.'
 */
export function detokenize(sentences: readonly TokenSentence[], options: DetokenizeOptions = {}): Detokenized {
  let text = '';
  const spans: Span[][] = [];
  let doubleOpen = false;
  sentences.forEach((tokens, s) => {
    if (s > 0) text += '\n';
    const out: Span[] = [];
    const forms = tokens.map(surface);
    const unspaced = options.unspaced?.has(s) ?? false;
    // the join decided for the gap after token k-1, filled in as tokens are read
    let nextJoin: Join = 'none';
    for (let k = 0; k < forms.length; k++) {
      const tok = forms[k];
      const prev = k > 0 ? forms[k - 1] : undefined;
      const next = k + 1 < forms.length ? forms[k + 1] : undefined;
      let join: Join = k === 0 || unspaced ? 'none' : nextJoin;
      let after: Join = 'space';
      if (tok === '"') {
        const opens = opensQuote(prev, next, doubleOpen);
        doubleOpen = opens;
        if (opens) after = 'none';
        else join = 'none';
      } else if (tok === "'" || tok === '’') {
        if (next !== undefined && AFTER_APOSTROPHE.test(next) && prev !== undefined && WORDISH_END.test(prev)) {
          join = 'none';
          after = 'none';
        } else if (opensSingleQuote(prev, next)) {
          after = 'none';
        } else {
          join = 'none';
        }
      } else if (tok === '‘' && next !== undefined && AFTER_APOSTROPHE.test(next) && prev !== undefined && WORDISH_END.test(prev)) {
        // "Beaufoy ‘ s": a possessive typed with the wrong quote
        join = 'none';
        after = 'none';
      } else if (NO_SPACE_BEFORE.has(tok) || CLITIC.test(tok)) {
        join = 'none';
        if (joinsAcross(prev, tok, next)) after = 'none';
      } else if (tok === '/' && prev !== undefined && next !== undefined && WORDISH_END.test(prev) && WORDISH_START.test(next)) {
        join = 'none';
        after = 'none';
      } else if (tok === '-' && options.splitHyphens && prev !== undefined && next !== undefined) {
        if (WORDISH_END.test(prev) && WORDISH_START.test(next) && !AFTER_DASH.has(next.toLowerCase())) {
          join = 'none';
          after = 'none';
        } else if (next === '-' || prev === '-') {
          // "- -": a dash typed as two hyphens, kept together with spaces around
          if (prev === '-') join = 'none';
          if (next === '-') after = 'none';
        }
      } else if (tok === '$' && next !== undefined && /^\d/.test(next)) {
        after = 'none';
      }
      if (NO_SPACE_AFTER.has(tok)) after = 'none';
      if (join === 'space') text += ' ';
      out.push({ start: text.length, end: text.length + tok.length });
      text += tok;
      nextJoin = after;
    }
    spans.push(out);
  });
  return { text, spans };
}

/**
 * Whether a punctuation token also joins the token after it: the point of a decimal number or
 * of split initials and domains, the colon of a time, the comma of a thousands group.
 */
function joinsAcross(prev: string | undefined, tok: string, next: string | undefined): boolean {
  if (prev === undefined || next === undefined) return false;
  if (tok === '.') return (DIGITS.test(prev) && /^\d/.test(next)) || (/^\p{L}$/u.test(prev) && /^\p{L}$/u.test(next)) || DOMAIN.test(next);
  if (tok === ':') return DIGITS.test(prev) && /^\d/.test(next);
  if (tok === ',') return /\d$/.test(prev) && /^\d{3}$/.test(next);
  return false;
}
