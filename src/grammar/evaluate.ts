import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Dep } from '../doc/doc.ts';
import { parseOptions, REPO_ROOT } from '../learn/script-options.ts';
import { AttachmentScore } from './attachment.ts';
import { readConlluFile } from './conllu.ts';
import { scoreOnGoldWords } from './gold-parse.ts';
import { loadParser } from './model.ts';
import { parseTokens } from './parse.ts';
import type { Parser } from './parser.ts';
import { DEFAULT_PARSER_PATH } from './paths.ts';
import { ewtFilesOrExit, productTokens, tagSentence, type TaggedSentence } from './treebank.ts';

/**
 * `npm run eval:parse` — the parser on UD English EWT test (`--set dev` for the tuning set):
 * (a) on the treebank's own words with the product's tags, (b) through the product's own
 * tokenizer from each sentence's raw text, with aligned scoring; then parsing speed on one
 * core beside wink-nlp tokenization alone. `--model PATH` scores another model file.
 */
function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const files = ewtFilesOrExit(options);
  const set = options.get('set') ?? 'test';
  if (set !== 'test' && set !== 'dev') {
    console.error('--set takes test or dev');
    process.exit(2);
  }
  const modelPath = options.get('model') ?? DEFAULT_PARSER_PATH;
  const loadStarted = performance.now();
  const parser = loadParser(modelPath);
  const loadMs = performance.now() - loadStarted;
  const path = set === 'test' ? files.test : files.dev;
  const sentences = readConlluFile(path).map((ud) => tagSentence(ud, new Map()));
  const words = sentences.reduce((n, s) => n + s.ud.words.length, 0);
  const meta = parser.model.meta;

  const lines: string[] = [];
  lines.push(`Dependency parsing on UD English EWT ${set} (${relative(REPO_ROOT, path)}): ${sentences.length} sentences, ${words} words.`);
  lines.push(`Model ${relative(REPO_ROOT, modelPath)}: ${(statSync(modelPath).size / 1e6).toFixed(2)} MB, loaded in ${loadMs.toFixed(0)} ms; trained by \`${String(meta.command)}\` (${String(meta.epochs)} epochs, ${String(meta.trainingSeconds)} s).`);
  lines.push('Scores count every word, punctuation included (the CoNLL 2018 convention). LAS compares the full relation (nsubj:pass);');
  lines.push('"LAS univ." compares its universal part only (nsubj), as the CoNLL 2018 shared task did.');
  lines.push('');
  const gold = scoreOnGoldWords(parser, sentences);
  const raw = scoreThroughProduct(parser, sentences);
  lines.push('                                              UAS     LAS   LAS univ.');
  lines.push(`(a) gold words, product tags              ${row(gold)}`);
  lines.push(`(b) product tokens from raw sentence text ${row(raw.score)}`);
  lines.push('');
  lines.push('(a): the treebank\'s words, each with the wink-nlp tag of the token the product\'s tokenizer makes over it');
  lines.push('    (the parser\'s own tagger then reads the words and those tags).');
  lines.push('(b): each sentence\'s `# text` goes through the product\'s tokenizer (wink-nlp: tokens, tags, sentence breaks) and');
  lines.push('    parser. Each gold word is aligned to the token that overlaps it most; it counts as right when its token\'s');
  lines.push('    head is the token aligned to its gold head (or both are roots) and, for LAS, the relation matches. Words the');
  lines.push(`    tokenizer merged into one token (${raw.merged} here) cannot all be right; a gold sentence split into several`);
  lines.push(`    (${raw.splitSentences} here) cannot have arcs across the break.`);
  lines.push('Targets: (a) 86 UAS and 82 LAS, (b) 80 LAS. Anchors from raw text (CoNLL 2018, en_ewt, LAS univ.): UDPipe 1.2 77.6, best 84.6.');
  lines.push('');
  const speed = measureSpeed(parser, sentences, Number(options.get('rounds') ?? 5));
  lines.push(`Speed on one core, over the ${set} set's ${speed.tokens} product tokens (best of ${speed.rounds} rounds, warm):`);
  lines.push(`  wink-nlp tokenization alone (the product's tokenizeText): ${fmt(speed.winkRate)} tokens/s`);
  lines.push(`  parsing (tagger and parser, input built from the text):   ${fmt(speed.parseRate)} tokens/s`);
  lines.push(`  parsing takes ${(speed.winkRate / speed.parseRate).toFixed(2)}× the time of tokenizing. Target: 50,000 tokens/s.`);
  console.log(lines.join('\n'));
  if (options.has('json')) console.log(JSON.stringify({ set, words, gold: summary(gold), product: summary(raw.score), speed, loadMs }));
}

function row(s: AttachmentScore): string {
  return `${s.uas.toFixed(2).padStart(6)}  ${s.las.toFixed(2).padStart(6)}  ${s.lasUniversal.toFixed(2).padStart(6)}`;
}

function summary(s: AttachmentScore): Record<string, number> {
  return { uas: Number(s.uas.toFixed(2)), las: Number(s.las.toFixed(2)), lasUniversal: Number(s.lasUniversal.toFixed(2)) };
}

function fmt(x: number): string {
  return Math.round(x).toLocaleString('en-GB');
}

/** Scores the parse of the product's tokens of each sentence's raw text against the gold words (see the printed definition). */
function scoreThroughProduct(parser: Parser, sentences: readonly TaggedSentence[]): { score: AttachmentScore; merged: number; splitSentences: number } {
  const score = new AttachmentScore();
  let merged = 0;
  let splitSentences = 0;
  for (const s of sentences) {
    const { product, alignment } = s;
    const deps: Dep[] = parseTokens(parser, s.ud.text, product.tokens, product.sentences);
    if (product.sentences.length > 1) splitSentences++;
    const seen = new Set<number>();
    s.ud.words.forEach((w, i) => {
      const t = alignment[i];
      if (seen.has(t)) merged++;
      seen.add(t);
      if (t < 0) {
        score.add(false, '', w.deprel);
        return;
      }
      const expected = w.head < 0 ? -1 : alignment[w.head];
      const headRight = deps[t].head === expected && (expected !== t);
      score.add(headRight, deps[t].rel, w.deprel);
    });
  }
  return { score, merged, splitSentences };
}

/** Tokens per second of tokenizing alone and of parsing alone, over the sentences' texts, best of `rounds`. */
function measureSpeed(parser: Parser, sentences: readonly TaggedSentence[], rounds: number) {
  const texts = sentences.map((s) => s.ud.text);
  const tokenized = texts.map((t) => productTokens(t));
  const tokens = tokenized.reduce((n, p) => n + p.tokens.length, 0);
  let winkBest = Infinity;
  let parseBest = Infinity;
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    for (const text of texts) productTokens(text);
    winkBest = Math.min(winkBest, performance.now() - t);
    t = performance.now();
    tokenized.forEach((p, i) => parseTokens(parser, texts[i], p.tokens, p.sentences));
    parseBest = Math.min(parseBest, performance.now() - t);
  }
  return { tokens, rounds, winkRate: tokens / (winkBest / 1000), parseRate: tokens / (parseBest / 1000) };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) main();
