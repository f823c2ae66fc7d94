import type { Doc, EventActor, EventMention, EventStatus, EventType } from '../doc/doc.ts';
import { personParts } from '../entities/name-forms.ts';
import { addDays, dayValue, parseDay, valueDays } from '../time/calendar.ts';
import { countryByName } from './countries.ts';
import { foldName } from './entity-match.ts';

/**
 * The pure rules of corpus events (events.ts): what of an event mention is compared, the keys
 * it is found by, and how two mentions compare. Two reports of one real-world event have the
 * same PLOVER type, actors that are the same corpus entities (or names, or countries), days
 * that agree and places that agree; a date one day apart, or another place on the same stated
 * day, is a disagreement between reports, shown, not a second event. Two meetings of the same
 * people on days further apart, or in different places on different days, are two events.
 */

/** An actor as compared: its in-article entity (resolved to a corpus entity when compared), its folded name, its country. */
export interface ActorView {
  entity: number | null;
  /** The folded surname of a person, else the folded name; null for a role phrase without an entity. */
  fold: string | null;
  country: string | null;
  /** The actor names a country ("Russia"), which holds every actor of that country. */
  isCountry: boolean;
}

/** An event's days: stated by a date in the text, or a window around the article's date when the text gives none. */
export interface DayRange {
  first: string;
  last: string;
  stated: boolean;
}

/** The place as compared. */
export interface PlaceView {
  entity: number | null;
  fold: string;
  name: string;
  country: string | null;
  isCountry: boolean;
  /** The other places its sentence names, folded ("Skarholm House in Halvik": halvik), which may hold it. */
  nearby?: string[];
}

/** One event mention as corpus events compare it (stored with the mention). */
export interface EventView {
  type: EventType;
  status: EventStatus;
  days: DayRange | null;
  place: PlaceView | null;
  source: ActorView[];
  target: ActorView[];
}

/** An EventView whose entities are resolved to corpus entities (cluster ids), as compared. */
export interface ResolvedView extends EventView {
  sourceClusters: Array<number | null>;
  targetClusters: Array<number | null>;
  placeCluster: number | null;
}

/**
 * How far back from an article's date an event it reports without a date may lie (an
 * asserted one: "met on Tuesday" would have a date; "met" alone is recent), and how far ahead
 * a planned one.
 */
export const WINDOW_DAYS = { past: 7, future: 30 };
/** A stated range this wide or narrower is a day (or two) precise enough to agree or disagree on. */
const PRECISE_DAYS = 3;
/** Stated days this far apart are still one event (a disagreement between reports, or a night across midnight). */
const DAY_SLACK = 1;

/** Scores of the evidence two mentions share; a link needs EVENT_LINK_SCORE. */
export const EVENT_SCORES = { entity: 0.45, name: 0.4, country: 0.15, sameDay: 0.3, nearDay: 0.1, window: 0.1, place: 0.2, placeWithin: 0.1 };
export const EVENT_LINK_SCORE = 0.6;

/** Types whose two sides can be told the other way round ("A met B", "B met A"). */
const SYMMETRIC: ReadonlySet<EventType> = new Set(['CONSULT', 'AGREE', 'COOPERATE', 'FIGHT']);

function nameFold(name: string): string {
  const parts = personParts(name);
  return parts?.foldedSurname || foldName(name);
}

function actorView(doc: Doc, a: EventActor): ActorView {
  const entity = a.entity !== null ? doc.entities[a.entity] : undefined;
  const name = entity?.name ?? null;
  const country = name ? countryByName(name) : undefined;
  return { entity: a.entity, fold: name ? nameFold(name) || null : null, country: a.country, isCountry: !!country };
}

function daysOf(doc: Doc, e: EventMention): DayRange | null {
  const stated = e.when.from === 'timex' && e.when.value ? valueDays(e.when.value) : null;
  if (stated) return { ...stated, stated: true };
  // else the article's date (also under a date the text gives but that could not be resolved, "on Wednesday" in an undated article): a window before it, or after it for a plan
  const published = e.when.from === 'article' ? e.when.value : (doc.meta.published ?? null);
  const days = published ? valueDays(published) : null;
  if (!days) return null;
  const day = parseDay(days.last);
  if (!day) return null;
  return e.status === 'future'
    ? { first: days.first, last: dayValue(addDays(day, WINDOW_DAYS.future)), stated: false }
    : { first: dayValue(addDays(day, -WINDOW_DAYS.past)), last: days.last, stated: false };
}

/** What corpus events keep of one event mention. */
export function eventView(doc: Doc, e: EventMention): EventView {
  const place = e.where
    ? { entity: e.where.entity, fold: foldName(e.where.name), name: e.where.name, country: e.where.country, isCountry: !!countryByName(e.where.name), nearby: nearbyPlaces(doc, e) }
    : null;
  return { type: e.type, status: e.status, days: daysOf(doc, e), place, source: e.source.map((a) => actorView(doc, a)), target: e.target.map((a) => actorView(doc, a)) };
}

