import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateLine, formFieldDate, microdataTextDate } from './body-dates.ts';
import { parseDocument } from './parse-document.ts';

const page = (body: string) => parseDocument(`<html><body>${body}</body></html>`);
const lineDate = (body: string, language?: string) => dateLine(page(body), language)?.date;

test('a date line is a short line with a full date just after the title or around the byline', () => {
  assert.equal(lineDate('<h1>Talks resume</h1><p class="kicker">Published March 12, 2026 at 9:40 a.m.</p>'), '2026-03-12');
  assert.equal(lineDate('<h1>Schleusen bleiben zu</h1><div>Von Jan Berg | 20.06.2019 11:43</div>', 'de'), '2019-06-20');
  assert.equal(lineDate('<header><p>14 de marzo de 2026</p><h1>Se reanudan las conversaciones</h1></header>', 'es'), '2026-03-14', 'just before the title');
  assert.deepEqual(dateLine(page('<div class="byline">By Ana Ruiz, 9 March 2026</div><p>Text.</p>'), 'en'), { date: '2026-03-09', text: 'By Ana Ruiz, 9 March 2026' });
});

test('a date line is not a link, an update, a prose sentence, page furniture or a date without its year or with its order unknown', () => {
  assert.equal(lineDate('<h1>Talks resume</h1><ul><li><a href="/other">Earlier talks, 1 March 2026</a></li></ul>'), undefined);
  assert.equal(lineDate('<h1>Talks resume</h1><p>Updated 4 March 2026</p>'), undefined);
  assert.equal(lineDate('<h1>Talks resume</h1><p>Stand: 07.11.2023, 07:30 Uhr</p>', 'de'), undefined);
  assert.equal(lineDate('<h1>Talks resume</h1><p>by Ana Ruiz · Last updated 4 Jun 2020, originally created 17 Jun 2019</p>'), '2019-06-17');
  assert.equal(lineDate('<h1>Talks resume</h1><p>PUBLISHED: March 8, 2026 at 11:30 p.m. | UPDATED: March 9, 2026</p>'), '2026-03-08');
  const prose = 'The talks that began on 12 March 2026 resumed in a hotel outside the capital after a week of quiet diplomacy by the envoys.';
  assert.equal(lineDate(`<h1>Talks resume</h1><p>${prose}</p>`), undefined);
  assert.equal(lineDate('<nav><h1>Site</h1><span>12 March 2026</span></nav>'), undefined);
  assert.equal(lineDate('<h1>Talks resume</h1><p>Thursday, March 12</p>'), undefined);
  assert.equal(lineDate('<h1>Talks resume</h1><p>06.05.2019</p>', 'en'), undefined, 'day and month order unknown in English');
  assert.equal(lineDate('<p>12 March 2026</p>'), undefined, 'no title or byline to be near');
});

test('prose as long as an article is no date line, however many dates it holds', () => {
  const article = `<div><h1>Talks resume</h1><p>${'words 12 March 2026 '.repeat(20_000)}</p>${'<span>x</span>'.repeat(20_000)}</div>`;
  assert.equal(lineDate(article), undefined);
});

test('microdata text and hidden form fields give their dates; a form the reader fills in does not', () => {
  assert.equal(microdataTextDate(page('<div itemprop="datePublished">17. Mai 2019</div>'), 'de'), '2019-05-17');
  assert.equal(microdataTextDate(page('<span itemprop="datePublished" content="2019-05-17">17 May</span>'), 'en'), undefined, 'the attribute is the other source');
  assert.equal(formFieldDate(page('<input type="hidden" name="pubdate" value="2019-05-17T10:00:00Z">'), 'en'), '2019-05-17T10:00:00Z');
  assert.equal(formFieldDate(page('<input type="hidden" name="last_modified_date" value="2019-05-17">'), 'en'), undefined);
  assert.equal(formFieldDate(page('<form><input type="email" name="mail"><input type="hidden" name="DATETIME" value="2023/11/06T15:26:58"></form>'), 'en'), undefined);
  assert.equal(formFieldDate(page('<input type="hidden" name="_form_date" value="1636126875475">'), 'en'), undefined, 'a timestamp is no date');
});
