import type { Doc } from '../doc/doc.ts';
import type { ConnectSummary, CorpusTotals } from '../connect/connect.ts';
import type { IngestSummary } from '../ingest/ingest.ts';
import { quoteRows } from '../store/quote-rows.ts';
import { timexRows } from '../store/timex-rows.ts';
import { eventRows } from '../store/event-rows.ts';
import { oneLine } from '../text/one-line.ts';
import { FACET_NAMES, quoteChain, type ArticleEntity, type ArticleSummary, type EventRow, type QuoteRow, type ResultFacets, type SearchHit, type TimexRow } from '../store/store.ts';

/** A facet value's title or name is shortened to this many characters (facetLines). */
const FACET_LABEL_CHARS = 60;
/** A quote's text is shortened to this many characters on a terminal line. */
const QUOTE_LINE_CHARS = 100;

/** One line of `dossier ls`. */
export function articleLine(a: ArticleSummary): string {
  const date = a.published ? a.published.slice(0, 10) : '----------';
  const flags = a.flags.length ? `  [${a.flags.join(', ')}]` : '';
  const copies = a.copies ? `  (and ${a.copies} ${a.copies === 1 ? 'copy' : 'copies'})` : '';
  return `${a.id}  ${date}  ${(a.language ?? '??').padEnd(3)} ${(a.outlet ?? '-').slice(0, 24).padEnd(24)}  ${a.title ?? untitled(a)}${copies}${flags}`;
}

/** What to call an article without a title in a list: its first words. */
function untitled(a: ArticleSummary): string {
  const words = a.excerpt.replace(/\s+/g, ' ').trim();
  if (!words) return '(untitled)';
  const cut = words.length > 60 ? `${words.slice(0, 60).replace(/\s+\S*$/, '')}…` : words;
  return `(untitled) ${cut}`;
}

/** A search hit for a terminal: the hit words between »« marks. */
export function hitLines(h: SearchHit): string {
  const snippet = h.snippet.map((p) => (p.hit ? `»${p.text}«` : p.text)).join('').replace(/\s+/g, ' ');
  return `${articleLine(h)}\n    ${snippet}`;
}

/**
 * The facets of a result (ResultFacets), a line for each: the option that chooses a value, then
 * its values, most articles first, each with how many articles choosing it keeps; a story or
 * an entity shows its title or name with the id the option takes in brackets.
 *
 * @example facetLines(facets)[4] // '--type      CONSULT (15) · FIGHT (12)'
 */
export function facetLines(facets: ResultFacets): string[] {
  return FACET_NAMES.map((name) => {
    const values = facets[name].map((v) => {
      const shown = name === 'story' || name === 'entity' ? `${oneLine(v.label ?? '(untitled)', FACET_LABEL_CHARS)}${v.entityType ? ` ${v.entityType}` : ''} [${v.value}]` : oneLine(v.value, FACET_LABEL_CHARS);
      return `${shown} (${v.count})`;
    });
    return `${`--${name}`.padEnd(11)} ${values.join(' · ') || '(none)'}`;
  });
}

/** One entity of an article: type, fullest name, mentions, other forms and roles. */
export function entityLine(e: Pick<ArticleEntity, 'type' | 'name' | 'aliases' | 'roles'> & { mentions: number }): string {
  const aliases = e.aliases.length ? `  also: ${e.aliases.join('; ')}` : '';
  const roles = e.roles.length ? `  roles: ${e.roles.join('; ')}` : '';
  return `${e.type.padEnd(5)} ${e.name}  (${e.mentions}×)${aliases}${roles}`;
}

/**
 * One attribution: its date (the article's, or the day its sentence names, marked
 * "(sentence)"; dashes when nothing dates it), its speaker (with how it was found unless named
 * outright), the chain of outlets it came through (quoteChain: the article's own outlet last),
 * its kind and its content shortened; `withArticle` puts the article id first.
 *
 * @example quoteLine(row, true) // 'c7d66517  2026-03-12 (sentence)  Ilse Brandoch · via Meridian Wire → Ostmar Herald  [direct]  “The dam stays open,”'
 */
