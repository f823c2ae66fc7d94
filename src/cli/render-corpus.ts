import type { CorpusArticle, CorpusEntityDetail, CorpusEventDetail, CorpusEventSummary, CorpusEntitySummary, DuplicateGroupSummary, StatementSummary, StoryDetail, StorySummary } from '../store/corpus-reads.ts';
import { quoteChain, type EventRow, type QuoteRow } from '../store/store.ts';
import { eventLine } from './render.ts';

/** How the command line prints what corpus work found: stories, entities, copies, statements. */

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '?');

function range(first: string | null, last: string | null): string {
  if (!first && !last) return 'undated';
  return day(first) === day(last) ? day(first) : `${day(first)} – ${day(last)}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** One story in a list: id, dates, size, title, leading names. */
export function storyLine(s: StorySummary): string {
  const size = s.reports === s.articles ? plural(s.articles, 'article') : `${plural(s.articles, 'article')} (${plural(s.reports, 'report')})`;
  const names = s.entities.slice(0, 4).map((e) => e.name).join(', ');
  return `${s.id}  ${range(s.first, s.last).padEnd(23)}  ${size.padEnd(24)}  ${s.title ?? '(untitled)'}${names ? `\n${' '.repeat(15)}${names}` : ''}`;
}

function articleRow(a: CorpusArticle): string {
  const copies = a.copies ? `  and ${plural(a.copies, 'copy', 'copies')}` : '';
  return `  ${a.id.slice(0, 10)}  ${day(a.published)}  ${(a.outlet ?? '').padEnd(22)}  ${a.title ?? clip(a.excerpt, 60)}${copies}`;
}

function statementLines(s: StatementSummary): string[] {
  const out = [`  “${clip(s.content, 140)}” — ${plural(s.reports, 'report')}`];
  for (const r of s.items.slice(0, 6)) out.push(`      ${day(r.published)}  ${(r.outlet ?? '?').padEnd(22)}  ${r.speaker}${r.content !== s.content ? `: “${clip(r.content, 80)}”` : ''}`);
  if (s.items.length > 6) out.push(`      … and ${s.items.length - 6} more`);
  return out;
}

/** Everything `dossier story` prints. */
export function showStory(s: StoryDetail): string {
  const out = [s.title ?? '(untitled story)', `id ${s.id}  ${range(s.first, s.last)}  ${plural(s.articles, 'article')}, ${plural(s.reports, 'report')} once copies are folded`];
  if (s.outlets.length) out.push(`outlets   ${s.outlets.join(', ')}`);
  if (s.entities.length) out.push(`names     ${s.entities.map((e) => `${e.name} (${e.type}, ${e.articles})`).join(', ')}`);
  if (s.since) out.push('', `Since ${s.since.day}: ${plural(s.since.articles, 'article')} published, ${plural(s.since.events, 'event')} dated on it or after`);
  if (s.events.length) {
    const more = s.eventTotal > s.events.length ? `, the ${s.events.length} most reported of ${s.eventTotal}` : '';
    out.push('', `Timeline (${plural(s.events.length, 'event')}${more}, by day; * the articles' dates):`);
    for (const e of s.events) out.push(`  ${(e.first ? `${range(e.first, e.last)}${e.stated ? '' : '*'}` : 'undated').padEnd(24)}  ${e.summary}${e.reports > 1 ? `  [${plural(e.reports, 'report')}: ${e.id}]` : ''}`);
  }
  out.push('', `Articles (${s.articleList.length} of ${s.articleTotal}, newest first, copies folded${s.since ? `, since ${s.since.day}` : ''}):`, ...s.articleList.map(articleRow));
  if (s.statements.length) out.push('', 'Statements reported by more than one article:', ...s.statements.flatMap(statementLines));
  if (s.related.length) out.push('', 'Related stories:', ...s.related.map((r) => `  ${r.id}  ${range(r.first, r.last).padEnd(23)}  ${r.title ?? '(untitled)'}  (${r.similarity.toFixed(2)})`));
  return out.join('\n');
}

/** One corpus entity in a list. */
export function corpusEntityLine(e: CorpusEntitySummary): string {
  const country = e.country ? ` ${e.country}` : '';
  return `${e.id}  ${e.type.padEnd(5)} ${`${e.name}${country}`.padEnd(36)} ${String(e.mentions).padStart(5)} mentions in ${plural(e.articles, 'article')}, ${plural(e.aliases, 'form')}`;
}

function quoteRow(q: QuoteRow): string {
  const chain = quoteChain(q);
  return `  ${q.articleId.slice(0, 10)}  ${q.speaker}${chain.length ? ` (via ${chain.join(' → ')})` : ''}: “${clip(q.content, 120)}”`;
}

