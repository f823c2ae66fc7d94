import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { SHARED_DATA, needsSharedData } from '../../test/support/shared-data.ts';
import type { Doc, Quote } from '../doc/doc.ts';
import { processArticle } from '../pipeline/default-pipeline.ts';
import { findQuotes } from './stage.ts';

const REWRITTEN = 'seeds/000_f52f2e6ae05d1052.txt';
const LIVE_BLOG = 'seeds/004_20dca7a36c75680e.txt';

const text = (doc: Doc, span: { start: number; end: number } | null): string => (span ? doc.text.slice(span.start, span.end) : '');

/** The quote whose content contains `words`. */
function quoteWith(doc: Doc, words: string): Quote {
  const q = doc.quotes.find((x) => text(doc, x.content).includes(words));
  assert.ok(q, `a quote containing "${words}"; found: ${doc.quotes.map((x) => text(doc, x.content).slice(0, 40)).join(' | ')}`);
  return q;
}

function expectSpeaker(doc: Doc, words: string, speaker: string, via: string[] = []): Quote {
  const q = quoteWith(doc, words);
  assert.equal(q.speaker.name, speaker, `speaker of "${words}"`);
  assert.deepEqual(q.via.map((v) => v.name), via, `via of "${words}"`);
  return q;
}

test('rewritten seed: every statement with its speaker and outlet chain', needsSharedData(REWRITTEN), () => {
  const doc = processArticle(readFileSync(SHARED_DATA + REWRITTEN, 'utf8'), 'text');
  const peskov = expectSpeaker(doc, 'The painstaking work continues', 'Dmitry Peskov', ['TASS']);
  assert.equal(text(doc, peskov.cue), 'was quoted as saying');
  assert.equal(expectSpeaker(doc, 'Putin hears it', 'Dmitry Peskov', ['TASS']).speaker.how, 'continued');
  assert.equal(expectSpeaker(doc, 'very angry', 'Donald Trump').kind, 'partial');
  expectSpeaker(doc, 'tariffs on Russian oil', 'Donald Trump', ['NBC News']);
  assert.equal(expectSpeaker(doc, 'If Russia and I', 'Donald Trump').speaker.how, 'pronoun');
  expectSpeaker(doc, 'Russia must move', 'Donald Trump');
  expectSpeaker(doc, 'Too many are dying', 'Donald Trump');
  // she spoke to Al Jazeera: the channel of her report
  expectSpeaker(doc, 'doesn’t expect a breakthrough', 'Julia Shapovalova', ['Al Jazeera']);
  assert.equal(expectSpeaker(doc, 'The message from the US President', 'Julia Shapovalova').kind, 'direct');
  assert.equal(expectSpeaker(doc, 'However, analysts believe', 'Julia Shapovalova').speaker.how, 'continued');
  assert.equal(expectSpeaker(doc, 'demands will not change', 'Julia Shapovalova').speaker.how, 'pronoun');
  expectSpeaker(doc, 'oil prices are falling', 'Julia Shapovalova');
  expectSpeaker(doc, 'great leader', 'Steve Witkov');
  expectSpeaker(doc, 'made progress towards normalizing', 'Both sides');
  expectSpeaker(doc, 'very necessary', 'Sergei Lavrov');
});

test('live-blog seed: outlets and writers as chains, role phrases kept, dash quotes', needsSharedData(LIVE_BLOG), () => {
  const doc = processArticle(readFileSync(SHARED_DATA + LIVE_BLOG, 'utf8'), 'text');
  expectSpeaker(doc, 'flew home from Moscow', 'Russian media', ['TT']);
  expectSpeaker(doc, 'held late talks', 'Kremlin', ['Reuters']);
  assert.equal(expectSpeaker(doc, 'reasons for cautious optimism', 'a Kremlin statement').speaker.how, 'role');
  expectSpeaker(doc, 'This is shown by classified reports', 'sources', ['Washington Post']);
  expectSpeaker(doc, 'whether the White House is misinterpreting', 'Washington Post');
  expectSpeaker(doc, 'predictable manipulation', 'Zelensky');
  expectSpeaker(doc, 'what Putin really wants', 'Zelensky');
  expectSpeaker(doc, 'wants to sound reasonable', 'Sarah Rainsford', ['BBC']);
  assert.equal(expectSpeaker(doc, 'His priority is Russia', 'Sarah Rainsford').speaker.how, 'pronoun');
  expectSpeaker(doc, 'the total subjugation of Ukraine', 'Sarah Rainsford');
  expectSpeaker(doc, 'so eager to be seen as a peacemaker', 'Mark Stone', ['Sky News']);
  expectSpeaker(doc, 'The worry is that Trump', 'Mark Stone', ['Sky News']);
  expectSpeaker(doc, 'Putin praises Trump', 'Stephen Collinson', ['CNN']);
  expectSpeaker(doc, 'a classic Russian diplomatic tactic', 'Stephen Collinson', ['CNN']);
  // "This is stated by both American and Russian officials to NBC News."
  const officials = doc.quotes.find((q) => q.speaker.name === 'both American and Russian officials');
  assert.deepEqual(officials?.via.map((v) => v.name), ['NBC News']);
  const dash = expectSpeaker(doc, 'Kellogg is a former American general', 'a Russian source');
  assert.ok(text(doc, dash.content).startsWith('Kellogg'), 'the dash is not part of the content');
  expectSpeaker(doc, 'the situation means', 'NBC News');
  expectSpeaker(doc, 'very good chance', 'Donald Trump');
  expectSpeaker(doc, 'thousands of Ukrainian troops', 'Donald Trump');
  expectSpeaker(doc, 'fed information by Putin', 'Guardian');
});

