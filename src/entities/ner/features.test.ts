import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FeatureExtractor, hasInitialCapital, isAllCapitals, shortShape, wordShape } from './features.ts';
import { buildGazetteer, matchGazetteer } from './gazetteer.ts';

test('word shapes', () => {
  assert.equal(wordShape('McDonald'), 'XxXxxxxx');
  assert.equal(wordShape('1996-08-22'), 'dddd-dd-dd');
  assert.equal(shortShape(wordShape('1996-08-22')), 'd-d-d');
  assert.equal(shortShape(wordShape('U.S.')), 'X.X.');
  assert.equal(wordShape('x'.repeat(100)).length, 25);
  assert.ok(hasInitialCapital('Éric') && !hasInitialCapital('éric') && !hasInitialCapital('1st'));
  assert.ok(isAllCapitals('NATO') && isAllCapitals('U.S.') && !isAllCapitals('NaTO') && !isAllCapitals('1996'));
});

test('gazetteer matches phrases case-insensitively, with BILOU positions', () => {
  const g = buildGazetteer({ city: ['New York', 'York'], country: ['France'] });
  assert.deepEqual(matchGazetteer(g, ['in', 'new', 'york', 'and', 'france']), [[], ['city:B'], ['city:L', 'city:U'], [], ['country:U']]);
});

test('feature extraction: one feature range per token, deterministic, window-sensitive', () => {
  const extractor = new FeatureExtractor({ clusters: new Map([['Paris', '0110']]), gazetteer: buildGazetteer({ city: ['Paris'] }) });
  const words = ['He', 'flew', 'to', 'Paris', '.'];
  const context = extractor.documentContext([words]);
  const a = extractor.sentence(words, context);
  const b = new FeatureExtractor(extractor.resources).sentence(words, context);
  assert.equal(a.offsets.length, words.length + 1);
  assert.equal(a.offsets[words.length], a.hashes.length);
  for (let i = 0; i < words.length; i++) assert.ok(a.offsets[i + 1] > a.offsets[i]);
  assert.deepEqual(a, b);
  // The same word in another context shares its own features but not its window features.
  const other = extractor.sentence(['Paris', 'is', 'big'], context);
  const paris = new Set(a.hashes.subarray(a.offsets[3], a.offsets[4]));
  const paris2 = new Set(other.hashes.subarray(other.offsets[0], other.offsets[1]));
  const shared = [...paris].filter((h) => paris2.has(h)).length;
  assert.ok(shared > 10 && shared < paris.size);
  assert.deepEqual(extractor.sentence([], context).offsets, new Int32Array(1));
});

test('document context: capitalised mid-sentence elsewhere, runs of capitals', () => {
  const extractor = new FeatureExtractor({ clusters: new Map(), gazetteer: null });
  const context = extractor.documentContext([
    ['TRADE', 'FIGURES', 'FROM', 'CHINA'],
    ['Exports', 'to', 'China', 'rose', ',', 'Peter', 'Blackburn', 'said', '.'],
    ['Figures', 'were', 'up', 'but', 'the', 'figures', 'lag', '.'],
  ]);
  assert.equal(context.capitalisedMid.get('china'), 1);
  assert.equal(context.capitalisedMid.has('trade'), false);
  assert.equal(context.capitalisedMid.has('exports'), false);
  assert.equal(context.inRun.get('peter'), 1);
  assert.equal(context.inRun.get('blackburn'), 4);
  assert.ok(context.lowercase.has('figures') && !context.lowercase.has('china'));
  // The headline's CHINA gets the document feature that the capitalised China gives it.
  const headline = extractor.sentence(['TRADE', 'FIGURES', 'FROM', 'CHINA'], context);
  const alone = extractor.sentence(['TRADE', 'FIGURES', 'FROM', 'CHINA'], extractor.documentContext([]));
  assert.ok(headline.offsets[4] - headline.offsets[3] > alone.offsets[4] - alone.offsets[3]);
});
