import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { needsSharedData, SHARED_DATA } from '../../test/support/shared-data.ts';
import { createDoc, type Doc, type EventMention } from '../doc/doc.ts';
import { defaultPipeline } from '../pipeline/default-pipeline.ts';

/**
 * The two seed articles of ../shared/data/seeds through the default pipeline, with the dates
 * the issue gives them, and the events a reader finds in them (judged by reading the text, not
 * from the stage's output). Skipped with a message where ../shared/data is absent.
 *
 * The agency story (2025-04-11), events expected from these sentences:
 *   "… Steve Witkov, met with … Vladimir Putin to discuss the war in Ukraine." CONSULT Witkov → Putin
 *   "In an interview with NBC News, Trump threatened tariffs on Russian oil." THREATEN, tariffs
 *   "Last month, Putin rejected U.S. Ukraine's joint proposal for a … ceasefire." REJECT, March 2025
 *   "Russia and Ukraine agreed to halt attacks on energy infrastructure in March, but both sides
 *    have condemned each other's continued attacks." AGREE (Russia + Ukraine), DISAPPROVE
 *   "Most recently, US and Russian officials held talks in Turkier on Thursday." CONSULT, 10 April
 *   "On the same day, Russia released … Xenia Karelina from prison in exchange for …" RETREAT, release
 * and none from "Putin hears it.", "… Russian state media released footage of Witkov …" (a
 * publication) or "She added that Russia's demands will not change either."
 *
 * The live blog (2025-03-14), events expected from:
 *   "The Kremlin confirms that he held late talks with Vladimir Putin, and states that a next
 *    step is a phone call between Putin and Trump" CONSULT; CONSULT phone, future
 *   "… he dismisses the plan for a 30-day ceasefire that Ukraine and the United States have
 *    drawn up" REJECT, ceasefire, against Ukraine and the United States
 *   "Putin praises Trump and his peace initiative, … by demanding further negotiations" SUPPORT; DEMAND
 *   "Trump reportedly kicked out Ukraine envoy" / "… Keith Kellogg has been kicked out of several
 *    important meetings …" SANCTION (the exclusion)
 *   "Kellogg did not attend the meeting with Russia in Saudi Arabia …" CONSULT, negated
 *   "… on Thursday evening, it was instead Trump's Middle East envoy Steve Witkoff who met with
 *    Vladimir Putin." CONSULT, 13 March evening
 *   "… President Donald Trump did not personally speak on the phone with Vladimir Putin on
 *    Thursday." CONSULT phone, negated
 * and none from "The timing of a phone call will now be determined after Witkoff returns to the
 * US …" as a return, from "… there is a 'very good chance that this terrible war' can end", or
 * from the comment footer ("Skicka en kommentar").
 */

const LIVE_BLOG = 'seeds/004_20dca7a36c75680e.txt';
const AGENCY = 'seeds/000_f52f2e6ae05d1052.txt';

function seed(path: string, published: string): Doc {
  return defaultPipeline()(createDoc(readFileSync(SHARED_DATA + path, 'utf8'), 'text', { published }));
}

const names = (xs: EventMention['source']) => xs.map((a) => a.text).join(' + ');
const trigger = (doc: Doc, e: EventMention) => doc.text.slice(e.trigger.start, e.trigger.end);
/** The events coded from the sentence that holds `words`. */
function from(doc: Doc, words: string): EventMention[] {
  const at = doc.text.indexOf(words);
  assert.ok(at >= 0, `the seed holds "${words}"`);
  return doc.events.filter((e) => doc.sentences[e.sentence].start <= at && at < doc.sentences[e.sentence].end);
}
function one(doc: Doc, words: string, f: (e: EventMention) => boolean, what: string): EventMention {
  const found = from(doc, words).find(f);
  assert.ok(found, `${what}: coded ${JSON.stringify(from(doc, words).map((e) => [e.type, trigger(doc, e), names(e.source), names(e.target)]))}`);
  return found;
}