/** The folded names of the places the event's sentence names besides its own place. */
function nearbyPlaces(doc: Doc, e: EventMention): string[] {
  const sentence = doc.sentences[e.sentence];
  if (!sentence || !e.where) return [];
  const own = foldName(e.where.name);
  const out = new Set<string>();
  for (const m of doc.mentions) {
    if (m.start < sentence.start || m.end > sentence.end || m.type !== 'LOC') continue;
    const fold = foldName(doc.entities[m.entity]?.name ?? doc.text.slice(m.start, m.end));
    if (fold && fold !== own) out.add(fold);
  }
  return [...out];
}

const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
const width = (d: DayRange) => dayNumber(d.last) - dayNumber(d.first) + 1;
/** Days between two ranges (0 when they overlap). */
function gap(a: DayRange, b: DayRange): number {
  return Math.max(0, dayNumber(b.first) - dayNumber(a.last), dayNumber(a.first) - dayNumber(b.last));
}

/**
 * The keys a mention is filed and found under: its type and week (of its days widened by the
 * slack, so that two days one apart share a week; a month when the days are wider) with each
 * actor's corpus entity, folded name, or country where it has neither.
 */
export function eventBlockKeys(v: EventView, clusters: { source: Array<number | null>; target: Array<number | null> }): string[] {
  if (v.status === 'hypothetical') return [];
  const periods: string[] = [];
  if (!v.days) periods.push('w?');
  else {
    const first = dayNumber(v.days.first) - DAY_SLACK;
    const last = dayNumber(v.days.last) + DAY_SLACK;
    if (last - first > 21) periods.push(`m${v.days.first.slice(0, 7)}`);
    else for (let w = Math.floor(first / 7); w <= Math.floor(last / 7); w++) periods.push(`w${w}`);
  }
  const actors = new Set<string>();
  const add = (a: ActorView, cluster: number | null) => {
    if (cluster !== null) actors.add(`e${cluster}`);
    if (a.fold) actors.add(`n${a.fold}`);
    if (cluster === null && !a.fold && a.country) actors.add(`c${a.country}`);
  };
  v.source.forEach((a, i) => add(a, clusters.source[i] ?? null));
  v.target.forEach((a, i) => add(a, clusters.target[i] ?? null));
  const keys: string[] = [];
  for (const p of periods) for (const a of actors) keys.push(`${v.type}|${p}|${a}`);
  return keys;
}

/** How two actors compare: the same corpus entity, the same folded name, the same country, or not. */
function actorMatch(a: ActorView, ca: number | null, b: ActorView, cb: number | null): 'entity' | 'name' | 'country' | null {
  if (ca !== null && ca === cb) return 'entity';
  if (a.fold && a.fold === b.fold) return 'name';
  if (a.country && a.country === b.country && (a.isCountry || b.isCountry || (ca === null && cb === null))) return 'country';
  return null;
}

interface SideResult {
  best: 'entity' | 'name' | 'country' | null;
  /** Both sides name entities and none of them matches: different parties. */
  conflict: boolean;
}

function compareSide(a: ActorView[], ca: Array<number | null>, b: ActorView[], cb: Array<number | null>): SideResult {
  const rank = { entity: 3, name: 2, country: 1 } as const;
  let best: SideResult['best'] = null;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      const m = actorMatch(a[i], ca[i] ?? null, b[j], cb[j] ?? null);
      if (m && (!best || rank[m] > rank[best])) best = m;
    }
  }
  const named = (xs: ActorView[], cs: Array<number | null>) => xs.some((x, i) => (cs[i] ?? null) !== null && !x.isCountry);
  return { best, conflict: !best && named(a, ca) && named(b, cb) };
}

/** How two places compare: the same, one inside the other (a country and a place in it, or a place its sentence puts in the other), or different. */
function placeMatch(a: ResolvedView, b: ResolvedView): 'same' | 'within' | 'different' | null {
  const pa = a.place;
  const pb = b.place;
  if (!pa || !pb) return null;
  if (a.placeCluster !== null && a.placeCluster === b.placeCluster) return 'same';
  return placeRelation(pa, pb);
}

function placeRelation(pa: PlaceView, pb: PlaceView): 'same' | 'within' | 'different' {
  if (pa.fold && pa.fold === pb.fold) return 'same';
  if ((pa.isCountry || pb.isCountry) && pa.country && pa.country === pb.country) return 'within';
  if (pa.nearby?.includes(pb.fold) || pb.nearby?.includes(pa.fold)) return 'within';
  return 'different';
}

/** Whether two reports' places are apart: not the same and neither holding the other (by their names alone). */
export function placesApart(a: PlaceView, b: PlaceView): boolean {
  return placeRelation(a, b) === 'different';
}

/**
 * What two mentions' days and places say, apart from their actors: a conflict (two events), or
 * agreement with its evidence and disagreements. Days that cannot be compared (a report without
 * any, even an article's date) conflict with nothing here; compareEvents asks more of a link.
 */
