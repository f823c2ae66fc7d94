// The timeline's address and axis (ui/router.js, ui/components/time-axis.js) without a browser:
// a timeline route survives being written as a hash and read back; ticks fall inside the span at
// a step that suits it; rows never let two labels overlap, the most reported placed first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
// @ts-expect-error: the page's modules are plain JavaScript, typed by JSDoc for the editor
import { hrefOf, parseRoute } from '../ui/router.js';
// @ts-expect-error: as above
import { DAY, dayStart, packRows, ticks } from '../ui/components/time-axis.js';

type TimelineRoute = { name: 'timeline'; story?: string; entity?: string; type?: string; country?: string; outlet?: string; from?: string; to?: string };
const href = hrefOf as (route: TimelineRoute) => string;
const parse = parseRoute as (hash: string) => TimelineRoute;
const tick = ticks as (start: number, end: number, most?: number) => Array<{ at: number; label: string }>;
const pack = packRows as (items: Array<{ x: number; width: number; weight?: number }>, rows: number, gap?: number) => { placed: Array<{ row: number; squeezed: boolean }>; used: number };
const day = dayStart as (day: string) => number;

const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '&', '=', '+', '?', '/', '#', '%', 'ü', 'Ж', '1'), minLength: 1, maxLength: 12 }).filter((t) => t.trim() === t && t !== '');

test('a timeline route with its filters is written as a hash and read back the same', () => {
  const route = fc.record(
    { name: fc.constant('timeline' as const), story: fc.constantFrom('s09d4aeb37919', 's09'), entity: text, type: fc.constantFrom('CONSULT', 'FIGHT'), country: fc.constantFrom('RUS', 'KVR'), outlet: text, from: fc.constant('2026-03-10'), to: fc.constant('2026-03-14') },
    { requiredKeys: ['name'] },
  ).map((r) => ({ ...r }));
  fc.assert(
    fc.property(route, (r) => {
      const hash = href(r);
      assert.deepEqual(parse(hash), r, hash);
      assert.equal(href(parse(hash)), hash);
    }),
  );
  assert.equal(href({ name: 'timeline', to: '2026-03-14', type: 'FIGHT', story: 's1' }), '#/timeline?story=s1&type=FIGHT&to=2026-03-14');
  assert.deepEqual(parse('#/timeline?from=&bogus=1&outlet=%20Meridian%20Wire%20'), { name: 'timeline', outlet: 'Meridian Wire' });
});

test('ticks lie inside the span, in order, at a step that suits it, and not too many', () => {
  const span = (a: string, b: string) => tick(day(a), day(b) + DAY);
  assert.deepEqual(span('2026-03-10', '2026-03-12').map((t) => t.at), [day('2026-03-10'), day('2026-03-11'), day('2026-03-12')]);
  // weeks start on Mondays; months on their first; years on 1 January
  assert.ok(span('2026-03-01', '2026-04-30').every((t) => new Date(t.at).getUTCDay() === 1));
  assert.ok(span('2026-01-15', '2026-09-20').every((t) => new Date(t.at).getUTCDate() === 1));
  assert.ok(span('2011-05-01', '2026-09-20').every((t) => new Date(t.at).getUTCMonth() === 0 && new Date(t.at).getUTCDate() === 1));
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 1, max: 40_000 }), (startDay, days) => {
      const start = day('1990-01-01') + startDay * DAY;
      const end = start + days * DAY;
      const ts = tick(start, end);
      assert.ok(ts.length >= 1 || days > 12 * 31, `${days} days have a tick`);
      assert.ok(ts.length <= 30, `${days} days: ${ts.length} ticks`);
      for (let i = 0; i < ts.length; i++) {
        assert.ok(ts[i].at >= start && ts[i].at < end);
        if (i) assert.ok(ts[i].at > ts[i - 1].at);
      }
    }),
  );
});

test('rows never let two labels overlap, the heaviest are placed first, and the rest are squeezed into one more row', () => {
  const item = fc.record({ x: fc.integer({ min: 0, max: 1000 }), width: fc.integer({ min: 10, max: 230 }), weight: fc.integer({ min: 1, max: 5 }) });
  fc.assert(
    fc.property(fc.array(item, { maxLength: 60 }), fc.integer({ min: 1, max: 6 }), (items, rows) => {
      const { placed, used } = pack(items, rows, 6);
      assert.ok(used <= rows + 1);
      for (let i = 0; i < items.length; i++) {
        if (placed[i].squeezed) {
          assert.equal(placed[i].row, rows);
          continue;
        }
        for (let j = i + 1; j < items.length; j++) {
          if (placed[j].squeezed || placed[j].row !== placed[i].row) continue;
          const [a, b] = [items[i], items[j]];
          assert.ok(a.x + a.width + 6 <= b.x || b.x + b.width + 6 <= a.x, 'two labels of a row overlap');
        }
      }
    }),
  );
  const { placed } = pack([{ x: 0, width: 100, weight: 1 }, { x: 50, width: 100, weight: 3 }], 1);
  assert.deepEqual(placed, [{ row: 1, squeezed: true }, { row: 0, squeezed: false }]);
});