test('the agency seed (2025-04-11): meeting, threat, rejection, agreement, condemnation, talks and release', needsSharedData(AGENCY), () => {
  const doc = seed(AGENCY, '2025-04-11');
  const met = one(doc, 'met with St. Petersburg', (e) => e.type === 'CONSULT', 'Witkov met Putin');
  assert.match(names(met.source), /Witkov/);
  assert.match(names(met.target), /Putin/);
  assert.deepEqual([met.target[0].country, met.target[0].sector], ['RUS', 'GOV']);
  assert.equal(met.when.value, '2025-04-11');
  const threat = one(doc, 'Trump threatened tariffs', (e) => e.type === 'THREATEN', 'Trump threatened tariffs');
  assert.match(names(threat.source), /Trump/);
  assert.equal(threat.context, 'tariffs');
  assert.equal(threat.status, 'asserted');
  const rejected = one(doc, 'Putin rejected', (e) => e.type === 'REJECT', 'Putin rejected the ceasefire proposal');
  assert.match(names(rejected.source), /Putin/);
  assert.equal(rejected.context, 'ceasefire');
  assert.equal(rejected.when.value, '2025-03');
  const agreed = one(doc, 'agreed to halt attacks', (e) => e.type === 'AGREE', 'Russia and Ukraine agreed');
  assert.deepEqual(agreed.source.map((a) => a.country), ['RUS', 'UKR']);
  assert.equal(agreed.when.value, '2025-03');
  one(doc, 'both sides have condemned', (e) => e.type === 'DISAPPROVE' && /sides/.test(names(e.source)), 'both sides condemned');
  const talks = one(doc, 'held talks in Turkier', (e) => e.type === 'CONSULT', 'officials held talks');
  assert.match(names(talks.source), /officials/);
  assert.deepEqual(talks.source.map((a) => a.country), ['USA', 'RUS']);
  assert.deepEqual([talks.when.value, talks.when.from], ['2025-04-10', 'timex']);
  const released = one(doc, 'Russia released', (e) => e.type === 'RETREAT', 'Russia released Karelina');
  assert.equal(released.mode, 'release');
  assert.equal(released.source[0]?.country, 'RUS');
  assert.match(names(released.target), /Karelina/);
  assert.equal(released.context, 'exchange');
  assert.equal(released.when.value, '2025-04-10');
  assert.deepEqual(from(doc, 'Putin hears it'), [], '"Putin hears it" reports no investigation');
  assert.deepEqual(from(doc, 'released footage'), [], 'releasing footage is a publication, not a release');
  assert.deepEqual(from(doc, 'demands will not change'), [], 'demands that will not change are no demand made');
});

test('the live-blog seed (2025-03-14): talks, the planned and the denied call, the rejection, the exclusion, the meeting', needsSharedData(LIVE_BLOG), () => {
  const doc = seed(LIVE_BLOG, '2025-03-14');
  one(doc, 'he held late talks', (e) => e.type === 'CONSULT' && /Putin/.test(names(e.target)) && e.status === 'asserted', 'he held talks with Putin');
  const call = one(doc, 'a next step is a phone call', (e) => e.type === 'CONSULT' && /phone/.test(trigger(doc, e)), 'a phone call between Putin and Trump');
  assert.equal(call.status, 'future');
  assert.equal(call.mode, 'phone');
  assert.match(names(call.source), /Putin/);
  assert.match(names(call.source), /Trump/);
  const dismissed = one(doc, 'he dismisses the plan', (e) => e.type === 'REJECT', 'Putin dismisses the ceasefire plan');
  assert.equal(dismissed.context, 'ceasefire');
  assert.deepEqual(dismissed.target.map((a) => a.country), ['UKR', 'USA']);
  const praise = one(doc, 'Putin praises Trump', (e) => e.type === 'SUPPORT', 'Putin praises Trump');
  assert.match(names(praise.target), /Trump/);
  one(doc, 'Putin praises Trump', (e) => e.type === 'DEMAND' && e.context === 'negotiation', 'by demanding further negotiations');
  const kicked = one(doc, 'Trump reportedly kicked out', (e) => e.type === 'SANCTION', 'Trump kicked out the Ukraine envoy');
  assert.match(names(kicked.source), /Trump/);
  assert.match(names(kicked.target), /envoy/);
  one(doc, 'has been kicked out of several', (e) => e.type === 'SANCTION' && /Kellogg/.test(names(e.target)), 'Kellogg kicked out of meetings');
  const absent = one(doc, 'Kellogg did not attend', (e) => e.type === 'CONSULT', 'Kellogg did not attend');
  assert.equal(absent.status, 'negated');
  assert.match(names(absent.source), /Kellogg/);
  assert.equal(absent.where?.name, 'Saudi Arabia');
  const met = one(doc, 'who met with Vladimir Putin', (e) => e.type === 'CONSULT', 'Witkoff met Putin');
  assert.match(names(met.source), /Witkoff/);
  assert.deepEqual([met.source[0].country, met.source[0].sector], ['USA', 'GOV']);
  assert.equal(met.when.value, '2025-03-13TEV');
  const phone = one(doc, 'did not personally speak on the phone', (e) => e.type === 'CONSULT', 'Trump did not speak with Putin');
  assert.deepEqual([phone.mode, phone.status], ['phone', 'negated']);
  assert.match(names(phone.source), /Trump/);
  assert.equal(phone.when.value, '2025-03-13');
  assert.ok(!from(doc, 'Witkoff returns to the US').some((e) => e.type === 'RETREAT'), 'going home is no return of anything');
  assert.deepEqual(from(doc, 'this terrible war'), [], 'a war that can end is no event');
  assert.ok(!doc.events.some((e) => /Skicka|kommentar/.test(trigger(doc, e))), 'nothing from the comment footer');
});
