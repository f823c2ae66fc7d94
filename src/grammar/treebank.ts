import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Sentence, Token } from '../doc/doc.ts';
import { dataDir } from '../learn/script-options.ts';
import { tokenizeText } from '../text/tokenize.ts';
import { alignSpans } from './align.ts';
import { readConlluFile, type UdSentence } from './conllu.ts';
import { SentenceInput, tagId } from './sentence.ts';

/** The EWT files under a data folder (`ud-english-ewt/en_ewt-ud-{train,dev,test}.conllu`), or null if any is missing. */
export function ewtFiles(data: string): { train: string; dev: string; test: string } | null {
  const dir = join(data, 'ud-english-ewt');
  const files = { train: join(dir, 'en_ewt-ud-train.conllu'), dev: join(dir, 'en_ewt-ud-dev.conllu'), test: join(dir, 'en_ewt-ud-test.conllu') };
  return existsSync(files.train) && existsSync(files.dev) && existsSync(files.test) ? files : null;
}

/** The EWT files for a script's `--data` option (default `../shared/data`); exits with a message when they are absent. */
export function ewtFilesOrExit(options: Map<string, string>): { train: string; dev: string; test: string } {
  const data = dataDir(options.get('data'));
  const files = ewtFiles(data);
  if (!files) {
    console.error(`UD English EWT not found under ${join(data, 'ud-english-ewt')} (give --data)`);
    process.exit(1);
  }
  return files;
}

/** What the product's tokenizer makes of a sentence's text: its sentences and tokens (spans into the text). */
export interface ProductTokens {
  sentences: Sentence[];
  tokens: Token[];
}

/** Runs the product's tokenizer and tagger (wink-nlp through tokenizeText) over a text. */
export function productTokens(text: string): ProductTokens {
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  tokenizeText(text, [], sentences, tokens);
  return { sentences, tokens };
}

/**
 * A treebank sentence ready for training or scoring on gold words: its words as parser input
 * with the tags the product gives them (see productTags), its gold heads and relation ids.
 */
export interface TaggedSentence {
  ud: UdSentence;
  input: SentenceInput;
  heads: Int32Array;
  labels: Int32Array;
  /** The product's tokens of the sentence's text, and the token each word aligns to. */
  product: ProductTokens;
  alignment: Int32Array;
}

/**
 * The tags the product would give a treebank sentence's words: wink-nlp runs over the
 * sentence's `# text` as it does over an article, and each word takes the tag of the token
 * aligned to it (alignSpans: most overlap; a word split into pieces takes its biggest piece,
 * words merged into one token all take that token's tag).
 */
export function productTags(product: ProductTokens, alignment: Int32Array): string[] {
  return Array.from(alignment, (t) => (t >= 0 ? product.tokens[t].pos : 'X'));
}

/** Reads a CoNLL-U file and prepares every sentence (relation ids from `labelIds`, -1 for the root and for relations not in it). */
export function readTagged(path: string, labelIds: Map<string, number>): TaggedSentence[] {
  return readConlluFile(path).map((ud) => tagSentence(ud, labelIds));
}

/** Prepares one treebank sentence (see TaggedSentence). */
export function tagSentence(ud: UdSentence, labelIds: Map<string, number>): TaggedSentence {
  const product = productTokens(ud.text);
  const alignment = alignSpans(ud.words.map((w) => w.span), product.tokens);
  const tags = productTags(product, alignment);
  const n = ud.words.length;
  const input = new SentenceInput(n);
  input.reset(n);
  const heads = new Int32Array(n);
  const labels = new Int32Array(n);
  ud.words.forEach((w, i) => {
    input.set(i, w.form, 0, w.form.length, tagId(tags[i]));
    heads[i] = w.head;
    labels[i] = w.head < 0 ? -1 : labelIds.get(w.deprel) ?? -1;
  });
  return { ud, input, heads, labels, product, alignment };
}

/** The relations of a treebank, most frequent first, without the root's. */
export function relationsOf(sentences: readonly UdSentence[]): string[] {
  const counts = new Map<string, number>();
  for (const s of sentences) for (const w of s.words) if (w.head >= 0) counts.set(w.deprel, (counts.get(w.deprel) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([l]) => l);
}
