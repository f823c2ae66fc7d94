import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArticle, sentenceCount } from './article-parts.ts';
import { nameWords } from './misspell.ts';
import { COPY_KINDS, COPY_SIZES, makeCopies, makeCopy } from './rewrite.ts';

/** An invented article: ten paragraphs, twenty sentences, names used inside sentences. */
const ARTICLE = [
  'Orrin Vale wins the Tessaly County primary.',
  'Orrin Vale won the Tessaly County primary on Tuesday, election officials said. He took 54 percent of the vote.',
  'His rival, Marta Quillon, said she would not concede before every ballot was counted. Her campaign asked for a recount in Brackwater.',
  'Vale told reporters that the result was a huge relief. “We ran a clean race,” Vale said.',
  'Turnout was about 41 percent, the county clerk said. That is the highest figure since 2004.',
  'Quillon had led in three polls during September. She spent $2 million on television ads.',
  'Both candidates also campaigned hard in Brackwater and Ferrisport. Voters there reportedly favored Vale by a wide margin.',
  'The state party chairman, Dell Oduya, said the party would back the winner. He did not say when the convention would meet.',
  'Vale will face Hollis Marchetti in November. Marchetti has held the seat for 12 years.',
  'Analysts said the race could be close. Marchetti’s campaign has raised 1,250,000 dollars so far.',
  'The recount, if granted, would begin next week. Officials expect it to take five days.',
].join('\n\n') + '\n';

