import { readFileSync } from 'node:fs';
import type { Span } from '../doc/span.ts';

/**
 * A syntactic word of a CoNLL-U sentence. `head` is the 0-based index of its head word in
 * the sentence, -1 for the root; `span` is where the word stands in the sentence's `# text`.
 */
export interface UdWord {
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  head: number;
  deprel: string;
  span: Span;
}

/** A sentence of a treebank: its id, its text (the `# text =` line) and its words. */
export interface UdSentence {
  id: string;
  text: string;
  words: UdWord[];
}

/**
 * Reads CoNLL-U. Multiword token lines (`1-2 don't`) are not words: their words are kept and
 * given the token's place in the text (each its own part when their forms spell the token, as
 * "do" + "n't"; else the whole token). Empty nodes (`8.1`, enhanced-graph copies) are skipped.
 * Heads become 0-based word indices (-1 for the root). A word whose form is not found where the
 * text goes on gets an empty span at that point.
 *
 * @example readConllu('# text = Hi.\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n')
 */
export function readConllu(source: string): UdSentence[] {
  const sentences: UdSentence[] = [];
  let id = '';
  let text = '';
  let lines: string[][] = [];
  const flush = (): void => {
    if (lines.length) sentences.push(buildSentence(id, text, lines));
    id = '';
    text = '';
    lines = [];
  };
  for (const raw of source.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '') flush();
    else if (line.startsWith('#')) {
      const m = /^#\s*(sent_id|text)\s*=\s?(.*)$/.exec(line);
      if (m?.[1] === 'sent_id') id = m[2].trim();
      else if (m?.[1] === 'text') text = m[2];
    } else lines.push(line.split('\t'));
  }
  flush();
  return sentences;
}

/** Reads a CoNLL-U file (see readConllu). */
export function readConlluFile(path: string): UdSentence[] {
  return readConllu(readFileSync(path, 'utf8'));
}

function buildSentence(id: string, text: string, lines: string[][]): UdSentence {
  const words: UdWord[] = [];
  let at = 0;
  // Where a form stands in the text from `at` on (after spaces), or an empty span at `at`.
  const place = (form: string): Span => {
    let from = at;
    while (from < text.length && /\s/.test(text[from])) from++;
    if (text.startsWith(form, from)) {
      at = from + form.length;
      return { start: from, end: at };
    }
    const found = text.indexOf(form, from);
    if (found >= 0 && found - from < 20) {
      at = found + form.length;
      return { start: found, end: at };
    }
    return { start: from, end: from };
  };
  for (let i = 0; i < lines.length; i++) {
    const cols = lines[i];
    const idField = cols[0];
    if (idField.includes('.')) continue;
    const dash = idField.indexOf('-');
    if (dash > 0) {
      const first = Number(idField.slice(0, dash));
      const last = Number(idField.slice(dash + 1));
      const token = place(cols[1]);
      const parts: string[][] = [];
      for (let j = i + 1; j < lines.length && parts.length < last - first + 1; j++) if (!lines[j][0].includes('.')) parts.push(lines[j]);
      const spelt = parts.map((p) => p[1]).join('') === cols[1];
      let from = token.start;
      for (const p of parts) {
        const span = spelt ? { start: from, end: from + p[1].length } : { ...token };
        from = span.end;
        words.push(word(p, span));
      }
      i += parts.length + countEmpty(lines, i + 1, parts.length);
      continue;
    }
    words.push(word(cols, place(cols[1])));
  }
  return { id, text, words };
}

// Empty-node lines among the next `count` word lines (they were skipped when collecting parts).
function countEmpty(lines: string[][], from: number, count: number): number {
  let seen = 0;
  let empty = 0;
  for (let j = from; j < lines.length && seen < count; j++) {
    if (lines[j][0].includes('.')) empty++;
    else seen++;
  }
  return empty;
}

function word(cols: string[], span: Span): UdWord {
  const head = cols[6] === '_' ? 0 : Number(cols[6]);
  return { form: cols[1], lemma: cols[2], upos: cols[3], xpos: cols[4], head: head - 1, deprel: cols[7], span };
}