export function dayPlaceCheck(a: ResolvedView, b: ResolvedView): { conflict: string } | { score: number; evidence: string[]; disagreements: string[] } {
  const evidence: string[] = [];
  const disagreements: string[] = [];
  let score = 0;
  let sameStatedDay = false;
  if (a.days && b.days) {
    const g = gap(a.days, b.days);
    const precise = a.days.stated && b.days.stated && width(a.days) <= PRECISE_DAYS && width(b.days) <= PRECISE_DAYS;
    if (precise) {
      if (g > DAY_SLACK) return { conflict: `dates ${a.days.first} and ${b.days.first} are ${g} days apart` };
      if (g === 0) {
        score += EVENT_SCORES.sameDay;
        evidence.push(`same date ${a.days.first === a.days.last ? a.days.first : `${a.days.first}…${a.days.last}`}`);
        sameStatedDay = true;
      } else {
        score += EVENT_SCORES.nearDay;
        evidence.push('dates a day apart');
        disagreements.push(`date: ${a.days.first} or ${b.days.first}`);
      }
    } else if (g > 0) return { conflict: `${a.days.stated ? 'date' : 'article window'} ${a.days.first}…${a.days.last} and ${b.days.stated ? 'date' : 'article window'} ${b.days.first}…${b.days.last} do not meet` };
    else {
      score += EVENT_SCORES.window;
      evidence.push('dates overlap');
    }
  }
  const place = placeMatch(a, b);
  if (place === 'same') {
    score += EVENT_SCORES.place;
    evidence.push(`same place ${a.place!.name}`);
  } else if (place === 'within') {
    score += EVENT_SCORES.placeWithin;
    const aInB = !a.place!.isCountry && (b.place!.isCountry || !!a.place!.nearby?.includes(b.place!.fold));
    evidence.push(aInB ? `${a.place!.name} is in ${b.place!.name}` : `${b.place!.name} is in ${a.place!.name}`);
  } else if (place === 'different') {
    if (!sameStatedDay) return { conflict: `places ${a.place!.name} and ${b.place!.name} differ` };
    disagreements.push(`place: ${a.place!.name} or ${b.place!.name}`);
  }
  return { score, evidence, disagreements };
}

/** Statuses that can report one event: what happened and what was planned can; what did not happen, or might, cannot meet what did. */
function statusesMeet(a: EventStatus, b: EventStatus): boolean {
  if (a === 'hypothetical' || b === 'hypothetical') return false;
  return (a === 'negated') === (b === 'negated');
}

/** Two mentions compared: the link's score and why, or undefined when they cannot be one event. */
export interface EventComparison {
  score: number;
  evidence: string;
  disagreements: string[];
}

/**
 * Compares two event mentions: the same type and compatible statuses, actors that match on
 * some side and conflict on none (for a symmetric type, either way round), days and places
 * that agree (dayPlaceCheck), and days on both unless they come from one source (`sameSource`:
 * one article, or copies of one). Undefined when they cannot report one event.
 *
 * @example compareEvents(witkoffMetPutin, witkovMetPutin) // { score: 1.2, evidence: 'source same entity; target same entity; same date 2025-04-11', … }
 */
export function compareEvents(a: ResolvedView, b: ResolvedView, sameSource = false): EventComparison | undefined {
  if (a.type !== b.type || !statusesMeet(a.status, b.status)) return undefined;
  // when is part of what an event is: reports in different articles need days to compare (one
  // article, or copies of one, tell one story and need not repeat the date)
  if (!sameSource && (!a.days || !b.days)) return undefined;
  const straight = [compareSide(a.source, a.sourceClusters, b.source, b.sourceClusters), compareSide(a.target, a.targetClusters, b.target, b.targetClusters)] as const;
  let sides = straight;
  if (SYMMETRIC.has(a.type)) {
    const crossed = [compareSide(a.source, a.sourceClusters, b.target, b.targetClusters), compareSide(a.target, a.targetClusters, b.source, b.sourceClusters)] as const;
    const value = (s: readonly [SideResult, SideResult]) => (s.some((x) => x.conflict) ? -1 : s.filter((x) => x.best === 'entity' || x.best === 'name').length);
    if (value(crossed) > value(straight)) sides = crossed;
  }
  if (sides.some((s) => s.conflict)) return undefined;
  if (!sides.some((s) => s.best === 'entity' || s.best === 'name')) return undefined;
  const check = dayPlaceCheck(a, b);
  if ('conflict' in check) return undefined;
  let score = check.score;
  const evidence: string[] = [];
  (['source', 'target'] as const).forEach((side, i) => {
    const best = sides[i].best;
    if (!best) return;
    score += EVENT_SCORES[best];
    evidence.push(`${side} same ${best}`);
  });
  if (!a.days || !b.days) evidence.push('one article or copies of one, so one telling');
  return { score, evidence: [...evidence, ...check.evidence].join('; '), disagreements: check.disagreements };
}
