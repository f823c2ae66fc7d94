/**
 * Prints random samples of what Dossier finds in non-English pages of trafilatura's benchmark,
 * for judging by hand (no gold annotations exist for them).
 *
 * Names (the default): mentions the English-trained tagger gives before the language's own
 * rules (`src/entities/other-languages.ts`) run, each with the names the rules keep over it,
 * and mentions kept after them. Counting the real names in each sample estimates the rules'
 * precision and how many real names they keep.
 *
 * Quotes (`--quotes`): how many quotes and speakers the pages give with the language's rules
 * (`src/quotes/other-languages.ts`) and without them, and a sample of the quotes given a
 * speaker, each with the text around it, for judging whether the speaker is right.
 *
 *   npm run sample:languages -- [--quotes] [--data PATH] [--languages de] [--split dev|test] [--pages 40] [--before 150] [--after 100] [--seed 20261122]
 *
 * Pages are taken in file-name order from the split (the SHA-1 split of eval:extraction) among
 * those read as one of the languages. Output: tab-separated tables (index, what was found,
 * context).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createDoc, type Doc } from '../src/doc/doc.ts';
import { findMentions, type Candidate } from '../src/entities/mentions.ts';
import { findQuotes } from '../src/quotes/stage.ts';
import { defaultStages } from '../src/pipeline/default-pipeline.ts';
import { createPipeline } from '../src/pipeline/stage.ts';
import { splitOf } from './eval/extraction-scoring.ts';
import { sample, seeded } from './sample/seeded.ts';

interface Mention {
  name: string;
  context: string;
  start: number;
  end: number;
}

function parseArgs(argv: string[]) {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const opts = { data: resolve(repo, '../shared/data'), quotes: false, languages: ['de'], split: 'test', pages: 40, before: 150, after: 100, seed: 20261122 };
  for (let i = 0; i < argv.length; i++) {
    const [arg, value] = [argv[i], argv[i + 1]];
    if (arg === '--') continue;
    if (arg === '--quotes') {
      opts.quotes = true;
      continue;
    }
    i++;
    if (arg === '--data') opts.data = resolve(value ?? '');
    else if (arg === '--split' && (value === 'dev' || value === 'test')) opts.split = value;
    else if (arg === '--languages' && value) opts.languages = value.split(',');
    else if (arg === '--pages' || arg === '--before' || arg === '--after' || arg === '--seed') opts[arg.slice(2) as 'pages'] = Number(value);
    else {
      console.error(`sample-languages: unknown option ${arg} ${value ?? ''}`);
      process.exit(2);
    }
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const dir = join(opts.data, 'extraction', 'trafilatura', 'html');
// ---------------------------------------------------------------- quotes

const quoteCounts = { model: 0, modelSpeakers: 0, kept: 0, speakers: 0 };
const attributed: { speaker: string; how: string; context: string }[] = [];

function sampleQuotes(doc: Doc): void {
  const kept = findQuotes(doc);
  quoteCounts.kept += kept.length;
  for (const q of kept) {
    if (q.speaker.entity === null) continue;
    quoteCounts.speakers++;
    const from = Math.max(0, Math.min(q.content.start, q.speaker.span?.start ?? q.content.start) - 30);
    const to = Math.max(q.content.end, q.speaker.span?.end ?? 0) + 30;
    const context = doc.text.slice(from, Math.min(to, from + 400)).replace(/\s+/g, ' ');
    attributed.push({ speaker: q.speaker.name, how: q.speaker.how, context });
  }
  // the same article read as if no language rules applied
  doc.meta.language = 'und';
  const model = findQuotes(doc);
  quoteCounts.model += model.length;
  quoteCounts.modelSpeakers += model.filter((q) => q.speaker.how !== 'unknown').length;
}

function printQuotes(): void {
  console.log(
    `Pages of the ${opts.split} split read as ${opts.languages.join(', ')}: ${pages}; the model's quotes: ${quoteCounts.model}, with a speaker: ${quoteCounts.modelSpeakers}; ` +
      `with the language's rules: ${quoteCounts.kept}, with a speaker that is a name: ${quoteCounts.speakers}`,
  );
  console.log(`\n# ${opts.after} quotes given a speaker (index, speaker, how, text around the quote and the name)`);
  sample(attributed, opts.after, seeded(opts.seed)).forEach((a, i) => console.log(`${i}\t${a.speaker}\t${a.how}\t${a.context}`));
}

// ---------------------------------------------------------------- the pages

// names are found here, by findMentions; quotes need the names first
const pipeline = createPipeline(defaultStages().filter((s) => s.name !== 'quotes' && (opts.quotes || s.name !== 'entities')));
const before: (Mention & { kept: string })[] = [];
const after: Mention[] = [];
let pages = 0;
let files: string[];
try {
  files = readdirSync(dir).sort();
} catch {
  console.error(`sample-languages: ${dir} not found (give --data)`);
  process.exit(1);
}
for (const file of files) {
  if (splitOf(file) !== opts.split) continue;
  const doc = pipeline(createDoc(gunzipSync(readFileSync(join(dir, file))).toString('utf8'), 'html'));
  if (!opts.languages.includes(doc.meta.language ?? '')) continue;
  if (++pages > opts.pages) break;
  if (opts.quotes) {
    sampleQuotes(doc);
    continue;
  }
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
if (opts.quotes) {
  printQuotes();
  process.exit(0);
}
const keptBefore = before.filter((m) => m.kept).length;
console.log(`Pages of the ${opts.split} split read as ${opts.languages.join(', ')}: ${pages}; the tagger's mentions: ${before.length}; kept by the language's rules: ${after.length} (${keptBefore} of the tagger's mentions overlap one)`);
const random = seeded(opts.seed);
console.log(`\n# ${opts.before} of the tagger's mentions (index, mention, what the rules keep of it, context)`);
sample(before, opts.before, random).forEach((m, i) => console.log(`${i}\t${m.name}\t${m.kept ? 'KEPT:' + m.kept : '-'}\t${m.context}`));
console.log(`\n# ${opts.after} mentions the rules keep (index, mention, context)`);
sample(after, opts.after, random).forEach((m, i) => console.log(`${i}\t${m.name}\t${m.context}`));
