/**
 * The orders the corpus tables take over their whole result (not only a page): a key, ascending
 * as written (`type`), descending with a leading minus (`-type`). Within equal keys a list keeps
 * its default order (the latest dated first), and rows with no value for the key (no date, no
 * outlet, an unknown speaker, an article not yet connected) come last either way.
 *
 * @example parseSort('-reports', EVENT_SORT_KEYS) // { key: 'reports', descending: true }
 */

/** The keys of event lists (Store.events): the event's date, its PLOVER type, its article's outlet, how many reports its corpus event has. */
export const EVENT_SORT_KEYS = ['date', 'type', 'outlet', 'reports'] as const;
/** The keys of corpus event lists (Store.corpusEvents): its days, its type, how many reports it has. */
export const CORPUS_EVENT_SORT_KEYS = ['date', 'type', 'reports'] as const;
/** The keys of quote lists (Store.quotes): the quote's date, its speaker's name, its article's outlet. */
export const QUOTE_SORT_KEYS = ['date', 'speaker', 'outlet'] as const;

/** A key of `K`, or the same key with a leading minus for the other way round. */
export type SortOrder<K extends string> = K | `-${K}`;
export type EventSort = SortOrder<(typeof EVENT_SORT_KEYS)[number]>;
export type CorpusEventSort = SortOrder<(typeof CORPUS_EVENT_SORT_KEYS)[number]>;
export type QuoteSort = SortOrder<(typeof QUOTE_SORT_KEYS)[number]>;

/** Every value a `sort` of these keys takes, ascending then descending: for a usage message or a list of choices. */
export function sortChoices<K extends string>(keys: readonly K[]): Array<SortOrder<K>> {
  return [...keys, ...keys.map((k) => `-${k}` as const)];
}

/**
 * A sort value read into its key and direction; undefined for none (the list's default order).
 * A value that is not one of `keys` (with or without its minus) is a programmer's error: a TypeError.
 */
export function parseSort<K extends string>(value: string | undefined, keys: readonly K[]): { key: K; descending: boolean } | undefined {
  if (value === undefined || value === '') return undefined;
  const descending = value.startsWith('-');
  const key = (descending ? value.slice(1) : value) as K;
  if (!keys.includes(key)) throw new TypeError(`a sort must be one of ${sortChoices(keys).join(', ')}, got ${JSON.stringify(value)}`);
  return { key, descending };
}
