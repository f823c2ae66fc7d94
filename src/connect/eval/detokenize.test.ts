import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { detokenize } from './detokenize.ts';

const one = (tokens: string[], splitHyphens = false) => detokenize([tokens], { splitHyphens }).text;

test('punctuation, clitics and PTB quotes are written as in running text', () => {
  assert.equal(one(['Halvik', "'s", 'envoy', 'said', '``', 'no', "''", ',', 'and', 'did', "n't", 'stay', '(', 'again', ')', '.']), "Halvik's envoy said “no”, and didn't stay (again).");
  assert.equal(one(['Up', '70', '%', 'to', '$', '15', 'today', '?']), 'Up 70% to $15 today?');
});

test('straight double quotes attach to what they quote', () => {
  assert.equal(one(['She', 'said', ',', '"', 'We', 'won', '.', '"']), 'She said, "We won."');
  assert.equal(one(['"', 'We', 'won', ',', '"', 'she', 'said', '.']), '"We won," she said.');
  assert.equal(one(['"', 'We', 'won', ',', '"', 'she', 'said', ',', '"', 'again', '.', '"']), '"We won," she said, "again."');
  // a quotation running over two sentences closes in the second
  assert.equal(detokenize([['He', 'said', ':', '"', 'Go', '.'], ['Now', '.', '"']]).text, 'He said: "Go.\nNow."');
});

test('apostrophes cut out of words are joined, plural possessives attach to the word', () => {
  assert.equal(one(['Brena', '’', 's', 'mayor', 'doesn', '’', 't', 'know']), 'Brena’s mayor doesn’t know');
  assert.equal(one(['the', 'rangers', "'", 'hut']), "the rangers' hut");
  assert.equal(one(['she', 'said', ':', "'", 'Stop', "'", '.']), "she said: 'Stop'.");
  // after a comma a lone apostrophe closes: news copy writes "'Stop,' she said" far more often
  assert.equal(one(["'", 'Stop', ',', "'", 'she', 'said']), "'Stop,' she said");
});

test('split hyphens, times, decimals, thousands, dates and initials are joined again', () => {
  assert.equal(one(['a', 'first', '-', 'degree', 'charge'], true), 'a first-degree charge');
  assert.equal(one(['a', 'first', '-', 'degree', 'charge'], false), 'a first - degree charge');
  assert.equal(one(['it', 'rained', '-', 'the', 'roads', 'flooded'], true), 'it rained - the roads flooded');
  assert.equal(one(['at', '3', ':', '45', 'a', '.', 'm', '.', 'on', '16', '/', '08', '/', '2011']), 'at 3:45 a.m. on 16/08/2011');
  assert.equal(one(['a', '$', '10', ',', '000', 'fine', ',', '5', '.', '9', 'magnitude', 'in', 'the', 'U', '.', 'S', '.']), 'a $10,000 fine, 5.9 magnitude in the U.S.');
  assert.equal(one(['see', 'halvik', '.', 'com', 'now']), 'see halvik.com now');
});

test('sentences are lines, and an unspaced sentence is joined whole', () => {
  const out = detokenize(
    [
      ['http', ':', '/', '/', 'example', '.', 'org', '/', 'a', '-', 'b'],
      ['Title', 'here'],
    ],
    { unspaced: new Set([0]) },
  );
  assert.equal(out.text, 'http://example.org/a-b\nTitle here');
  assert.deepEqual(out.spans[1][0], { start: 23, end: 28 });
});

test('every span holds its token (or its typographic form) and spans increase (property)', () => {
  const token = fc.oneof(
    fc.constantFrom(',', '.', '"', "'", '’', '``', "''", '-', '(', ')', '$', ':', '/', "'s", "n't", 's', 't', '%'),
    fc.stringMatching(/^[A-Za-z0-9]{1,6}$/),
  );
  fc.assert(
    fc.property(fc.array(fc.array(token, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 4 }), fc.boolean(), (sentences, splitHyphens) => {
      const out = detokenize(sentences, { splitHyphens });
      let last = -1;
      sentences.forEach((tokens, s) => {
        tokens.forEach((tok, k) => {
          const span = out.spans[s][k];
          const shown = out.text.slice(span.start, span.end);
          const expected = tok === '``' ? '“' : tok === "''" ? '”' : tok;
          assert.equal(shown, expected);
          assert.ok(span.start >= last);
          last = span.end;
        });
      });
      assert.equal(out.text.split('\n').length, sentences.length);
    }),
    { seed: 11, numRuns: 300 },
  );
});