test('attribution spans lie inside the text, on any input', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (s) => {
      const doc = processArticle(`“${s}” he said. ${s}`, 'text');
      for (const q of doc.quotes) {
        for (const span of [q.content, q.cue, q.source, q.speaker.span, ...q.via]) {
          if (!span) continue;
          assert.ok(span.start >= 0 && span.start <= span.end && span.end <= doc.text.length);
        }
      }
    }),
    { numRuns: 60 },
  );
});

test('unbalanced, nested and crowded quotation marks and no punctuation at all do not throw', () => {
  const inputs = [
    '“This never closes, said the minister.\n\nNor does this one',
    'He said “she told me ‘we are “nearly” done’ today” and left.',
    Array.from({ length: 200 }, (_, i) => (i % 2 ? '”' : '“') + 'word').join(' '),
    Array.from({ length: 400 }, () => 'said the envoy that talks continue').join(' '),
  ];
  for (const input of inputs) {
    const doc = processArticle(input, 'text');
    assert.ok(Array.isArray(doc.quotes));
  }
});

test('in an article not in English, only quotations stay, with the speakers the text names next to them', () => {
  const raw = [
    'Die Waffenruhe am Staudamm hält seit drei Tagen, und die Regierung in der Hauptstadt zeigte sich zufrieden mit dem Verlauf der Gespräche in Halvik.',
    '„Wir werden die Schleusen öffnen, sobald die Beobachter eingetroffen sind“, sagte Außenministerin Ilse Brandoch am Samstag in Berlin.',
    '„Die ersten Beobachter kommen schon am Montag an“, fügte sie hinzu.',
    'Die Opposition erklärte, der Schritt komme viel zu spät und die Menschen in Brena hätten zu lange gewartet.',
    'Der Oppositionsführer Teodor Vasch blieb skeptisch. Vasch: „Wir haben solche Zusagen schon oft gehört.“',
    '„Das ist ein wichtiger Schritt für die ganze Region.“ Niemand widersprach.',
    'Warning: mysql_connect(): Access denied for user on line 12 of the page.',
  ].join('\n\n');
  const doc = processArticle(raw, 'text');
  assert.equal(doc.meta.language, 'de');
  assert.deepEqual(
    doc.quotes.map((q) => [q.kind, doc.text.slice(q.content.start, q.content.end), q.speaker.how, q.speaker.name, q.cue && doc.text.slice(q.cue.start, q.cue.end)]),
    [
      ['direct', '„Wir werden die Schleusen öffnen, sobald die Beobachter eingetroffen sind“', 'named', 'Ilse Brandoch', 'sagte'],
      ['direct', '„Die ersten Beobachter kommen schon am Montag an“', 'pronoun', 'Ilse Brandoch', 'fügte'],
      ['direct', '„Wir haben solche Zusagen schon oft gehört.“', 'named', 'Teodor Vasch', null],
      ['direct', '„Das ist ein wichtiger Schritt für die ganze Region.“', 'unknown', '', null],
    ],
  );
  // read as English, the same article gives the model's guesses
  doc.meta.language = 'en';
  assert.ok(findQuotes(doc).some((q) => q.kind !== 'direct'));
});

test('a content is a statement: never a lone pronoun, letter or shout; a lone "This" stands for the sentence before', () => {
  const doc = processArticle(
    'The envoy was kicked out of two meetings. This is stated by officials to NBC News.\n\n' +
      '“We will meet again next week,” said Anna Berg.\n\n“YOU!!!!!!”\n\n“Yes,” she said.',
    'text',
  );
  const contents = doc.quotes.map((q) => doc.text.slice(q.content.start, q.content.end));
  assert.ok(contents.includes('The envoy was kicked out of two meetings.'), contents.join(' | '));
  assert.ok(!contents.some((c) => /^(?:This|“Yes,”|“YOU!!!!!!”)$/.test(c)), contents.join(' | '));
  assert.ok(contents.some((c) => c.startsWith('“We will meet again')), contents.join(' | '));
});

test('a relative pronoun, a determiner or a clitic is never a speaker', () => {
  const doc = processArticle('Python has late binding, which says that the values of variables are looked up when the function is called. Some would call this elegant, and critics say it is subtle.', 'text');
  const speakers = doc.quotes.map((q) => q.speaker.name);
  assert.ok(!speakers.some((s) => /^(?:which|Some)$/i.test(s)), speakers.join(' | '));
  assert.ok(speakers.includes('critics'), speakers.join(' | '));
});

test('the speaker is the subject of the cue, as the parse gives it, not a modifier or a neighbour of it', () => {
  const speakerOf = (text: string, parse: boolean) => {
    const doc = processArticle(text, 'text');
    return findQuotes(doc, undefined, { parse }).map((q) => q.speaker.name);
  };
  const parish = 'Last night, senior Tory MP Neil Parish, who has already led one Commons Tory rebellion over post-Brexit food standards, urged the Government to compromise.';
  assert.ok(speakerOf(parish, true).some((s) => s.endsWith('Neil Parish')), speakerOf(parish, true).join(' | '));
  assert.ok(!speakerOf(parish, false).some((s) => s.endsWith('Neil Parish')), 'without the parse the tagger reads the object as the source');
  const kershaw = '“Sales were strong,” said David Kershaw, division vice president, Nissan Sales & Regional Operations at Nissan North America Inc.';
  assert.deepEqual(speakerOf(kershaw, true), ['David Kershaw']);
  // "…, writes X": a reporting verb at the end keeps the source after it
  const rainsford = 'Vladimir Putin wants to sound reasonable and not insult Donald Trump, writes the BBC\'s Sarah Rainsford.';
  assert.deepEqual(speakerOf(rainsford, true), ['Sarah Rainsford']);
});
