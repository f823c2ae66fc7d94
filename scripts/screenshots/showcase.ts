/**
 * Which article and which event the screenshots show: chosen from what the API returns, so
 * that a new sample corpus or a changed id never breaks the script. Pure functions over the
 * article JSON's layers (GET /api/articles/:id).
 */

/** One party of an event, as the article JSON gives it: `entity` is the in-article entity it names, or null. */
interface Party {
  entity?: number | null;
}

/** The parts of an event of the article JSON that the choice reads. */
export interface EventLayer {
  source: readonly Party[];
  target: readonly Party[];
  where?: unknown;
  status?: string;
}

/** The parts of an article's JSON that the choice reads. */
export interface ArticleLayers {
  id: string;
  text: string;
  mentions: readonly unknown[];
  quotes: readonly unknown[];
  timexes: readonly unknown[];
  events: readonly EventLayer[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The article that shows the most kinds of marks on one screen: among those with names, quotes
 * and dates, the one with the most marks per 1,000 characters of text (a short, dense article
 * fits the viewport); ties go to the lower id, so the choice is the same on every run. Undefined
 * when none has all three.
 *
 * @example showcaseArticle(articles)?.id // '6dfeda22369407ba'
 */
export function showcaseArticle<A extends ArticleLayers>(articles: readonly A[]): A | undefined {
  const density = (a: A) => ((a.mentions.length + a.quotes.length + a.timexes.length) * 1000) / Math.max(1, a.text.length);
  return articles.filter((a) => a.mentions.length && a.quotes.length && a.timexes.length).sort((a, b) => density(b) - density(a) || byId(a, b))[0];
}

/**
 * How much an event shows when chosen, as a number to compare: both who acted and on whom
 * count most, then every party being a name the article links to an entity, then a place,
 * then being asserted (not negated, planned or hypothetical).
 *
 * @example eventShowing({ source: [{ entity: 1 }], target: [{ entity: 2 }], where: {}, status: 'asserted' }) // 15
 */
export function eventShowing(e: EventLayer): number {
  const parties = [...e.source, ...e.target];
  return (
    (e.source.length && e.target.length ? 8 : 0) +
    (parties.length && parties.every((p) => p.entity !== null && p.entity !== undefined) ? 4 : 0) +
    (e.where ? 2 : 0) +
    ((e.status ?? 'asserted') === 'asserted' ? 1 : 0)
  );
}

/**
 * The article and event for the "event chosen" screenshot: the event that shows most
 * (eventShowing) across all the articles, the first in id order and then in the article's order
 * among equals; undefined when no article has an event.
 */
export function eventShowcase<A extends ArticleLayers>(articles: readonly A[]): { article: A; event: number } | undefined {
  let best: { article: A; event: number; showing: number } | undefined;
  for (const article of [...articles].sort(byId)) {
    article.events.forEach((e, event) => {
      const showing = eventShowing(e);
      if (!best || showing > best.showing) best = { article, event, showing };
    });
  }
  return best && { article: best.article, event: best.event };
}
