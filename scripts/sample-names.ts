/**
 * Prints random samples of the names Dossier finds in non-English pages of trafilatura's
 * benchmark, for judging by hand (no gold names exist for them): mentions the English-trained
 * tagger gives before the language's own rules (`src/entities/other-languages.ts`) run, each
 * with the names the rules keep over it, and mentions kept after them. Counting the real names
 * in each sample estimates the rules' precision and how many real names they keep.
 *
 *   npm run sample:names -- [--data PATH] [--languages de] [--split dev|test] [--pages 40] [--before 150] [--after 100] [--seed 20261122]
 *
 * Pages are taken in file-name order from the split (the SHA-1 split of eval:extraction) among
 * those read as one of the languages. Output: two tab-separated tables (index, name, kept
 * names, context).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createDoc, type Doc } from '../src/doc/doc.ts';
import { findMentions, type Candidate } from '../src/entities/mentions.ts';
import { defaultStages } from '../src/pipeline/default-pipeline.ts';
import { createPipeline } from '../src/pipeline/stage.ts';
import { splitOf } from './eval/extraction-scoring.ts';

interface Mention {
  name: string;
  context: string;
  start: number;
  end: number;
}

function parseArgs(argv: string[]) {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const opts = { data: resolve(repo, '../shared/data'), languages: ['de'], split: 'test', pages: 40, before: 150, after: 100, seed: 20261122 };
  for (let i = 0; i < argv.length; i++) {
    const [arg, value] = [argv[i], argv[i + 1]];
    if (arg === '--') continue;
    i++;
    if (arg === '--data') opts.data = resolve(value ?? '');
    else if (arg === '--split' && (value === 'dev' || value === 'test')) opts.split = value;
    else if (arg === '--languages' && value) opts.languages = value.split(',');
    else if (arg === '--pages' || arg === '--before' || arg === '--after' || arg === '--seed') opts[arg.slice(2) as 'pages'] = Number(value);
    else {
      console.error(`sample-names: unknown option ${arg} ${value ?? ''}`);
      process.exit(2);
    }
  }
  return opts;
}

/** A fixed-seed random number generator (a linear congruential one), so that a sample can be judged again. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function sample<T>(items: readonly T[], k: number, random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, k);
}

const opts = parseArgs(process.argv.slice(2));
const dir = join(opts.data, 'extraction', 'trafilatura', 'html');
const pipeline = createPipeline(defaultStages().filter((s) => s.name !== 'entities' && s.name !== 'quotes'));
const before: (Mention & { kept: string })[] = [];
const after: Mention[] = [];
let pages = 0;
let files: string[];
try {
  files = readdirSync(dir).sort();
} catch {
  console.error(`sample-names: ${dir} not found (give --data)`);
  process.exit(1);
}
for (const file of files) {
  if (splitOf(file) !== opts.split) continue;
  const doc = pipeline(createDoc(gunzipSync(readFileSync(join(dir, file))).toString('utf8'), 'html'));
  if (!opts.languages.includes(doc.meta.language ?? '')) continue;
  if (++pages > opts.pages) break;
  const mention = (d: Doc, c: Candidate): Mention => {
    const start = d.tokens[c.first].start;
    const end = d.tokens[c.last - 1].end;
    return { name: d.text.slice(start, end), context: d.text.slice(Math.max(0, start - 50), end + 40).replace(/\s+/g, ' '), start, end };
  };
  const kept = findMentions(doc).map((c) => mention(doc, c));
  // the same article read as if no language rules applied
  doc.meta.language = 'und';
  const tagged = findMentions(doc).map((c) => mention(doc, c));
  for (const m of tagged) before.push({ ...m, kept: kept.filter((k) => k.start < m.end && k.end > m.start).map((k) => k.name).join(' / ') });
  after.push(...kept);
}
pages = Math.min(pages, opts.pages);
const keptBefore = before.filter((m) => m.kept).length;
console.log(`Pages of the ${opts.split} split read as ${opts.languages.join(', ')}: ${pages}; the tagger's mentions: ${before.length}; kept by the language's rules: ${after.length} (${keptBefore} of the tagger's mentions overlap one)`);
const random = seeded(opts.seed);
console.log(`\n# ${opts.before} of the tagger's mentions (index, mention, what the rules keep of it, context)`);
sample(before, opts.before, random).forEach((m, i) => console.log(`${i}\t${m.name}\t${m.kept ? 'KEPT:' + m.kept : '-'}\t${m.context}`));
console.log(`\n# ${opts.after} mentions the rules keep (index, mention, context)`);
sample(after, opts.after, random).forEach((m, i) => console.log(`${i}\t${m.name}\t${m.context}`));
