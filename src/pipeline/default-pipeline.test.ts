import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDoc } from '../doc/doc.ts';
import { defaultStages, processArticle } from './default-pipeline.ts';
import { createPipeline } from './stage.ts';

test('the default pipeline finds the dates in an article, after its sentences and before its names', () => {
  const names = defaultStages().map((s) => s.name);
  assert.ok(names.indexOf('tokenize') < names.indexOf('timexes') && names.indexOf('timexes') < names.indexOf('entities'), names.join(', '));
  const doc = processArticle('Truce holds\n\nThe truce agreed on 2025-03-14 still holds, officials said.', 'text', { published: '2025-03-15' });
  assert.deepEqual(
    doc.timexes.map((t) => [doc.text.slice(t.start, t.end), t.type, t.value]),
    [['2025-03-14', 'DATE', '2025-03-14']],
  );
});

test('the default pipeline codes events last, from names, dates and quotes', () => {
  const names = defaultStages().map((s) => s.name);
  assert.equal(names[names.length - 1], 'events');
  const doc = processArticle('Talks\n\nUS envoy Steve Witkoff met Russian President Vladimir Putin in Moscow on Friday.', 'text', { published: '2025-04-11' });
  assert.deepEqual(doc.events.map((e) => [e.type, doc.text.slice(e.trigger.start, e.trigger.end), e.when.from]), [['CONSULT', 'met', 'timex']]);
  for (const layer of ['entities', 'timexes', 'quotes']) assert.ok(names.indexOf(layer) < names.indexOf('events'), `${layer} before events`);
});

test('a pipeline without names and quotes still builds and codes events (their needs are sentences and tokens)', () => {
  const run = createPipeline(defaultStages().filter((s) => s.name !== 'entities' && s.name !== 'quotes'));
  const doc = run(createDoc('Russian troops attacked Ukrainian positions on Friday.', 'text', { published: '2025-04-11' }));
  assert.deepEqual(doc.events.map((e) => e.type), ['FIGHT']);
});
