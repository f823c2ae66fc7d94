import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { brownClusters } from './brown.ts';
import { readConll } from './conll.ts';
import { DEFAULT_CLUSTERS_PATH, conllFilesOrExit } from './paths.ts';
import { parseOptions, REPO_ROOT } from '../../learn/script-options.ts';
import { pathToFileURL } from 'node:url';

/** Defaults of the committed clusters. */
const DEFAULTS = { clusters: 300, minCount: 3 };

const TOKEN = /(?:\p{L}\.){2,}|\p{L}+(?=n't\b)|n't\b|'s\b|[\p{L}\p{N}]+(?:[-.,&/][\p{L}\p{N}]+|'(?!s\b)\p{L}+)*|\S/gu;

/** Splits running text into CoNLL-like tokens (`U.S.`, `do` `n't`, `Peter` `'s`, punctuation apart), one array per line. */
export function tokenizeForClusters(text: string): string[][] {
  return text
    .split(/\n+/)
    .map((line) => line.match(TOKEN) ?? [])
    .filter((tokens) => tokens.length > 0);
}

/** Every file under a folder whose name ends with `suffix`, sorted, recursively. */
function filesUnder(dir: string, suffix: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path, suffix));
    else if (entry.name.endsWith(suffix)) out.push(path);
  }
  return out;
}

function main(): void {
  const started = Date.now();
  const options = parseOptions(process.argv.slice(2));
  const { data, files } = conllFilesOrExit(options);
  const clusters = Number(options.get('clusters') ?? DEFAULTS.clusters);
  const minCount = Number(options.get('min-count') ?? DEFAULTS.minCount);
  const out = options.get('out') ?? DEFAULT_CLUSTERS_PATH;
  const sentences: string[][] = [];
  for (const doc of readConll(files.train)) for (const s of doc.sentences) sentences.push(s.words);
  const polnear = filesUnder(join(data, 'polnear'), '.txt').filter((p) => p.includes('/text/'));
  for (const path of polnear) sentences.push(...tokenizeForClusters(readFileSync(path, 'utf8')));
  const tempeval = filesUnder(join(data, 'tempeval3'), '.tml');
  for (const path of tempeval) {
    const text = readFileSync(path, 'utf8').replace(/<[^>]*>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
    sentences.push(...tokenizeForClusters(text));
  }
  const tokens = sentences.reduce((n, s) => n + s.length, 0);
  console.log(`${sentences.length} lines, ${tokens} tokens (eng.train, ${polnear.length} PolNeAR texts, ${tempeval.length} TempEval-3 files)`);
  const result = brownClusters(sentences, { clusters, minCount, log: (l) => console.log(`[${((Date.now() - started) / 1000).toFixed(0)}s] ${l}`) });
  const header = [
    `# Brown clusters: ${clusters} clusters, words seen at least ${minCount} times, ${result.size} words`,
    `# built by: node --import tsx src/entities/ner/build-clusters.ts ${process.argv.slice(2).join(" ")}`.trimEnd(),
    `# from: ${relative(REPO_ROOT, files.train)}, ${relative(REPO_ROOT, join(data, 'polnear'))}/*/text/*.txt, ${relative(REPO_ROOT, join(data, 'tempeval3'))}/**/*.tml (${tokens} tokens)`,
  ];
  const lines = [...result].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : 1)).map(([w, p]) => `${w}\t${p}`);
  writeFileSync(out, gzipSync([...header, ...lines].join('\n') + '\n', { level: 9 }));
  console.log(`wrote ${relative(REPO_ROOT, out)}: ${result.size} words in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

// Run only as a script, not when imported (tests import tokenizeForClusters).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
