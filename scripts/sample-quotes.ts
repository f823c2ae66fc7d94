/**
 * Prints every quote Dossier finds on a fixed-seed sample of English web pages from
 * trafilatura's benchmark, for judging by hand whether each speaker is right and each content
 * is a statement (not a pronoun, a bare determiner or a clause fragment). The pages, not the
 * quotes, are sampled, so that a run before and a run after a change list the same pages'
 * quotes and can be judged side by side (judgements in docs/measurements.md).
 *
 *   npm run sample:quotes -- [--data PATH] [--split dev|test] [--pages 20] [--seed 20261205]
 *
 * Output: one block per page (file name), then one tab-separated line per quote: index,
 * speaker (how it was found), cue, the content's first 90 characters, the text around the
 * cue and the speaker.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createDoc } from '../src/doc/doc.ts';
import { defaultPipeline } from '../src/pipeline/default-pipeline.ts';
import { splitOf } from './eval/extraction-scoring.ts';
import { sample, seeded } from './sample/seeded.ts';

function parseArgs(argv: string[]) {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const opts = { data: resolve(repo, '../shared/data'), split: 'test', pages: 20, seed: 20261205 };
  for (let i = 0; i < argv.length; i++) {
    const [arg, value] = [argv[i], argv[i + 1]];
    if (arg === '--') continue;
    i++;
    if (arg === '--data') opts.data = resolve(value ?? '');
    else if (arg === '--split' && (value === 'dev' || value === 'test')) opts.split = value;
    else if ((arg === '--pages' || arg === '--seed') && Number.isInteger(Number(value))) opts[arg.slice(2) as 'pages' | 'seed'] = Number(value);
    else {
      console.error(`sample-quotes: unknown option or bad value: ${arg} ${value ?? ''}`);
      process.exit(2);
    }
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const dir = join(opts.data, 'extraction', 'trafilatura', 'html');
let files: string[];
try {
  files = readdirSync(dir).sort().filter((f) => splitOf(f) === opts.split);
} catch {
  console.error(`sample-quotes: ${dir} not found (give --data)`);
  process.exit(1);
}
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const pipeline = defaultPipeline();
let shown = 0;
let quotes = 0;
let named = 0;
// the pages are drawn first, in a fixed order, and read until enough English ones with quotes are found
for (const file of sample(files, files.length, seeded(opts.seed))) {
  if (shown >= opts.pages) break;
  const doc = pipeline(createDoc(gunzipSync(readFileSync(join(dir, file))).toString('utf8'), 'html'));
  if (doc.meta.language !== 'en' || doc.quotes.length === 0) continue;
  shown++;
  console.log(`\n## ${file}`);
  doc.quotes.forEach((q, i) => {
    quotes++;
    if (q.speaker.how === 'named') named++;
    const cue = q.cue ? doc.text.slice(q.cue.start, q.cue.end) : '-';
    const around = [q.cue, q.source].filter((s) => s !== null);
    const from = Math.max(0, Math.min(...around.map((s) => s.start), q.content.end) - 60);
    const to = Math.max(...around.map((s) => s.end), q.content.end) + 60;
    const context = around.length ? oneLine(doc.text.slice(from, Math.min(to, from + 320))) : '';
    console.log([i, `${q.speaker.name || '-'} (${q.speaker.how})`, cue, oneLine(doc.text.slice(q.content.start, q.content.end)).slice(0, 90), context].join('\t'));
  });
}
console.log(`\n${shown} pages of the ${opts.split} split (seed ${opts.seed}), ${quotes} quotes, ${named} with a named speaker`);