export function quoteLine(q: Pick<QuoteRow, 'articleId' | 'speaker' | 'how' | 'via' | 'outlet' | 'kind' | 'content' | 'date' | 'dateFrom'>, withArticle: boolean): string {
  const speaker = `${q.speaker || '(unknown speaker)'}${q.how === 'named' || q.how === 'unknown' ? '' : ` (${q.how})`}`;
  const chain = quoteChain(q);
  const via = chain.length ? ` · via ${chain.join(' → ')}` : '';
  const date = `${(q.date ?? '----------').padEnd(10)}${q.dateFrom === 'sentence' ? ' (sentence)' : ''}`;
  return `${withArticle ? `${q.articleId.slice(0, 8)}  ` : ''}${date}  ${speaker}${via}  [${q.kind}]  ${oneLine(q.content, QUOTE_LINE_CHARS)}`;
}

/**
 * One event: its CAMEO code, its readable line (eventSummary: who did what to whom, where and
 * when, and its status), and where its date came from when the sentence did not name it;
 * `withArticle` puts the article id first.
 *
 * @example eventLine(row, true) // 'c7d66517  043   Henrik Solvane (KVR GOV) — CONSULT, third-party → Ilse Brandoch (HLV GOV), Skarholm, 2026-03-12'
 */
export function eventLine(e: Pick<EventRow, 'articleId' | 'cameo' | 'summary' | 'dateFrom'> & Partial<Pick<EventRow, 'corpusEvent'>>, withArticle: boolean): string {
  const dated = e.dateFrom === 'article' ? " (the article's date)" : '';
  const reports = e.corpusEvent && e.corpusEvent.reports > 1 ? `  [${e.corpusEvent.reports} reports: ${e.corpusEvent.id}]` : '';
  return `${withArticle ? `${e.articleId.slice(0, 8)}  ` : ''}${e.cameo.padEnd(5)} ${e.summary}${dated}${reports}`;
}

/**
 * One temporal expression: its type, its resolved value (with its mod), its words, and what a
 * relative one was resolved against.
 *
 * @example timexLine(row) // 'DATE      2026-03-13  “on Friday”  from the article's date, 2026-03-14'
 */
export function timexLine(t: Pick<TimexRow, 'type' | 'value' | 'mod' | 'text' | 'anchor'>): string {
  const mod = t.mod ? ` (${t.mod})` : '';
  return `${t.type.padEnd(9)} ${t.value}${mod}  “${oneLine(t.text, QUOTE_LINE_CHARS)}”${t.anchor ? `  ${anchorWords(t.anchor)}` : ''}`;
}

/** What a relative expression was resolved against, in words. */
function anchorWords(anchor: NonNullable<TimexRow['anchor']>): string {
  const value = anchor.value ? `, ${anchor.value}` : '';
  switch (anchor.kind) {
    case 'document':
      return `from the article's date${value}`;
    case 'text':
      return `from a date earlier in the text${value}${anchor.span ? ` at [${anchor.span.start}, ${anchor.span.end})` : ''}`;
    case 'entry':
      return `from its live-blog entry's time${value}`;
    case 'none':
      return 'no date to resolve it against';
  }
}

/**
 * The line a list ends with: how many are shown of how many there are, or `none` when there
 * are none at all.
 *
 * @example countLine(20, 61, 'articles', 'No articles yet.') // '20 of 61 articles'
 */
export function countLine(shown: number, total: number, noun: string, none: string): string {
  return total === 0 ? none : `${shown} of ${total} ${noun}`;
}

/**
 * The summary line an ingest run ends with, and a line per failure. The rate counts the
 * articles processed over the time spent processing them, so that duplicates skipped and the
 * pipeline's start do not make it look slow.
 *
 * @example ingestReport(summary) // 'ingested 1, skipped 61 as duplicates, failed 0 (2.4 s; processed 1 article at 21.3 articles/s)'
 */
export function ingestReport(s: IngestSummary): string {
  const rate = s.ingested && s.processingSeconds > 0 ? `; processed ${s.ingested} ${s.ingested === 1 ? 'article' : 'articles'} at ${(s.ingested / s.processingSeconds).toFixed(1)} articles/s` : '';
  const lines = [`ingested ${s.ingested}, skipped ${s.skipped} as duplicates, failed ${s.failed.length} (${s.seconds.toFixed(1)} s${rate})`];
  for (const f of s.failed) lines.push(`  failed: ${f.reason}${f.reason.startsWith(f.source) ? '' : ` (${f.source})`}`);
  return lines.join('\n');
}

/**
 * The line a connect run ends with: what it connected and what the corpus holds now.
 *
 * @example connectReport(summary, corpusTotals(store)) // 'connected 21 articles (0.4 s): 9 stories, 120 entities, 1 group of copies, 5 statements reported more than once'
 */
