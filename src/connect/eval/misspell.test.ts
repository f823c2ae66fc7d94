import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyNameVariants, garbleName, nameVariants, nameWords } from './misspell.ts';
import { seededRandom } from './seeded-random.ts';

test('nameWords finds capitalised words used inside sentences, never in lower case, not titles or months', () => {
  const names = nameWords([
    'The ferry left Vantbrook on Tuesday, Governor Ada McRinn said.',
    'Ferry workers cheered.',
    '“Vantbrook is home,” said Ode.',
    'In March the Harbour Board met.',
  ]);
  assert.deepEqual([...names].sort(), ['Ada', 'Board', 'Harbour', 'McRinn', 'Ode', 'Vantbrook']);
});

test('garbleName always changes a name and keeps its capital', () => {
  const r = seededRandom(4);
  const kinds = new Set<string>();
  for (const name of ['Hillary', 'Clinton', 'Kaine', 'Trump', 'McCain', 'Jefferson', 'Podesta', 'Ode', 'Ivy']) {
    for (let i = 0; i < 30; i++) {
      const out = garbleName(name, r);
      assert.notEqual(out, name);
      assert.match(out, /^\p{Lu}/u);
      if (out.includes(' ')) kinds.add('split');
      else if (out.length === name.length) kinds.add('same length');
      else kinds.add(out.length > name.length ? 'longer' : 'shorter');
    }
  }
  assert.deepEqual([...kinds].sort(), ['longer', 'same length', 'shorter', 'split']);
  assert.equal(garbleName('McCain', { ...seededRandom(1), pick: <T,>(xs: readonly T[]) => xs[xs.length - 1] }), 'Mc Cain');
  assert.throws(() => garbleName('ferry', r), TypeError);
});

test('nameVariants garbles a share of the names; applyNameVariants writes them everywhere', () => {
  const sentences = ['The council heard Ada Rinn and Tom Vell.', 'Later, Rinn met Vell in Quillmore.', 'Quillmore cheered.'];
  const variants = nameVariants(sentences, seededRandom(2), { names: 1, occurrences: 1, joins: 0 });
  assert.deepEqual([...variants.keys()].sort(), ['Ada', 'Quillmore', 'Rinn', 'Tom', 'Vell']);
  const text = applyNameVariants(sentences.join(' '), variants, seededRandom(2), 1);
  for (const [name, garbled] of variants) {
    assert.ok(!new RegExp(`\\b${name}\\b`).test(text), name);
    assert.ok(text.includes(garbled), garbled);
  }
  const joined = nameVariants(sentences, seededRandom(2), { names: 0, occurrences: 1, joins: 1 });
  assert.deepEqual([...joined.keys()].sort(), ['Ada Rinn', 'Tom Vell']);
  assert.match(applyNameVariants('Ada Rinn spoke.', joined, seededRandom(1), 1), /^AdaR(inn|INN|inn) spoke\.$|^Adarinn spoke\.$|^AdaRinn spoke\.$/);
  assert.equal(applyNameVariants('Ada Rinn spoke.', joined, seededRandom(1), 0), 'Ada Rinn spoke.');
});
