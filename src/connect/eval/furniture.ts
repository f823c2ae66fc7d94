/**
 * Page furniture for the benchmark's `furniture` copies: the same body under another
 * headline form, with a byline, a dateline, share and subscribe lines, a "Related" list, a
 * copyright footer and a comment-section stub. All of it is invented for this project (the
 * outlets, people and headlines do not exist); identical lines recur across copies of
 * different articles, as a site's template does.
 */
import type { Random } from './seeded-random.ts';

const OUTLETS = ['The Tallowmere Ledger', 'Quillmore Daily Courier', 'Vantbrook Wire', 'Orrisford Morning Post', 'The Kestrelmouth Herald'];
const WRITERS = ['Dana Whitcombe', 'Ravi Oduya', 'Morgan Tessaly', 'Lena Brackwater', 'Theo Marchetti-Ruiz', 'Priya Santhorne'];
const PLACES = ['WASHINGTON', 'NEW YORK', 'COLUMBUS, Ohio', 'RALEIGH, N.C.', 'DES MOINES, Iowa', 'TAMPA, Fla.'];
const MONTHS = ['Sept.', 'Oct.', 'Nov.'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Headline forms: the original title `t` as a site's template prints it. */
const HEADLINES: ReadonlyArray<(t: string, outlet: string) => string> = [
  (t, o) => `${t} | ${o}`,
  (t, o) => `${t} - ${o}`,
  (t, o) => `${o}: ${t}`,
  (t) => t.toUpperCase(),
  (t) => `UPDATED: ${t}`,
  (t) => `${t.replace(/[.!]$/, '')} [VIDEO]`,
  (t) => `BREAKING — ${t}`,
];
const BYLINES: ReadonlyArray<(writer: string, outlet: string) => string> = [
  (w) => `By ${w}`,
  (w, o) => `By ${w}, ${o}`,
  (w) => `${w} | Staff writer`,
  (w) => `Posted by ${w.split(' ')[0].toLowerCase()}_desk`,
];
const SHARE_LINES = [
  'Share on Facebook · Share on Twitter · Email this story',
  'Share this: Facebook | Twitter | LinkedIn | Print',
  'Tweet · Share · Pin · Email',
  'Click to share this story with a friend',
];
const SUBSCRIBE_LINES: ReadonlyArray<(outlet: string) => string> = [
  () => 'Get the morning briefing in your inbox every weekday — sign up here.',
  (o) => `Subscribe to ${o} for unlimited access to our campaign coverage.`,
  (o) => `Follow ${o} on Twitter and Facebook for the latest from the trail.`,
  () => 'Enjoyed this story? Our newsletter has more like it. Sign up free.',
];
const RELATED_HEADINGS = ['Related:', 'Related coverage', 'More on this story', 'You may also like'];
const RELATED = [
  'Five takeaways from a long night on the campaign trail',
  'Poll tracker: where the race stands this week',
  'What early voting numbers can and cannot tell us',
  'Fact check: the claims from last night’s rally',
  'The ground game, explained in four charts',
  'Photos: a day with the campaign press corps',
  'Live updates: the final stretch of the race',
  'How the swing states are leaning, county by county',
  'Opinion: the debate nobody asked for',
];
const COPYRIGHTS: ReadonlyArray<(outlet: string) => string> = [
  (o) => `© 2016 ${o}. All rights reserved.`,
  (o) => `Copyright © 2016 ${o}. Reproduction without written permission is not allowed.`,
  (o) => `${o} | Terms of use | Privacy | Contact us | © 2016`,
];
const COMMENT_STUBS: ReadonlyArray<(n: number) => string[]> = [
  (n) => [`${n} Comments`, 'Sort by: Newest | Oldest | Most liked'],
  (n) => [`Comments (${n}) — Join the discussion`, 'Comments are checked before they appear. Please keep it civil.'],
  () => ['Leave a comment', 'You must be logged in to post a comment.'],
];

/** The furniture drawn for one copy: lines above the body and paragraphs below it. */
export interface Furniture {
  headline: string;
  /** Lines between the headline and the body (byline, dateline, share line), each its own paragraph. */
  above: string[];
  /** Paragraphs after the body (related list, subscribe line, copyright, comments). */
  below: string[];
}

/**
 * Draws page furniture for a title: always another headline form, and at least three of the
 * other elements.
 *
 * @example furnish('Ferry talks stall', seededRandom(4)).headline // e.g. 'Ferry talks stall | Vantbrook Wire'
 */
export function furnish(title: string, rng: Random): Furniture {
  const outlet = rng.pick(OUTLETS);
  const elements = rng.shuffle(['byline', 'dateline', 'share', 'related', 'subscribe', 'copyright', 'comments']).slice(0, 3 + rng.int(5));
  const has = (e: string) => elements.includes(e);
  const above: string[] = [];
  const below: string[] = [];
  if (has('byline')) above.push(rng.pick(BYLINES)(rng.pick(WRITERS), outlet));
  if (has('dateline')) above.push(dateline(outlet, rng));
  if (has('share')) above.push(rng.pick(SHARE_LINES));
  if (has('related')) {
    const items = rng.shuffle(RELATED).slice(0, 2 + rng.int(3));
    below.push([rng.pick(RELATED_HEADINGS), ...items.map((h) => `• ${h}`)].join('\n'));
  }
  if (has('subscribe')) below.push(rng.pick(SUBSCRIBE_LINES)(outlet));
  if (has('copyright')) below.push(rng.pick(COPYRIGHTS)(outlet));
  if (has('comments')) below.push(...rng.pick(COMMENT_STUBS)(1 + rng.int(400)));
  let headline = rng.pick(HEADLINES)(title, outlet);
  if (headline === title) headline = `${title} | ${outlet}`;
  return { headline, above, below };
}

function dateline(outlet: string, rng: Random): string {
  const day = 1 + rng.int(28);
  const month = rng.pick(MONTHS);
  switch (rng.int(3)) {
    case 0:
      return `${rng.pick(PLACES)} (${outlet})`;
    case 1:
      return `Updated ${month} ${day}, 2016 ${1 + rng.int(12)}:${String(rng.int(60)).padStart(2, '0')} p.m. ET`;
    default:
      return `Published ${rng.pick(WEEKDAYS)}, ${month} ${day}, 2016`;
  }
}
