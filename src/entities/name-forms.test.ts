import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { acronymOf, bigramDice, boundedDistance, foldWord, isAcronym, nameKey, personParts } from './name-forms.ts';

test('transliteration variants fold to one spelling; different names do not', () => {
  const same = [
    ['Malenkov', 'Malenkoff'],
    ['Julija', 'Yulija'],
    ['Xander', 'Ksander'],
    ['Danil', 'Danill'],
    ['Sokolsky', 'Sokolskyy'],
    ['Sokolsky', 'Sokolskiy'],
    ['Wladislaw', 'Vladislav'],
    ['Mikhail', 'Michail'],
  ];
  for (const [a, b] of same) assert.equal(foldWord(a), foldWord(b), `${a} ~ ${b}`);
  for (const [a, b] of [['Malenkov', 'Malinov'], ['Ivan', 'Ilan'], ['Sokolsky', 'Sokolov']]) assert.notEqual(foldWord(a), foldWord(b), `${a} !~ ${b}`);
});

test('nameKey drops dots of abbreviations, a leading "the", possessives and case', () => {
  assert.equal(nameKey('U.S.'), 'us');
  assert.equal(nameKey('The Kremlin'), 'kremlin');
  assert.equal(nameKey('Halvik Post’s'), 'halvik post');
  assert.equal(nameKey('  Ilse   Brandoch '), 'ilse brandoch');
  assert.equal(nameKey('Åsa Ørn'), 'asa ørn');
});

test('personParts splits given names from the surname and drops honorifics and suffixes', () => {
  assert.deepEqual(personParts('Mr. Henrik Solvane')?.given, ['henrik']);
  assert.equal(personParts('Mr. Henrik Solvane')?.surname, 'solvane');
  assert.equal(personParts('Anselm Korvath Jr.')?.surname, 'korvath');
  assert.deepEqual(personParts('Korvath')?.given, []);
  assert.equal(personParts('...'), undefined);
});

test('acronyms come from the initials of a name of two words or more', () => {
  assert.equal(acronymOf('Selka Basin Commission'), 'sbc');
  assert.equal(acronymOf('Organisation of the Halvik States'), 'ohs');
  assert.equal(acronymOf('Varnhydro'), undefined);
  assert.ok(isAcronym('SBC') && isAcronym('U.N.') && !isAcronym('Sbc') && !isAcronym('A'));
});

test('boundedDistance is the edit distance up to its bound; bigramDice is symmetric and in [0, 1]', () => {
  assert.equal(boundedDistance('kitten', 'sitting', 3), 3);
  assert.equal(boundedDistance('kitten', 'sitting', 1), 2);
  assert.equal(boundedDistance('same', 'same', 0), 0);
  fc.assert(
    fc.property(fc.string(), fc.string(), (a, b) => {
      const d = bigramDice(a, b);
      return d >= 0 && d <= 1 && Math.abs(d - bigramDice(b, a)) < 1e-12;
    }),
  );
});

test('no name helper throws on any string', () => {
  fc.assert(
    fc.property(fc.string(), (s) => {
      foldWord(s);
      nameKey(s);
      personParts(s);
      acronymOf(s);
      isAcronym(s);
    }),
  );
});