const parts = parseArticle(ARTICLE);
const sentences = parts.paragraphs.flat();
const sortedSentences = (text: string) => parseArticle(text).paragraphs.flat().sort();
const words = (text: string) => text.match(/[\p{L}\p{N}’'-]+/gu) ?? [];

test('the test article has the shape the checks assume', () => {
  assert.equal(parts.paragraphs.length, 10);
  assert.equal(sentenceCount(parts), 20);
});

test('the same seed gives the same copy; another seed another', () => {
  for (const kind of COPY_KINDS) {
    if (kind === 'exact') continue;
    const size = COPY_SIZES[kind][COPY_SIZES[kind].length - 1];
    assert.deepEqual(makeCopy(ARTICLE, kind, size, 11), makeCopy(ARTICLE, kind, size, 11), kind);
  }
  assert.notEqual(makeCopy(ARTICLE, 'machine', 0.5, 11).text, makeCopy(ARTICLE, 'machine', 0.5, 12).text);
});

test('exact copies the text byte for byte', () => {
  assert.deepEqual(makeCopy(ARTICLE, 'exact', 1, 1), { kind: 'exact', size: 1, kept: 1, text: ARTICLE });
  assert.throws(() => makeCopy(ARTICLE, 'exact', 0.5, 1), TypeError);
});

test('furniture keeps every body paragraph in order and adds furniture around it under another headline', () => {
  for (let seed = 0; seed < 10; seed++) {
    const copy = makeCopy(ARTICLE, 'furniture', 1, seed);
    const body = parts.paragraphs.map((p) => p.join(' '));
    const blocks = copy.text.trim().split('\n\n');
    const start = blocks.indexOf(body[0]);
    assert.ok(start >= 1, 'the body follows the headline and lines above it');
    assert.deepEqual(blocks.slice(start, start + body.length), body);
    assert.ok(blocks.length >= body.length + 1 + 3, 'at least three furniture elements');
    assert.notEqual(blocks[0], parts.title);
    assert.ok(blocks[0].toLowerCase().includes(parts.title.toLowerCase().replace(/\.$/, '')), blocks[0]);
    assert.equal(copy.kept, 1);
  }
});

test('truncated keeps the leading paragraphs, about the size asked for', () => {
  for (const size of [0.75, 0.5, 0.3]) {
    const copy = makeCopy(ARTICLE, 'truncated', size, 3);
    const kept = parseArticle(copy.text);
    assert.deepEqual(kept.paragraphs, parts.paragraphs.slice(0, kept.paragraphs.length));
    assert.equal(copy.kept, sentenceCount(kept) / 20);
    assert.ok(Math.abs(copy.kept - size) <= 0.051, `${size}: ${copy.kept}`);
  }
});

test('dropped at 0.5 keeps about half the sentences, in their original order', () => {
  for (let seed = 0; seed < 10; seed++) {
    const copy = makeCopy(ARTICLE, 'dropped', 0.5, seed);
    const kept = parseArticle(copy.text).paragraphs;
    assert.ok(Math.abs(copy.kept - 0.5) <= 0.051, String(copy.kept));
    assert.equal(copy.kept, kept.flat().length / 20);
    const at = kept.map((p) => parts.paragraphs.findIndex((q) => q.join(' ') === p.join(' ')));
    assert.ok(at.every((i) => i >= 0));
    assert.deepEqual(at, [...at].sort((a, b) => a - b));
  }
  const draws = new Set(Array.from({ length: 10 }, (_, seed) => makeCopy(ARTICLE, 'dropped', 0.5, seed).text));
  assert.ok(draws.size > 5, 'different seeds drop different paragraphs');
});

test('reordered keeps the same sentence multiset in another paragraph order', () => {
  for (let seed = 0; seed < 10; seed++) {
    const copy = makeCopy(ARTICLE, 'reordered', 1, seed);
    assert.deepEqual(sortedSentences(copy.text), [...sentences].sort());
    assert.notDeepEqual(parseArticle(copy.text).paragraphs, parts.paragraphs);
    assert.equal(copy.kept, 1);
  }
});

test('paraphrased rewords most sentences but keeps their number and paragraphs', () => {
  const copy = makeCopy(ARTICLE, 'paraphrased', 1, 5);
  const out = parseArticle(copy.text);
  assert.equal(out.paragraphs.length, parts.paragraphs.length);
  const changed = out.paragraphs.flat().filter((s) => !sentences.includes(s)).length;
  assert.ok(changed >= 12, `${changed} of 20 sentences changed`);
  // the names are left alone
  for (const name of ['Vale', 'Quillon', 'Marchetti', 'Oduya']) assert.ok(copy.text.includes(name), name);
  const smaller = makeCopy(ARTICLE, 'paraphrased', 0.5, 5);
  assert.ok(Math.abs(smaller.kept - 0.5) <= 0.051);
});

test('misspelt changes capitalised name words only', () => {
  const names = nameWords(sentences);
  for (let seed = 0; seed < 10; seed++) {
    const copy = makeCopy(ARTICLE, 'misspelt', 1, seed);
    assert.notEqual(copy.text, ARTICLE);
    const lower = (text: string) => words(text).filter((w) => !/^\p{Lu}/u.test(w));
    assert.deepEqual(lower(copy.text), lower(ARTICLE), 'lower-case words are untouched');
    const before = new Set(words(ARTICLE));
    for (const w of words(copy.text)) {
      if (before.has(w)) continue;
      assert.match(w, /^\p{Lu}/u, `a new word ${w} is capitalised`);
    }
    // capitalised words that are not names stay
    for (const w of ['The', 'He', 'Her', 'Both', 'Analysts', 'Officials', 'Turnout']) {
      assert.equal(words(copy.text).filter((x) => x === w).length, words(ARTICLE).filter((x) => x === w).length, w);
    }
  }
  assert.ok(names.has('Quillon') && names.has('Brackwater') && !names.has('The') && !names.has('Tuesday'));
});

test('machine combines rewording, garbled names, dropped and swapped paragraphs', () => {
  const copy = makeCopy(ARTICLE, 'machine', 0.75, 8);
  assert.ok(Math.abs(copy.kept - 0.75) <= 0.051, String(copy.kept));
  const out = parseArticle(copy.text);
  const changed = out.paragraphs.flat().filter((s) => !sentences.includes(s)).length;
  assert.ok(changed >= out.paragraphs.flat().length * 0.6, `${changed} changed`);
  const names = ['Vale', 'Quillon', 'Marchetti', 'Oduya', 'Brackwater', 'Tessaly', 'Ferrisport'];
  assert.ok(names.some((n) => !copy.text.includes(n)), 'some name is garbled');
  const full = makeCopy(ARTICLE, 'machine', 1, 8);
  assert.equal(parseArticle(full.text).paragraphs.length, 10);
});

test('makeCopies makes every kind at every size from its own seed', () => {
  const copies = makeCopies(ARTICLE, (kind, size) => `${kind}/${size}`);
  assert.equal(copies.length, Object.values(COPY_SIZES).flat().length);
  assert.deepEqual(
    copies.map((c) => `${c.kind}/${c.size}`),
    COPY_KINDS.flatMap((k) => COPY_SIZES[k].map((s) => `${k}/${s}`)),
  );
  assert.deepEqual(copies.find((c) => c.kind === 'dropped' && c.size === 0.5), makeCopy(ARTICLE, 'dropped', 0.5, 'dropped/0.5'));
  assert.throws(() => makeCopy('Only a title\n', 'dropped', 0.5, 1), TypeError);
  assert.throws(() => makeCopy(ARTICLE, 'dropped', 0, 1), TypeError);
});
