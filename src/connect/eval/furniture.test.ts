import assert from 'node:assert/strict';
import { test } from 'node:test';
import { furnish } from './furniture.ts';
import { seededRandom } from './seeded-random.ts';

test('furnish draws another headline form and at least three furniture elements, the same for the same seed', () => {
  const title = 'Ferry talks stall in Vantbrook';
  const headlines = new Set<string>();
  for (let seed = 0; seed < 30; seed++) {
    const f = furnish(title, seededRandom(seed));
    assert.deepEqual(f, furnish(title, seededRandom(seed)));
    assert.notEqual(f.headline, title);
    assert.ok(f.headline.toLowerCase().includes(title.toLowerCase()), f.headline);
    assert.ok(f.above.length + f.below.length >= 3);
    for (const line of [...f.above, ...f.below]) assert.ok(line.trim().length > 0 && !line.includes('\n\n'));
    headlines.add(f.headline.replace(title, 'T').replace(title.toUpperCase(), 'T'));
  }
  assert.ok(headlines.size >= 5, 'several headline forms');
});
