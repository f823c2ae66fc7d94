/**
 * The store of the API latency benchmark (api-latency.ts): real articles processed once by the
 * real pipeline (the bases), each stored several times as a copy with its own id, outlet,
 * address and publication date, the way a wire story is republished; then connected by the
 * real connect code. Copies are exact texts, so connect groups them as copies of their
 * original and they share its story.
 *
 * versionPlan says which base each stored article copies and when and where it appeared: a
 * steady `perDay` articles a day, so a larger store is a longer history; each base's copies
 * within three days of its original.
 *
 * @example for (const slot of versionPlan(bases.length, 10_000)) store.put(copyOf(bases[slot.base], slot));
 */
import { createHash } from 'node:crypto';
import type { Doc } from '../../src/doc/doc.ts';
import { timexes } from '../../src/time/timexes.ts';
import { events } from '../../src/events/stage.ts';
import { rng } from './corpus.ts';

/** Invented outlets that copies appear in (none of them real). */
export const COPY_OUTLETS = [
  'Continental Wire', 'Pressline Agency', 'Northern Herald', 'The Daily Ledger', 'Metro Courier', 'Evening Post', 'Coastal Times',
  'Capital Report', 'Harbour Gazette', 'Valley Tribune', 'Global Dispatch', 'Morning Star Online', 'Lakeside Observer', 'The Plains Record',
  'Riverside Gazette', 'Summit Daily',
];

/** One stored article of the plan: which base it copies (`version` 0 is the original), when it was published and by whom. */
export interface Slot {
  index: number;
  base: number;
  version: number;
  published: string;
  outlet: string;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The plan of `n` stored articles over `bases` processed ones: the bases in a seeded order, each
 * stored `ceil(n / bases)` times in a row (the last perhaps fewer), its original at the store's
 * steady rate of `perDay` articles a day from `start`, its copies up to three days later, each
 * version in another outlet. A smaller store of the same kind is a prefix of the plan (the
 * plan's copies per base depend on `n`).
 */
export function versionPlan(bases: number, n: number, options: { perDay?: number; start?: string; seed?: number } = {}): Slot[] {
  if (!Number.isInteger(bases) || bases < 1) throw new TypeError(`versionPlan needs at least one base, got ${bases}`);
  if (!Number.isInteger(n) || n < 0) throw new TypeError(`versionPlan needs a whole number of articles, got ${n}`);
  const perDay = options.perDay ?? 40;
  const start = Date.parse(options.start ?? '2025-01-06T06:00:00Z');
  const random = rng(options.seed ?? 20_251_206);
  const order = Array.from({ length: bases }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const perBase = Math.ceil(n / bases);
  const slots: Slot[] = [];
  for (let group = 0; slots.length < n; group++) {
    const original = start + (group * perBase * DAY_MS) / perDay + Math.floor(random() * 12) * HOUR_MS;
    const first = Math.floor(random() * COPY_OUTLETS.length);
    for (let version = 0; version < perBase && slots.length < n; version++) {
      const at = version === 0 ? original : original + Math.floor(random() * 72 * HOUR_MS);
      slots.push({
        index: slots.length,
        base: order[group % bases],
        version,
        published: new Date(Math.round(at / 60_000) * 60_000).toISOString(),
        outlet: COPY_OUTLETS[(first + version) % COPY_OUTLETS.length],
      });
    }
  }
  return slots;
}

/** A content-like id for a copy: 16 hex digits, as the store's ids are. */
export function copyId(baseId: string, slot: Slot): string {
  return createHash('sha256').update(`${baseId}/${slot.index}/${slot.version}`).digest('hex').slice(0, 16);
}

const timeStage = timexes();
const eventStage = events();

/**
 * A copy of a processed article as the slot says it appeared: a new id, outlet, address and
 * publication date; its dates in the text and its events found again by the real stages
 * against the new date (the stages that read the date), every other layer as the pipeline made it.
 */
export function copyOf(base: Doc, slot: Slot): Doc {
  const doc = structuredClone(base);
  doc.id = copyId(base.id, slot);
  const slug = slot.outlet.toLowerCase().replace(/[^a-z]+/g, '-');
  doc.meta = { ...doc.meta, outlet: slot.outlet, published: slot.published, publishedSource: 'input', url: `https://${slug}.example/${slot.published.slice(0, 10)}/${doc.id}`, source: `${doc.meta.source ?? base.id}#copy-${slot.index}` };
  timeStage.run(doc);
  eventStage.run(doc);
  return doc;
}