export function connectReport(c: ConnectSummary, t: CorpusTotals): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const taken = c.disconnected ? `, took out ${plural(c.disconnected, 'deleted article', 'deleted articles')}` : '';
  return `connected ${plural(c.connected, 'article', 'articles')}${taken} (${c.seconds.toFixed(1)} s): ${plural(t.stories, 'story', 'stories')}, ${plural(t.entities, 'entity', 'entities')}, ${plural(t.duplicateGroups, 'group of copies', 'groups of copies')}, ${plural(t.statements, 'statement', 'statements')} reported more than once`;
}

function indent(text: string, by = '    '): string {
  return text.replace(/^/gm, by);
}

/** Everything `dossier show` prints about an article. */
export function showArticle(doc: Doc, parts: { text: boolean; structure: boolean; removed: boolean; messages: boolean }): string {
  const m = doc.meta;
  const out: string[] = [];
  out.push(`${m.title ?? '(untitled)'}`);
  out.push(`id ${doc.id}  format ${doc.format}  language ${m.language ?? '?'}`);
  for (const [label, value] of [['outlet', m.outlet], ['byline', m.byline], ['published', m.published], ['url', m.url], ['source', m.source]] as const) {
    if (value) out.push(`${label.padEnd(9)} ${value}`);
  }
  if (doc.quality) {
    const q = doc.quality;
    // older stores lack articleRemovedShare
    const own = q.articleRemovedShare !== undefined && q.articleRemovedShare !== q.removedShare ? ` (${(q.articleRemovedShare * 100).toFixed(0)}% of the article's own text)` : '';
    out.push(`quality   ${q.words} words, ${(q.removedShare * 100).toFixed(0)}% removed${own}, duplicate lines ${(q.duplicateLineShare * 100).toFixed(0)}%${q.flags.length ? `, flags: ${q.flags.join(', ')}` : ''}`);
  }
  if (parts.structure) {
    out.push('', `STRUCTURE: ${doc.blocks.length} blocks, ${doc.sentences.length} sentences, ${doc.tokens.length} tokens`);
    for (const b of doc.blocks) {
      if (b.kind !== 'paragraph') out.push(`  ${b.kind}${b.level ? ` ${b.level}` : ''} [${b.start}, ${b.end}) ${doc.text.slice(b.start, b.end)}`);
    }
    if (doc.entries.length) {
      out.push(`  live blog: ${doc.entries.length} entries`);
      doc.entries.forEach((e, i) => out.push(`    ${i + 1}. [${e.start}, ${e.end}) ${e.headline ? doc.text.slice(e.headline.start, e.headline.end) : '(no headline)'}`));
    }
  }
  if (parts.structure && doc.entities.length) {
    out.push('', `ENTITIES: ${doc.entities.length} (${doc.mentions.length} mentions)`);
    for (const e of doc.entities) out.push(`  ${entityLine({ ...e, mentions: e.mentions.length, roles: e.roles.map((r) => r.text) })}`);
  }
  if (parts.structure && doc.quotes.length) {
    out.push('', `QUOTES: ${doc.quotes.length}`);
    for (const q of quoteRows(doc)) out.push(`  [${q.spans.content.start}, ${q.spans.content.end}) ${quoteLine(q, false)}`);
  }
  if (parts.structure && doc.timexes.length) {
    out.push('', `DATES: ${doc.timexes.length}`);
    for (const t of timexRows(doc)) out.push(`  [${t.start}, ${t.end}) ${timexLine(t)}`);
  }
  if (parts.structure && doc.events.length) {
    out.push('', `EVENTS: ${doc.events.length}`);
    for (const e of eventRows(doc)) out.push(`  [${e.spans.trigger.start}, ${e.spans.trigger.end}) ${eventLine(e, false)}\n      “${e.sentence}”`);
  }
  if (parts.text) out.push('', 'TEXT', indent(doc.text));
  if (parts.removed) {
    out.push('', `REMOVED: ${doc.removed.length} part(s)`);
    for (const r of doc.removed) {
      out.push(`  ${r.reason} (raw [${r.raw.start}, ${r.raw.end}))${r.detail ? `: ${r.detail}` : ''}`);
      out.push(indent(r.text.length > 300 ? `${r.text.slice(0, 300)}…` : r.text, '      '));
    }
  }
  if (parts.messages && doc.messages.length) {
    out.push('', 'MESSAGES');
    for (const msg of doc.messages) out.push(`  ${msg.severity} ${msg.origin}: ${msg.text}`);
  }
  return out.join('\n');
}
