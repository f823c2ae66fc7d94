import { readFileSync } from 'node:fs';

/** One sentence of a CoNLL file: token texts and their gold labels (IOB2, `B-PER`, `I-PER`, `O`). */
export interface ConllSentence {
  words: string[];
  labels: string[];
}

/** A CoNLL document: the sentences between two `-DOCSTART-` lines. */
export interface ConllDocument {
  sentences: ConllSentence[];
}

/**
 * Parses CoNLL-2003 text (word in the first column, IOB1 or IOB2 label in the last) into
 * documents of sentences, with labels converted to IOB2 (every chunk starts with `B-`).
 * Text before the first `-DOCSTART-` line makes a document of its own.
 *
 * @example parseConll('-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\n')[0].sentences[0].labels // ['B-ORG']
 */
export function parseConll(text: string): ConllDocument[] {
  if (typeof text !== 'string') throw new TypeError('parseConll needs the file text as a string');
  const documents: ConllDocument[] = [];
  let current: ConllDocument | null = null;
  let words: string[] = [];
  let labels: string[] = [];
  const closeSentence = (): void => {
    if (words.length === 0) return;
    if (!current) {
      current = { sentences: [] };
      documents.push(current);
    }
    current.sentences.push({ words, labels: iob1ToIob2(labels) });
    words = [];
    labels = [];
  };
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line === '') {
      closeSentence();
      continue;
    }
    const columns = line.split(/\s+/);
    if (columns[0] === '-DOCSTART-') {
      closeSentence();
      current = { sentences: [] };
      documents.push(current);
      continue;
    }
    words.push(columns[0]);
    labels.push(columns.length > 1 ? columns[columns.length - 1] : 'O');
  }
  closeSentence();
  return documents.filter((doc) => doc.sentences.length > 0);
}

/** Reads and parses a CoNLL file; see {@link parseConll}. */
export function readConll(path: string): ConllDocument[] {
  return parseConll(readFileSync(path, 'utf8'));
}

/**
 * Converts IOB1 labels (a chunk starts with `I-` unless it directly follows a chunk of the
 * same type) to IOB2 (every chunk starts with `B-`). IOB2 input comes back unchanged.
 */
export function iob1ToIob2(labels: readonly string[]): string[] {
  const out: string[] = [];
  let previous = 'O';
  for (const label of labels) {
    if (label.startsWith('I-')) {
      const type = label.slice(2);
      const continues = previous !== 'O' && previous.slice(2) === type;
      out.push(continues ? label : `B-${type}`);
    } else {
      out.push(label);
    }
    previous = label;
  }
  return out;
}
