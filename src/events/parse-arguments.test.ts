import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDoc, type Doc } from '../doc/doc.ts';
import { defaultStages } from '../pipeline/default-pipeline.ts';
import { createPipeline } from '../pipeline/stage.ts';
import { parseArguments } from './parse-arguments.ts';
import { events } from './stage.ts';

const run = createPipeline([...defaultStages().filter((s) => s.name !== 'events'), events({ findArguments: parseArguments() })]);
const coded = (text: string): Doc => run(createDoc(text, 'text', { published: '2025-04-11', language: 'en' }));
const texts = (xs: { text: string }[]) => xs.map((a) => a.text);

test('the parse finder: subject and object of a verb trigger', () => {
  const doc = coded('Russian troops shelled the Ukrainian city of Kharkiv on Monday.');
  assert.equal(doc.events.length, 1);
  assert.match(texts(doc.events[0].source).join(), /troops/);
  assert.match(texts(doc.events[0].target).join(), /Kharkiv|city/);
});

test('the parse finder: a passive takes its agent as source', () => {
  const [e] = coded('The convoy was attacked by rebel fighters near the border.').events;
  assert.ok(e);
  assert.match(texts(e.source).join(), /fighters/);
  assert.match(texts(e.target).join(), /convoy/);
});

test('the parse finder: the target of a demand is the subject of the demanded clause', () => {
  const [e] = coded('The United States demanded that North Korea abandon its nuclear program.').events;
  assert.equal(e.type, 'DEMAND');
  assert.match(texts(e.source).join(), /United States/);
  assert.match(texts(e.target).join(), /North Korea/);
});

test('the parse finder: a pronoun in a reported clause is its reporter', () => {
  const [e] = coded('Fijian rebels said they will release the prime minister.').events;
  assert.match(texts(e.source).join(), /rebels/);
});

test('the parse finder: a noun trigger with its possessor and its "with" complement', () => {
  const doc = coded("Steve Witkoff's meeting with Vladimir Putin took place behind closed doors.");
  const e = doc.events.find((x) => x.type === 'CONSULT');
  assert.ok(e);
  assert.match(texts(e.source).join(), /Witkoff/);
  assert.match(texts(e.target).join(), /Putin/);
});
