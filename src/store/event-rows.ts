import { textOf, type Doc, type EventActor } from '../doc/doc.ts';
import { oneLine } from '../text/one-line.ts';
import type { EventActorRow, EventRow } from './store.ts';

/** The longest sentence an event row carries; a longer one is cut at a word with an ellipsis. */
export const EVENT_SENTENCE_CHARS = 600;

/** What a status adds to an event's line. */
const STATUS_WORDS: Record<EventRow['status'], string> = { asserted: '', negated: ' (did not happen)', future: ' (planned)', hypothetical: ' (if)' };

function actorRow(doc: Doc, a: EventActor): EventActorRow {
  const entity = a.entity !== null ? doc.entities[a.entity] : undefined;
  return { start: a.start, end: a.end, text: a.text, name: entity?.name ?? null, entity: a.entity, corpusEntity: null, country: a.country, sector: a.sector };
}

/**
 * The events of one article as list rows, in the order of its `events` layer: what a store
 * keeps for corpus queries and what `dossier show` prints. Actors carry their entity's name;
 * their corpus entities are for a store to fill in when it reads them.
 *
 * @example eventRows(doc).map((e) => e.summary)
 */
export function eventRows(doc: Doc): EventRow[] {
  return doc.events.map((e, index) => {
    const sentence = doc.sentences[e.sentence] ?? e.trigger;
    const row: Omit<EventRow, 'summary' | 'corpusEvent'> = {
      articleId: doc.id,
      articleTitle: doc.meta.title ?? null,
      outlet: doc.meta.outlet ?? null,
      index,
      type: e.type,
      mode: e.mode,
      context: e.context,
      cameo: e.cameo,
      status: e.status,
      trigger: textOf(doc, e.trigger),
      source: e.source.map((a) => actorRow(doc, a)),
      target: e.target.map((a) => actorRow(doc, a)),
      place: e.where ? { name: e.where.name, country: e.where.country, start: e.where.start, end: e.where.end } : null,
      date: e.when.value,
      dateFrom: e.when.from,
      reportedBy: e.reportedBy,
      sentence: oneLine(textOf(doc, sentence), EVENT_SENTENCE_CHARS),
      spans: { trigger: { start: e.trigger.start, end: e.trigger.end }, sentence: { start: sentence.start, end: sentence.end } },
    };
    return { ...row, summary: eventSummary(row), corpusEvent: null };
  });
}

/** An actor as a line names it: its entity's name (else its words) and its codes. */
function actorWords(a: Pick<EventActorRow, 'text' | 'name' | 'country' | 'sector'>): string {
  const codes = [a.country, a.sector].filter(Boolean).join(' ');
  return `${a.name ?? oneLine(a.text, 60)}${codes ? ` (${codes})` : ''}`;
}

/**
 * An event in one readable line: source — type, mode (context) → target, place, date, and
 * what its status adds; a side nobody is named for is left out.
 *
 * @example eventSummary(row) // 'Steve Witkoff (USA GOV) — CONSULT, visit → Vladimir Putin (RUS GOV), St. Petersburg, 2025-04-11'
 */
export function eventSummary(e: Pick<EventRow, 'source' | 'target' | 'type' | 'mode' | 'context' | 'place' | 'date' | 'status'>): string {
  const source = e.source.map(actorWords).join(' and ');
  const target = e.target.map(actorWords).join(' and ');
  const act = `${e.type}${e.mode ? `, ${e.mode}` : ''}${e.context ? ` (${e.context})` : ''}`;
  const where = e.place ? `, ${e.place.name}` : '';
  const when = e.date ? `, ${e.date}` : '';
  return `${source ? `${source} — ` : ''}${act}${target ? ` → ${target}` : ''}${where}${when}${STATUS_WORDS[e.status]}`;
}
