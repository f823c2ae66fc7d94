// The page's address (ui/router.js) without a browser: a list or search route with its filters
// survives being written as a hash and read back, and any hash reads as some route.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
// @ts-expect-error: the page's modules are plain JavaScript, typed by JSDoc for the editor
import { hrefOf, listFilters, parseRoute } from '../ui/router.js';

type ListRoute = {
  name: 'list' | 'search';
  query?: string;
  page: number;
  from?: string;
  to?: string;
  outlet?: string;
  language?: string;
  story?: string;
  entity?: string[];
  type?: string[];
};
const href = hrefOf as (route: ListRoute) => string;
const parse = parseRoute as (hash: string) => ListRoute & { id?: string };
const filtersOf = listFilters as (route: ListRoute) => Omit<ListRoute, 'name' | 'page' | 'query'>;

/** Text as users and outlets write it: spaces, ampersands, equals signs, plus signs, quotes, question marks, slashes, non-Latin letters. */
const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '&', '=', '+', '?', '/', '#', '%', '"', 'ü', 'Ж', 'ا', '–', '1'), minLength: 1, maxLength: 12 });
const values = fc.uniqueArray(text, { minLength: 1, maxLength: 3 });
const listRoute: fc.Arbitrary<ListRoute> = fc
  .record(
    {
      name: fc.constantFrom('list' as const, 'search' as const),
      query: text.filter((q) => q.trim() !== ''),
      page: fc.integer({ min: 1, max: 40 }),
      from: fc.constant('2026-03-10'),
      to: fc.constant('2026-03-14'),
      outlet: text,
      language: fc.constantFrom('en', 'de', 'pt-BR'),
      story: fc.constantFrom('s09d4aeb37919', 's09'),
      entity: values,
      type: fc.uniqueArray(fc.constantFrom('CONSULT', 'FIGHT', 'AGREE'), { minLength: 1, maxLength: 3 }),
    },
    { requiredKeys: ['name', 'page'] },
  )
  .map((r) => {
    const { query, ...rest } = r;
    return r.name === 'search' ? { ...rest, query: query ?? 'Halvik' } : rest;
  });

test('a list or search route with its filters is written as a hash and read back the same', () => {
  fc.assert(
    fc.property(listRoute, (route) => {
      const hash = href(route);
      assert.deepEqual(parse(hash), route, hash);
      assert.equal(href(parse(hash)), hash);
    }),
  );
});

test('filters are written in one order: the hash a route gets does not depend on how it was built', () => {
  const a = href({ name: 'search', query: 'Halvik framework', page: 2, type: ['CONSULT'], entity: ['e1', 'e2'], outlet: 'Meridian Wire', to: '2026-03-14' });
  assert.equal(a, '#/search/Halvik%20framework/page/2?to=2026-03-14&outlet=Meridian+Wire&entity=e1&entity=e2&type=CONSULT');
  assert.equal(href({ name: 'list', page: 1, outlet: undefined, entity: [] }), '#/');
  assert.deepEqual(filtersOf({ name: 'search', query: 'x', page: 3, language: 'de', entity: ['e1'] }), { language: 'de', entity: ['e1'] });
});

test('any hash reads as a route, and a list route read from one is written back to a hash that reads the same', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (path, query) => {
      for (const hash of [`#/${path}`, `#/?${query}`, `#/search/${path}?${query}`, `#/page/2?${query}`]) {
        const route = parse(hash);
        if (route.name !== 'list' && route.name !== 'search') continue;
        assert.deepEqual(parse(href(route)), route, hash);
      }
    }),
  );
  // a repeated single filter keeps its first value; a name or type given twice counts once
  assert.deepEqual(parse('#/?outlet=A&outlet=B&entity=e1&entity=e1&type=&story='), { name: 'list', page: 1, outlet: 'A', entity: ['e1'] });
});

test('an article opens with an event or a quote chosen, and the address says which', () => {
  const parseAny = parseRoute as (hash: string) => Record<string, unknown>;
  const hrefAny = hrefOf as (route: Record<string, unknown>) => string;
  assert.deepEqual(parseAny('#/article/abc?quote=2'), { name: 'article', id: 'abc', quote: 2 });
  assert.deepEqual(parseAny('#/article/abc?event=0'), { name: 'article', id: 'abc', event: 0 });
  assert.deepEqual(parseAny('#/article/abc?quote=-1'), { name: 'article', id: 'abc' }, 'not an index: nothing chosen');
  assert.deepEqual(parseAny('#/article/abc?quote='), { name: 'article', id: 'abc' });
  assert.equal(hrefAny({ name: 'article', id: 'abc', quote: 2 }), '#/article/abc?quote=2');
  assert.deepEqual(parseAny(hrefAny({ name: 'article', id: 'a b', quote: 3 })), { name: 'article', id: 'a b', quote: 3 });
});
