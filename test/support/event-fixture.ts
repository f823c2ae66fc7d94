import type { Doc, EventActor } from '../../src/doc/doc.ts';
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
