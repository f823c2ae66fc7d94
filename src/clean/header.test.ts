import assert from 'node:assert/strict';
import { test } from 'node:test';
import { processArticle } from '../pipeline/default-pipeline.ts';
import { headerDate, headerFacts, openingDate } from './header.ts';

test('headerFacts reads a byline, a dated line and a wire dateline, and stops at prose', () => {
  assert.deepEqual(headerFacts(['By Amira Dostal, Ostmar Herald correspondent in Brena', 'Thursday 12 March 2026', 'BRENA, Kalesh — An explosion wrecked the station.']), {
    byline: 'Amira Dostal',
    published: '2026-03-12',
    lines: 2,
  });
  assert.deepEqual(headerFacts(['Posted by Magnus Teller, Saturday, 14 March 2026']), { byline: 'Magnus Teller', published: '2026-03-14', lines: 1 });
  assert.deepEqual(headerFacts(['*By Sigrid Aalen, Meridian Wire — Halvik, 11 March 2026*']), { byline: 'Sigrid Aalen', published: '2026-03-11', lines: 1 });
  assert.deepEqual(headerFacts(['By Ana Ruiz and Jan de Berg']), { byline: 'Ana Ruiz and Jan de Berg', lines: 1 });
  assert.deepEqual(headerFacts(['HALVIK, March 9 (Meridian Wire) – Orrenland on Monday appointed an envoy.']), { outlet: 'Meridian Wire', lines: 0 });
  // prose, or "by" that introduces no name, ends the header
  assert.deepEqual(headerFacts(['By the end of the day the talks had stalled.', 'Thursday 12 March 2026']), { lines: 0 });
  assert.deepEqual(headerFacts(['The talks resumed on Thursday 12 March 2026 in a hotel outside the capital, officials said on Friday.']), { lines: 0 });
});

test('headerDate takes days with their year and month in words, in the languages Dossier cleans', () => {
  assert.equal(headerDate('Thursday 12 March 2026'), '2026-03-12');
  assert.equal(headerDate('Westmark Allgemeine, Samstag, 14. März 2026'), '2026-03-14');
  assert.equal(headerDate('samedi 14 mars 2026'), '2026-03-14');
  assert.equal(headerDate('sábado, 14 de marzo de 2026'), '2026-03-14');
  assert.equal(headerDate('суббота, 14 марта 2026 г.'), '2026-03-14');
  assert.equal(headerDate('Updated March 14th, 2026, 9:40 a.m.'), '2026-03-14');
  assert.equal(headerDate('Calif. may raise the toll on its bridges by 2030.'), undefined, 'a month-like word far from the year');
  assert.equal(headerDate('March 9'), undefined, 'no year');
  assert.equal(headerDate('12.03.2026'), undefined, 'day and month order unknown');
});

test('a plain-text article gets its byline and date from the lines under its title; a source that gives them wins', () => {
  const raw = 'Basin Watch: Seventy-two hours at the Tamsk Dam\nPosted by Magnus Teller, Saturday, 14 March 2026\n\nThe truce is real, at least on paper, and the guns fell silent at noon.\n\nA second paragraph of the post follows here.';
  const doc = processArticle(raw, 'text');
  assert.equal(doc.meta.title, 'Basin Watch: Seventy-two hours at the Tamsk Dam', 'one line over a byline is a title, not a wrapped paragraph');
  assert.deepEqual([doc.meta.byline, doc.meta.published], ['Magnus Teller', '2026-03-14']);
  assert.deepEqual(doc.blocks.slice(0, 2).map((b) => b.kind), ['title', 'paragraph'], 'the byline line is not a heading');
  const given = processArticle(raw, 'text', { published: '2026-03-15T08:00:00Z', byline: 'Desk' });
  assert.deepEqual([given.meta.byline, given.meta.published], ['Desk', '2026-03-15T08:00:00Z']);
  assert.deepEqual([doc.meta.publishedSource, given.meta.publishedSource], ['header', 'input']);
});

test('without a date line, the first full date near the top of a plain-text article dates it, and says so', () => {
  const wire = 'Envoy named for Halvik talks\n\nHALVIK, 9 March 2026 (Meridian Wire) – Orrenland on Monday appointed an envoy to the talks.\n\nMore follows.';
  const doc = processArticle(wire, 'text');
  assert.deepEqual([doc.meta.published, doc.meta.publishedSource], ['2026-03-09', 'opening']);
  assert.equal(processArticle(wire, 'text', { published: '2026-03-10' }).meta.published, '2026-03-10', 'a given date wins');
  // further down, a date is an event's, not the article's
  const late = `Talks resume\n\n${'The envoys met again in the hotel outside the capital. '.repeat(6)}\n\nThe first round ended on 12 March 2026.`;
  assert.equal(processArticle(late, 'text').meta.published, undefined);
  assert.equal(openingDate('Talks resume\nBy Ana Ruiz\nAn envoy spoke.\nOn 12 March 2026 the talks ended.'), undefined, 'past the third line');
  assert.equal(openingDate('Talks resume\n\nPosted 2026-03-12: talks resumed.'), '2026-03-12');
  assert.equal(openingDate('Talks resume in March 2026'), undefined, 'no day');
});

test("a plain-text article with an address and no outlet is the address host's", () => {
  const raw = 'Talks resume\n\nThe envoys met again in the hotel outside the capital.';
  assert.equal(processArticle(raw, 'text', { url: 'https://www.halvikpost.example/a/1' }).meta.outlet, 'halvikpost.example');
  assert.equal(processArticle(raw, 'text', { url: 'https://www.halvikpost.example/a/1', outlet: 'Halvik Post' }).meta.outlet, 'Halvik Post');
  assert.equal(processArticle('Talks\n\nHALVIK, March 9 (Meridian Wire) – Talks resumed.', 'text', { url: 'https://x.example/a' }).meta.outlet, 'Meridian Wire');
});
