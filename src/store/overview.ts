import type { CorpusEntitySummary, CorpusEventSummary, StorySummary } from './corpus-reads.ts';
import type { ArticleFacets, EventFacets, Failure, Store } from './store.ts';

/** The entity types the overview lists, in the order it shows them: people, organisations, places. */
export const OVERVIEW_ENTITY_TYPES = ['PER', 'ORG', 'LOC'] as const;

/** The corpus at a glance: what the page shows when no article is chosen (`GET /api/overview`). */
export interface CorpusOverview {
  /** Articles by publication day, language and outlet, with the totals. */
  facets: ArticleFacets;
  /** Events by day and by type. */
  events: EventFacets;
  /** The stories, latest first, with their date ranges, sizes (copies folded in `reports`) and leading names. */
  stories: { total: number; stories: StorySummary[] };
  /** The most mentioned people, organisations and places. */
  entities: Record<(typeof OVERVIEW_ENTITY_TYPES)[number], CorpusEntitySummary[]>;
  /** What failed to ingest, most recent first. */
  failures: { total: number; failures: Failure[] };
  /** The real-world events told by the most reports (two or more), most first. */
  reported: { total: number; events: CorpusEventSummary[] };
}

/**
 * The corpus at a glance, from a fixed number of bounded reads: the counts by day, language
 * and outlet, and of events by day and type, come from indexes (Store.facets, Store.eventFacets), the stories and entities are the first `top` of
 * their lists, failures the last `top`, the most reported events the first `top` by reports. Nothing here reads the articles themselves.
 *
 * @example corpusOverview(store, { top: 8 }).stories.stories[0].title
 */
export function corpusOverview(store: Store, options: { top?: number } = {}): CorpusOverview {
  const top = options.top ?? 10;
  if (!Number.isInteger(top) || top < 1 || top > 100) throw new TypeError(`corpusOverview's top must be a whole number from 1 to 100, got ${top}`);
  const failureTotal = store.failureCount();
  return {
    facets: store.facets({ top: 20 }),
    events: store.eventFacets(),
    stories: store.corpus.listStories({ limit: top }),
    entities: { PER: store.corpus.topEntities('PER', top), ORG: store.corpus.topEntities('ORG', top), LOC: store.corpus.topEntities('LOC', top) },
    failures: { total: failureTotal, failures: store.failures({ limit: top, offset: Math.max(0, failureTotal - top) }).reverse() },
    reported: store.corpusEvents({ minReports: 2, sort: '-reports', limit: top }),
  };
}
