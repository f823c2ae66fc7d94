import type { Doc, EventActor, EventMention } from '../../src/doc/doc.ts';
import { processArticle } from '../../src/pipeline/default-pipeline.ts';

/**
 * An article with two events written by hand over its text, so that storage, the command line,
 * the API and the page are tested apart from what the events stage finds: Henrik Solvane meets
 * Ilse Brandoch in Skarholm on 2026-03-12 (CONSULT, third-party, CAMEO 043; a date of its
 * sentence), and Korvath releases two prisoners (RETREAT, release, CAMEO 0841; the article's
 * date, 2026-03-14). `status` is the release's.
 */
export function articleWithEvents(release: { status?: 'asserted' | 'future'; context?: string | null } = {}): Doc {
  const doc = processArticle('Envoy meets minister\n\nHenrik Solvane met Ilse Brandoch in Skarholm on 2026-03-12.\n\nKorvath released two prisoners, officials said.', 'text', {
    title: 'Envoy meets minister',
    outlet: 'Meridian Wire',
    published: '2026-03-14',
  });
  const at = (words: string) => {
    const start = doc.text.indexOf(words);
    if (start < 0) throw new TypeError(`the fixture's text lacks “${words}”`);
    return { start, end: start + words.length };
  };
  // a name the name tagger found is linked to its entity, as the events stage links it
  const actor = (words: string, country: string | null, sector: string | null): EventActor => {
    const entity = doc.entities.findIndex((e) => e.name === words);
    return { ...at(words), text: words, entity: entity >= 0 ? entity : null, country, sector };
  };
  doc.events = [
    {
      type: 'CONSULT', mode: 'third-party', context: null, cameo: '043', trigger: at('met'),
      source: [actor('Henrik Solvane', 'KVR', 'GOV')], target: [actor('Ilse Brandoch', 'HLV', 'GOV')],
      where: { ...at('Skarholm'), name: 'Skarholm', entity: null, country: 'HLV' }, when: { value: '2026-03-12', from: 'timex', timex: null },
      status: 'asserted', reportedBy: null, sentence: 1,
    },
    {
      type: 'RETREAT', mode: 'release', context: release.context ?? null, cameo: '0841', trigger: at('released'),
      source: [actor('Korvath', 'KVR', null)], target: [actor('two prisoners', null, null)], where: null,
      when: { value: '2026-03-14', from: 'article', timex: null }, status: release.status ?? 'asserted', reportedBy: null, sentence: 2,
    },
  ];
  return doc;
}

/** A meeting an article reports, in words of its text. */
export interface Meeting {
  /** Words of the text: source, target, trigger, place (optional), and the date the sentence states (else the article's). */
  source: string;
  target: string;
  trigger: string;
  place?: string;
  stated?: string;
  status?: EventMention['status'];
}

/**
 * An article reporting meetings (CONSULT), each written by hand over its text: who met whom,
 * the trigger, the place, and the date its sentence states (else the article's date, or none
 * when the article has no date). For corpus events: reports of one meeting across outlets.
 */
export function meetingReport(text: string, published: string | undefined, outlet: string, meetings: Meeting[]): Doc {
  const doc = processArticle(text, 'text', { published, outlet, title: text.split('\n')[0], source: `${outlet}-${published}.txt` });
  const at = (words: string) => {
    const start = doc.text.indexOf(words);
    if (start < 0) throw new TypeError(`the report lacks “${words}”`);
    return { start, end: start + words.length };
  };
  const actor = (words: string): EventActor => {
    const entity = doc.entities.findIndex((e) => e.name === words || e.aliases.includes(words));
    return { ...at(words), text: words, entity: entity >= 0 ? entity : null, country: null, sector: 'GOV' };
  };
  doc.events = meetings.map((m) => ({
    type: 'CONSULT',
    mode: null,
    context: null,
    cameo: '040',
    trigger: at(m.trigger),
    source: [actor(m.source)],
    target: [actor(m.target)],
    where: m.place ? { ...at(m.place), name: m.place, entity: doc.entities.findIndex((e) => e.name === m.place), country: null } : null,
    when: m.stated ? { value: m.stated, from: 'timex', timex: null } : { value: published ?? null, from: published ? 'article' : 'none', timex: null },
    status: m.status ?? 'asserted',
    reportedBy: null,
    sentence: 1,
  }));
  for (const e of doc.events) if (e.where && e.where.entity !== null && e.where.entity < 0) e.where.entity = null;
  return doc;
}