/** Everything `dossier entity` prints. */
export function showEntity(e: CorpusEntityDetail, events?: { total: number; events: EventRow[] }): string {
  const out = [`${e.name}`, `id ${e.id}  ${e.type}${e.country ? `  country ${e.country}` : ''}  ${e.mentions} mentions in ${plural(e.articles, 'article')}  seen ${range(e.firstSeen, e.lastSeen)}`];
  if (e.junk) out.push(`probably not a name: ${e.junk.reason}; left out of entity lists`);
  out.push(`written as  ${e.aliasList.slice(0, 20).map((a) => `${a.form} (${a.mentions})`).join(', ')}${e.aliasList.length > 20 ? `, … ${e.aliasList.length - 20} more` : ''}`);
  if (e.roles.length) out.push(`roles       ${e.roles.slice(0, 12).map((r) => `${r.role} (${r.count})`).join(', ')}`);
  if (e.links.length) {
    out.push('', 'Joined because:');
    for (const l of e.links.slice(0, 20)) out.push(`  ${l.a} ~ ${l.b}: ${l.evidence}`);
  }
  if (e.nodes.length > 1) {
    out.push('', 'Names joined into it:');
    for (const n of e.nodes.slice(0, 20)) out.push(`  ${n.name.padEnd(32)} ${plural(n.articles, 'article')}, e.g. ${n.sample.map((id) => id.slice(0, 10)).join(' ')}`);
  }
  out.push('', `Articles (${e.articleList.length} of ${e.articleTotal}, newest first):`, ...e.articleList.map(articleRow));
  if (e.stories.length) out.push('', 'Stories:', ...e.stories.map((s) => `  ${s.id}  ${s.title ?? '(untitled)'}  (${plural(s.articles, 'article')})`));
  if (e.quotesBy.length) out.push('', `Quotes by ${e.name}:`, ...e.quotesBy.slice(0, 20).map(quoteRow));
  if (e.quotesAbout.length) out.push('', `Quotes about ${e.name}:`, ...e.quotesAbout.slice(0, 20).map(quoteRow));
  if (events?.events.length) out.push('', `Events as who acted or on whom (${events.events.length} of ${events.total}, the latest dated first):`, ...events.events.map((ev) => `  ${eventLine(ev, true)}`));
  if (e.cooccurring.length) out.push('', `Named with: ${e.cooccurring.map((c) => `${c.name} (${c.articles})`).join(', ')}`);
  return out.join('\n');
}

/** One group of copies: its original and each copy with the share of its text the group holds. */
export function duplicateGroupLines(g: DuplicateGroupSummary): string {
  const out = [`${g.id}  ${plural(g.size, 'article')}  original: ${g.original.id.slice(0, 10)}  ${day(g.original.published)}  ${g.original.outlet ?? ''}  ${g.original.title ?? clip(g.original.excerpt, 60)}`];
  for (const m of g.members) if (m.id !== g.original.id) out.push(`  copy ${m.id.slice(0, 10)}  ${day(m.published)}  ${(m.outlet ?? '').padEnd(22)}  ${Math.round(m.share * 100)}% shared  ${m.title ?? clip(m.excerpt, 50)}`);
  return out.join('\n');
}

/** One statement with its reports. */
export function statementBlock(s: StatementSummary): string {
  return [`${s.id}`, ...statementLines(s)].join('\n');
}

/** One corpus event in a list: id, days, type, how many reports from how many outlets, its line. */
export function corpusEventLine(e: CorpusEventSummary): string {
  const days = e.first ? `${range(e.first, e.last)}${e.stated ? '' : '*'}` : 'undated';
  const outlets = e.outlets.length ? ` from ${e.outlets.slice(0, 3).join(', ')}${e.outlets.length > 3 ? ', …' : ''}` : '';
  return `${e.id}  ${days.padEnd(12)}  ${e.type.padEnd(10)}  ${plural(e.reports, 'report')}${outlets}\n    ${e.summary}`;
}

/** One corpus event: its days, its reports with their outlets, where they disagree, and why they were joined. */
export function showCorpusEvent(e: CorpusEventDetail): string {
  const days = e.first ? `${range(e.first, e.last)} (${e.stated ? 'as the reports state it' : "the articles' dates: no report states a date"})` : 'undated';
  const out = [
    `${e.type}  ${e.summary}`,
    `id ${e.id}  ${days}  ${plural(e.reports, 'report')} in ${plural(e.articles, 'article')}`,
  ];
  if (e.disagreements.length) {
    out.push('', 'The reports disagree:');
    for (const d of e.disagreements) out.push(`  ${d.field}: ${d.values.map((v) => `${v.value} (${plural(v.reports, 'report')})`).join(', ')}`);
  }
  out.push('', `Reports (${e.reportList.length} of ${e.reportTotal}):`);
  for (const r of e.reportList) out.push(`  ${r.articleId.slice(0, 8)}#${r.index}  ${(r.outlet ?? '').padEnd(18)}  ${eventLine({ ...r, corpusEvent: null }, false)}`, `      “${clip(r.sentence, 160)}”`);
  if (e.links.length) {
    out.push('', 'Joined because:');
    for (const l of e.links) out.push(`  ${l.a.articleId.slice(0, 8)}#${l.a.index} ~ ${l.b.articleId.slice(0, 8)}#${l.b.index}  ${l.score.toFixed(2)}  ${l.evidence}`);
  }
  return out.join('\n');
}
