import type { Doc, EventActor, EventMention, EventPlace, EventStatus, EventType, EventWhen, Speaker } from '../doc/doc.ts';
import type { Span } from '../doc/span.ts';
import type { Stage } from '../pipeline/stage.ts';
import { codeActor, countryIn, countryOfCapital } from './actors.ts';
import { linearArguments, type ArgumentFinder } from './arguments.ts';
import { CAMEO_CODES, CAMEO_OF_TYPE, cameoFor } from './cameo.ts';
import { classifyGated, eventFeatures, loadEventClassifier, ruleType, type EventClassifier } from './classifier.ts';
import { actorPhrases, datedTokens, firstPhraseFrom, nameIndex, type ActorPhrase } from './phrases.ts';
import { PLOVER_BY_TYPE } from './plover.ts';
import { SECTOR_OF_WORD } from './sectors.ts';
import { ROLE_WORDS } from '../entities/roles.ts';
import { isContextNoun, lookupTrigger } from './lexicon.ts';
import { lemmaCandidates } from './morphology.ts';
import { statusMarks } from './status.ts';
import { clauses, hyphenated, isSpeechVerb, LIGHT_VERBS, triggerCandidates, type TriggerCandidate } from './triggers.ts';

/**
 * The events stage: who did what to whom, where and when, coded in PLOVER and CAMEO, from
 * tokens, tags, names, timexes and quotes (no parse yet). Per sentence and clause:
 *
 * 1. trigger candidates from the lexicon (src/events/triggers.ts);
 * 2. one event per clause: the first verb trigger (else the first noun), a later trigger of
 *    the clause being its context ("agreed to cooperate" is one AGREE with context
 *    "cooperate"; "met … to discuss" one CONSULT); speech verbs are no event, accusing,
 *    threatening, rejecting or demanding are;
 * 3. status from negation, modal and conditional words (src/events/status.ts); a planned
 *    cooperative act is coded as CAMEO's intent (03x), an announced act of force as a threat;
 * 4. source and target from an ArgumentFinder (linearArguments by default; the parse will
 *    give another), coded by src/events/actors.ts;
 * 5. an act with neither source nor target is dropped;
 * 6. a learned classifier (src/events/classifier.ts) changes the type where it is sure;
 * 7. place: a place named after "in", "at" or "near"; date: a timex of the sentence, else the
 *    article's date; reportedBy: the quote whose content holds the trigger.
 *
 * English only: in an article in another language nothing is coded (an English lexicon read
 * over German or French text would find false triggers: "Rat", "also", "die").
 */

/** Options of the stage. */
export interface EventOptions {
  /**
   * How source and target are found: by position by default (linearArguments);
   * parseArguments() reads them from the dependency parse of the trigger's sentence, a little
   * better on the PLOVER records and several times the stage's cost (npm run eval:events, npm run bench).
   */
  findArguments?: ArgumentFinder;
  /**
   * The learned type classifier (src/events/classifier.ts), which changes the rules' type only
   * where it is sure: by default the committed model (npm run train:events), none where the
   * model file is absent; null for the lexicon and rules alone.
   */
  classifier?: EventClassifier | null;
}

/**
 * Gives an event the type a classifier reads in it, where it differs from the rules' (in the
 * gold records' convention) by more than the classifier's threshold: the type's base CAMEO code
 * then stands, without a mode.
 */
export function retype(doc: Doc, e: EventMention, classifier: EventClassifier, inName?: Int32Array, candidates?: readonly TriggerCandidate[]): EventMention {
  const rule = ruleType(e);
  const predicted = classifyGated(classifier, eventFeatures(doc, e, inName, candidates), rule);
  if (predicted === rule) return e;
  return { ...e, type: predicted, cameo: CAMEO_OF_TYPE[predicted], mode: null };
}

/** CAMEO codes for a verbal act about another act ("demanded talks", "rejected aid"): act type → complement type → code. */
const FRAME_CODES: Partial<Record<EventType, Partial<Record<EventType, string>>>> = {
  DEMAND: { CONSULT: '106', AID: '103', COOPERATE: '101', SUPPORT: '102', CONCEDE: '105', RETREAT: '105', AGREE: '107' },
  REJECT: { CONSULT: '125', AID: '122', COOPERATE: '121', SUPPORT: '120', CONCEDE: '124', RETREAT: '124', AGREE: '127', DEMAND: '120' },
  THREATEN: { SANCTION: '131', COERCE: '132', PROTEST: '133', FIGHT: '138', ASSAULT: '138', MOBILIZE: '138' },
};
/** The same for CAMEO's appeals (02): "urged", "appealed", "called for". */
const APPEAL_CODES: Partial<Record<EventType, string>> = { CONSULT: '026', AID: '023', COOPERATE: '021', SUPPORT: '022', CONCEDE: '025', RETREAT: '025', AGREE: '027' };

function cooperative(type: EventType): boolean {
  const quad = PLOVER_BY_TYPE.get(type)?.quad;
  return quad === 'verbal-coop' || quad === 'material-coop';
}

/** Prepositions before a place where an event happened. */
const PLACE_PREPS = new Set(['in', 'at', 'near', 'outside', 'inside']);

/** Languages the lexicon reads: English, or a text too short to tell. */
function readsEnglish(doc: Doc): boolean {
  const lang = doc.meta.language;
  return lang === undefined || lang === 'en' || lang === 'und';
}

/** Every event mention of a tokenised Doc with names, timexes and quotes, in text order. */
export function findEvents(doc: Doc, options: EventOptions = {}): EventMention[] {
  if (!readsEnglish(doc) || doc.tokens.length === 0) return [];
  const finder = options.findArguments ?? linearArguments;
  const classifier = options.classifier === undefined ? loadEventClassifier() : options.classifier;
  const inName = nameIndex(doc);
  const quotes = quoteIndex(doc);
  const out: EventMention[] = [];
  let t = 0;
  doc.sentences.forEach((sentence, si) => {
    while (t < doc.tokens.length && doc.tokens[t].end <= sentence.start) t++;
    const from = t;
    let to = from;
    while (to < doc.tokens.length && doc.tokens[to].start < sentence.end) to++;
    if (to === from) return;
    const candidates = triggerCandidates(doc, from, to, inName);
    if (candidates.length === 0) return;
    const phrases = actorPhrases(doc, from, to, inName);
    let c = 0;
    for (const clause of clauses(doc, from, to)) {
      while (c < candidates.length && candidates[c].first < clause[0]) c++;
      const inClause: TriggerCandidate[] = [];
      for (let k = c; k < candidates.length && candidates[k].first < clause[1]; k++) inClause.push(candidates[k]);
      if (inClause.length === 0) continue;
      const event = codeEvent(doc, si, [from, to], clause, inClause, phrases, finder, quotes);
      // an act with no party named ("discussions have stagnated") codes nothing
      if (event && (event.source.length || event.target.length)) out.push(classifier ? retype(doc, event, classifier, inName, candidates) : event);
    }
  });
  return out;
}

function words(doc: Doc, from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = Math.max(0, from); i < to && i < doc.tokens.length; i++) out.push(doc.text.slice(doc.tokens[i].start, doc.tokens[i].end));
  return out;
}

/** One event from the triggers of a clause. */
function codeEvent(
  doc: Doc,
  si: number,
  sentence: [number, number],
  clause: [number, number],
  triggers: TriggerCandidate[],
  phrases: readonly ActorPhrase[],
  finder: ArgumentFinder,
  quotes: readonly { start: number; end: number; q: number }[],
): EventMention | null {
  const chosen = mainTrigger(doc, clause, triggers);
  if (!chosen) return null;
  let { source, target } = finder({ doc, trigger: chosen, clause, sentence, phrases });
  const main = militarySense(doc, chosen, clause, [source, target]);
  const complement = triggers.find((x) => x !== main && x.first > main.last) ?? null;
  // a noun's status is read before the verb that governs it ("will provide … food aid")
  const governor = main.pos === 'noun' ? verbBefore(doc, clause[0], main.first) : main.first;
  const marks = statusMarks(words(doc, clause[0], governor), main.pos === 'noun' ? words(doc, governor, main.first).concat(words(doc, main.last + 1, Math.min(clause[1], main.last + 4))) : []);
  // "will not accept": a cooperative act someone says they will not do is a refusal, which happened
  const failed = catenative(doc, (main.pos === 'noun' ? governor : main.first) - 1) === 'refusal';
  const refused = ((marks.negated && marks.future) || failed) && !marks.hypothetical && cooperative(main.type);
  const status: EventStatus = refused ? 'asserted' : marks.hypothetical ? 'hypothetical' : marks.negated ? 'negated' : marks.future ? 'future' : 'asserted';
  let type: EventType = main.type;
  let cameo = '';
  // "ended mediation", "suspended aid": stopping cooperation reduces relations; "lifted the
  // blockade", "halt attacks": stopping conflict de-escalates (CAMEO 16 and 08)
  const stopper = stoppingVerb(doc, clause, main);
  if (stopper) ({ type, cameo } = stopOf(main.type, main.cameo));
  const frame = complement ? FRAME_CODES[main.type]?.[complement.type] : undefined;
  if (stopper) {
    /* coded above */
  } else if (complement && main.type === 'AGREE') cameo = cooperative(complement.type) ? cameoFor(complement.type, complement.cameo, 'future') : '030';
  else if (complement && main.type === 'DEMAND' && main.cameo.startsWith('02')) cameo = APPEAL_CODES[complement.type] ?? main.cameo;
  else if (frame) cameo = frame;
  else cameo = cameoFor(main.type, main.cameo, status, refused);
  let context = complement ? complement.lemma : objectNoun(doc, main, clause);
  // "Russia said Sudan must return the helicopter": a report that someone must act is the reporter's demand
  const speech = marks.deontic ? speechVerbBefore(doc, sentence[0], main.first) : -1;
  if (speech >= 0) {
    const speaker = finder({ doc, trigger: { ...main, first: speech, last: speech, pos: 'verb' }, clause: [sentence[0], sentence[1]], sentence, phrases }).source;
    context = main.lemma;
    cameo = FRAME_CODES.DEMAND?.[main.type] ?? '100';
    type = 'DEMAND';
    target = source;
    source = speaker;
  }
  const trigger: Span = { start: doc.tokens[main.first].start, end: doc.tokens[main.last].end };
  const reportedBy = quoteAt(quotes, trigger.start);
  const speaker = reportedBy === null ? null : doc.quotes[reportedBy].speaker;
  const sourceActors = actorsOf(doc, source, speaker);
  const targetActors = actorsOf(doc, target === source ? null : target, speaker);
  // PLOVER: military force used on civilians is ASSAULT, not FIGHT; a killing by armed forces
  // (not a beating, torture or bombing, which are ASSAULT's own modes) is their use of force, FIGHT
  if (type === 'FIGHT' && targetActors.some((a) => a.sector !== null && CIVILIAN_SECTORS.has(a.sector))) {
    type = 'ASSAULT';
    cameo = cameoFor(type, null, status);
  } else if (type === 'ASSAULT' && PLAIN_VIOLENCE.has(cameo) && sourceActors.some((a) => a.sector !== null && ARMED_FORCES.has(a.sector))) {
    type = 'FIGHT';
    cameo = cameoFor(type, null, status);
  } else if (type === 'PROTEST' && main.lemma === 'protest' && sourceActors.length > 0 && sourceActors.every((a) => isState(doc, a))) {
    // "Serbia lodged a protest with Albania": a state's protest is an official complaint (CAMEO 114), not a demonstration
    type = 'DISAPPROVE';
    cameo = '114';
  }
  return {
    type,
    mode: CAMEO_CODES.get(cameo)?.mode ?? (type === main.type ? CAMEO_CODES.get(main.cameo)?.mode : null) ?? null,
    context,
    cameo,
    trigger,
    source: sourceActors,
    target: targetActors,
    where: placeOf(doc, phrases, target, [clause[0], complement && complement.first > main.last ? complement.first : clause[1]]),
    when: whenOf(doc, trigger, sentence),
    status,
    reportedBy,
    sentence: si,
  };
}

/** CAMEO codes of acts of armed forces: by their names ("cooperate militarily", "ease military blockade", "retreat or surrender militarily") or their roots (15, 19, 20). */
function militaryCode(code: string): boolean {
  return /^(15|19|20)/.test(code) || /militar|armed forces|blockade|occupation/.test(CAMEO_CODES.get(code)?.name ?? '');
}

/**
 * The trigger in the sense its parties give it: a word of several senses ("withdraw": to
 * expel or withdraw, CAMEO 166, or to retreat militarily, 0874; "blockade": to obstruct
 * passage, 144, or to impose a military blockade, 191) takes its military sense where armed
 * forces act or are acted on ("withdrew its troops", "the army lifted a blockade").
 */
function militarySense(doc: Doc, x: TriggerCandidate, clause: readonly [number, number], parties: readonly (ActorPhrase | null)[]): TriggerCandidate {
  if (x.senses.length < 2 || militaryCode(x.cameo)) return x;
  const sense = x.senses.find((s) => militaryCode(s.cameo));
  if (!sense) return x;
  const armed = (w: string) => SECTOR_OF_WORD.get(w) === 'MIL';
  const partyArmed = parties.some((p) => actorsOf(doc, p).some((a) => a.sector === 'MIL'));
  let objectArmed = false;
  for (let i = x.last + 1; i < clause[1] && i <= x.last + 4 && !objectArmed; i++) {
    if (!OBJECT_WORDS.has(doc.tokens[i].pos)) break;
    objectArmed = armed(wordAt(doc, i));
  }
  return partyArmed || objectArmed ? { ...x, type: sense.type, cameo: sense.cameo } : x;
}

/** Words after "ask" that make it a question, not a request ("asked about the Front", "asked whether…"). */
const QUESTION_WORDS: ReadonlySet<string> = new Set(['about', 'whether', 'if', 'what', 'why', 'how', 'when', 'where', 'who', 'which']);

/**
 * Whether a verb trigger only frames saying or not saying: a question ("asked about the
 * Front", "asked whether he would…") or a refusal to comment ("declined to give details",
 * "refused to comment": CAMEO's 011, a statement).
 */
function sayingOnly(doc: Doc, clause: readonly [number, number], x: TriggerCandidate): boolean {
  if (x.pos !== 'verb') return false;
  let i = x.last + 1;
  while (i < clause[1] && (doc.tokens[i].pos === 'PRON' || doc.tokens[i].pos === 'PROPN' || doc.tokens[i].pos === 'ADV')) i++;
  if (x.type === 'DEMAND' && QUESTION_WORDS.has(wordAt(doc, i))) return true;
  if (x.type !== 'REJECT' || wordAt(doc, x.last + 1) !== 'to' || x.last + 2 >= clause[1]) return false;
  const v = x.last + 2;
  const lemmas = lemmaCandidates(wordAt(doc, v), 'verb');
  if (lemmas.some((l) => COMMENT_VERBS.has(l))) return true;
  let o = v + 1;
  while (o < clause[1] && (doc.tokens[o].pos === 'DET' || doc.tokens[o].pos === 'ADJ' || doc.tokens[o].pos === 'NUM')) o++;
  return lemmas.some((l) => LIGHT_VERBS.has(l)) && COMMENT_NOUNS.has(wordAt(doc, o));
}

/** Verbs and nouns of commenting ("declined to comment", "refused to give details"). */
const COMMENT_VERBS: ReadonlySet<string> = new Set(['comment', 'elaborate', 'say', 'speculate', 'specify']);
const COMMENT_NOUNS: ReadonlySet<string> = new Set(['details', 'comment', 'comments', 'specifics']);

/**
 * Whether a trigger whose act needs an object has none: "returns to the US", "released
 * footage" are no return or release (giving back or freeing is an event only with the people
 * or things given back as its object; a noun needs "of": "the release of the hostages").
 */
function lacksObject(doc: Doc, clause: readonly [number, number], x: TriggerCandidate): boolean {
  // "when the shooting has stopped": a stopping verb with no object tells that an act ended, which is no act of its own
  if (!OBJECT_NEEDED.has(x.lemma) && !(x.pos === 'verb' && STOPPING_VERBS.has(x.lemma))) return false;
  return x.pos === 'verb' ? !hasObject(doc, x, clause) : wordAt(doc, x.last + 1) !== 'of';
}

/** Verbs whose act needs an object ("released the hostages", "return the helicopter"; not "returns to the US"). */
const OBJECT_NEEDED: ReadonlySet<string> = new Set(['return', 'release', 'free', 'hand', 'receive', 'host', 'welcome']);
/** Objects that make releasing a publication, not a release ("released footage", "released a statement"). */
const PUBLISHED: ReadonlySet<string> = new Set([
  'footage', 'video', 'videos', 'images', 'image', 'photos', 'photo', 'pictures', 'statement', 'statements', 'report', 'reports', 'figures', 'data', 'details',
  'list', 'results', 'document', 'documents', 'transcript', 'recording', 'audio', 'album', 'film', 'book', 'memoir', 'poll', 'survey', 'study', 'plan', 'budget', 'version',
]);

/** Whether a verb has an object right after it (past adverbs, determiners, numbers and adjectives) that is not a published thing. */
function hasObject(doc: Doc, main: TriggerCandidate, clause: readonly [number, number]): boolean {
  let i = main.last + 1;
  const skip = new Set(['ADV', 'DET', 'NUM', 'PART', 'ADJ']);
  while (i < clause[1] && skip.has(doc.tokens[i].pos)) i++;
  if (i >= clause[1]) return false;
  const t = doc.tokens[i];
  if (t.pos !== 'NOUN' && t.pos !== 'PROPN' && t.pos !== 'PRON') return false;
  return !PUBLISHED.has(doc.text.slice(t.start, t.end).toLowerCase());
}

/** Verbs that say an act took place or how it went, with the act's noun as their subject ("the meeting took place", "talks resumed"). */
const OCCURRENCE_VERBS: ReadonlySet<string> = new Set([
  'take', 'happen', 'occur', 'begin', 'start', 'continue', 'resume', 'end', 'break', 'erupt', 'last', 'go', 'come', 'open', 'close', 'conclude', 'follow', 'kill', 'wound', 'hit', 'destroy', 'damage', 'leave',
]);

/** Verbs whose passive says an act took place: "the meeting was held", "a ceasefire was agreed", "the deal was signed" (not "the truce holds"). */
const PASSIVE_OCCURRENCE_VERBS: ReadonlySet<string> = new Set(['hold', 'stage', 'conduct', 'launch', 'sign', 'reach', 'impose', 'agree', 'announce']);

/**
 * Whether a noun trigger stands as the subject of a verb that is not one of OCCURRENCE_VERBS
 * ("Russia's demands will not change", "the prisoners' exchanges helped build trust"): it
 * names something talked about, not an act reported.
 */
function subjectOfOtherVerb(doc: Doc, clause: readonly [number, number], x: TriggerCandidate): boolean {
  // "She added that Russia's demands will not change", "said the truce was…": a clause that
  // "that" or a reporting verb opens starts there
  for (let i = x.first - 1; i >= clause[0] && wordAt(doc, i) !== 'that'; i--) {
    if (isSpeechVerb(doc, i)) break;
    if (doc.tokens[i].pos === 'VERB') return false;
  }
  let copula = false;
  for (let i = x.last + 1; i < clause[1]; i++) {
    const t = doc.tokens[i];
    if (t.pos === 'ADP' && i === x.last + 1) return false;
    if (t.pos === 'AUX' && COPULA.has(wordAt(doc, i))) copula = true;
    if (t.pos !== 'VERB') {
      // "the pullback would be complete", "the cut was an act of war": the subject of "be" is talked about
      if (copula && t.pos !== 'AUX' && t.pos !== 'ADV' && t.pos !== 'PART') return true;
      continue;
    }
    const w = doc.text.slice(t.start, t.end);
    return !lemmaCandidates(w, 'verb').some((l) => OCCURRENCE_VERBS.has(l) || (copula && PASSIVE_OCCURRENCE_VERBS.has(l)));
  }
  return false;
}

/** Forms of "be". */
const COPULA: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', '’s', "'s"]);

/** Whether a noun trigger is the object of an infinitive ("to secure a ceasefire", "to seek peace talks"): an aim, not an act. */
function purposeOf(doc: Doc, clause: readonly [number, number], x: TriggerCandidate): boolean {
  const v = verbBefore(doc, clause[0], x.first);
  return v < x.first && v > clause[0] && wordAt(doc, v - 1) === 'to' && catenative(doc, v - 1) === null;
}

/**
 * Verbs that carry no act of their own but the act of the infinitive after them ("failed to
 * reach agreement", "began to shell the town", "voted to impose sanctions"); failing to do a
 * cooperative act is a refusal (the PLOVER records code it REJECT).
 */
const CATENATIVE_VERBS: Readonly<Record<string, 'refusal' | 'act'>> = {
  fail: 'refusal', manage: 'act', continue: 'act', begin: 'act', start: 'act', decide: 'act', vote: 'act', move: 'act', attempt: 'act', resolve: 'act',
};

/** What the verb before the "to" at token `to` makes of the infinitive after it ("failed to": a refusal), or null where none of CATENATIVE_VERBS stands there. */
function catenative(doc: Doc, to: number): 'refusal' | 'act' | null {
  if (wordAt(doc, to) !== 'to' || doc.tokens[to - 1]?.pos !== 'VERB') return null;
  for (const l of lemmaCandidates(wordAt(doc, to - 1), 'verb')) if (CATENATIVE_VERBS[l]) return CATENATIVE_VERBS[l];
  return null;
}

function wordAt(doc: Doc, i: number): string {
  const t = doc.tokens[i];
  return t ? doc.text.slice(t.start, t.end).toLowerCase() : '';
}

/**
 * The trigger that is the clause's event: the first finite verb trigger (not an infinitive of
 * purpose, "began a hunger strike to demand…", nor a participle after a noun, "crimes committed
 * by…", nor a light verb before an event noun), else the first noun trigger that is not a
 * topic ("his stance on a ceasefire"), else the first trigger (dropping topics alone lost more
 * events than it saved on the records the rules were written on).
 */
function mainTrigger(doc: Doc, clause: readonly [number, number], all: readonly TriggerCandidate[]): TriggerCandidate | null {
  const triggers = all.filter((x) => (x.pos !== 'noun' || (!subjectOfOtherVerb(doc, clause, x) && !purposeOf(doc, clause, x))) && !lacksObject(doc, clause, x) && !sayingOnly(doc, clause, x));
  if (triggers.length === 0) return null;
  const word = (i: number) => (i >= 0 ? doc.text.slice(doc.tokens[i].start, doc.tokens[i].end).toLowerCase() : '');
  // a noun after "on", "about", "for"… is what an act is about ("stance on a ceasefire"), not an act
  const topic = (x: TriggerCandidate) => {
    for (let i = x.first - 1; i >= 0 && i >= x.first - 3; i--) {
      if (TOPIC_PREPS.has(word(i))) return true;
      if (doc.tokens[i].pos !== 'DET' && doc.tokens[i].pos !== 'ADJ' && doc.tokens[i].pos !== 'NOUN') return false;
    }
    return false;
  };
  const nouns = triggers.filter((x) => x.pos === 'noun' && !topic(x) && !afterTime(doc, x) && !heldThing(doc, clause, x, all));
  for (const x of triggers) {
    if (x.pos !== 'verb' || (word(x.first - 1) === 'to' && catenative(doc, x.first - 1) === null) || reducedRelative(doc, clause, x) || afterTime(doc, x)) continue;
    // "talks on limiting missiles", "charged with supporting": a gerund after a preposition is
    // a topic or a complement, and a participle after a comma ("lodged a protest, charging its
    // neighbour with…") adds to the act before it; either is the event only where nothing else is
    if ((doc.tokens[x.first - 1]?.pos === 'ADP' || word(x.first - 1) === ',') && word(x.first).endsWith('ing')) continue;
    // a light or stopping verb passes the event to the noun it governs ("held talks", "offered
    // its support"); with no event noun as its object it is an event of its own ("offered to negotiate")
    // "reiterated its demand that Israel ease restrictions": what a demand, threat or offer says is no act of its own
    const said = nouns.find((n) => n.last < x.first && saysThat(doc, n, x));
    if (said) return said;
    if (LIGHT_VERBS.has(x.lemma) || STOPPING_VERBS.has(x.lemma)) {
      const object = nouns.find((n) => n.first > x.last && governs(doc, x, n));
      if (object) return object;
      // "issued a declaration demanding…", "made a statement": a light verb of saying is no act
      if (objectSays(doc, x, clause)) continue;
    }
    // "US Predator attacks … have killed eight leaders": the toll of an act named before it is that act's
    if (RESULT_VERBS.has(x.lemma)) {
      const act = nouns.find((n) => n.last < x.first && PLOVER_BY_TYPE.get(n.type)?.quad === 'material-conflict' && !RESULT_VERBS.has(n.lemma));
      if (act) return act;
    }
    return x;
  }
  // else the first act noun, or verb past a preposition or comma ("by demanding further negotiations"), in text order
  const adjunct = (x: TriggerCandidate) => x.pos === 'verb' && word(x.first).endsWith('ing') && !TOPIC_PREPS.has(word(x.first - 1)) && (doc.tokens[x.first - 1]?.pos === 'ADP' || word(x.first - 1) === ',');
  return triggers.find((x) => (x.pos === 'noun' ? nouns.includes(x) : adjunct(x))) ?? triggers.find((x) => !afterTime(doc, x) && (x.pos !== 'noun' || !heldThing(doc, clause, x, all))) ?? null;
}

/** Whether the head of a light verb's object is a noun of saying ("issued a declaration", "made a statement"): the lexicon's speech nouns. */
function objectSays(doc: Doc, verb: TriggerCandidate, clause: readonly [number, number]): boolean {
  for (let i = verb.last + 1; i < clause[1] && i <= verb.last + 5; i++) {
    const t = doc.tokens[i];
    if (t.pos === 'NOUN') {
      const next = doc.tokens[i + 1];
      if (next && next.pos === 'NOUN' && i + 1 < clause[1]) continue;
      const hit = lookupTrigger(doc.text.slice(t.start, t.end), 'noun');
      return !!hit && hit.entries.every((e) => e.type === null);
    }
    if (!OBJECT_WORDS.has(t.pos)) return false;
  }
  return false;
}

/**
 * Whether verb x stands in the "that" clause of a noun of a verbal act before it ("its demand
 * that Israel ease…", "the threat that it would strike…"): "that" follows the noun, past a
 * date at most.
 */
function saysThat(doc: Doc, noun: TriggerCandidate, x: TriggerCandidate): boolean {
  const quad = PLOVER_BY_TYPE.get(noun.type)?.quad;
  if (quad !== 'verbal-coop' && quad !== 'verbal-conflict') return false;
  let i = noun.last + 1;
  const dated = datedTokens(doc, i, x.first);
  while (i < x.first && dated[i - noun.last - 1]) i++;
  return wordAt(doc, i) === 'that' && i < x.first;
}

/**
 * Whether a verb governs a noun trigger after it as its object: only the words of a noun
 * phrase stand between ("held late talks", "launched 10 days of war games", "lifted Friday a
 * day-old blockade"; see objectGap).
 */
function governs(doc: Doc, verb: TriggerCandidate, noun: TriggerCandidate): boolean {
  return noun.first - verb.last <= 8 && objectGap(doc, verb.last + 1, noun.first);
}

/**
 * Whether tokens [from, to) may stand between a verb and the head of its object: determiners,
 * numbers, adjectives, nouns, possessives, an adverb right after the verb, a date or a span
 * of time with its preposition ("on Friday", "by one hour"), "of" after a quantity ("part
 * of", "10 days of"), and participles joined by a hyphen ("an open-ended strike").
 */
function objectGap(doc: Doc, from: number, to: number): boolean {
  const dated = datedTokens(doc, from, to);
  for (let i = from; i < to; i++) {
    const t = doc.tokens[i];
    if (dated[i - from] || OBJECT_WORDS.has(t.pos) || hyphenated(doc, i) || (t.pos === 'ADV' && i === from)) continue;
    if (t.pos === 'ADP' && i + 1 < to && dated[i + 1 - from]) continue;
    if (wordAt(doc, i) === 'of' && i > from && (doc.tokens[i - 1].pos === 'NUM' || QUANTITY_NOUNS.has(wordAt(doc, i - 1)) || dated[i - 1 - from])) continue;
    if (t.pos === 'PUNCT' && /^[-‐–]$/.test(wordAt(doc, i))) continue;
    return false;
  }
  return true;
}

/** Tags of the words of a noun phrase before its head. */
const OBJECT_WORDS: ReadonlySet<string> = new Set(['DET', 'NUM', 'ADJ', 'NOUN', 'PROPN', 'PRON', 'PART']);

/**
 * Whether a participle after a noun is a reduced relative clause ("crimes committed by…",
 * "the curfew imposed in Sudan"), not the clause's verb: before "by", or before "in", "on",
 * "against" or "during" unless the noun is an actor's ("officials agreed on Wednesday").
 */
function reducedRelative(doc: Doc, clause: readonly [number, number], x: TriggerCandidate): boolean {
  if (x.first <= clause[0] || doc.tokens[x.first - 1].pos !== 'NOUN' || !/ed$|en$/.test(wordAt(doc, x.first))) return false;
  const next = wordAt(doc, x.last + 1);
  if (next === 'by') return true;
  if (!['in', 'against', 'during', 'on'].includes(next)) return false;
  const before = wordAt(doc, x.first - 1);
  return !(ROLE_WORDS.has(before) || SECTOR_OF_WORD.has(before));
}

/** Verbs that tell the toll of an act of violence ("killed", "wounded"). */
const RESULT_VERBS: ReadonlySet<string> = new Set(['kill', 'wound', 'injure', 'maim']);

/**
 * Whether a noun trigger names an event as a point in time ("said after the talks", "since the
 * truce", "ahead of the meeting"): a temporal preposition before its noun phrase. Such a noun
 * refers to an act told elsewhere; it is not the clause's event.
 */
function afterTime(doc: Doc, x: TriggerCandidate): boolean {
  // "since fighting broke out": a gerund as well
  if (x.pos === 'verb' && !wordAt(doc, x.first).endsWith('ing')) return false;
  for (let i = x.first - 1; i >= 0 && i >= x.first - 5; i--) {
    const w = wordAt(doc, i);
    if (TEMPORAL_PREPS.has(w) || ((w === 'of' || w === 'to') && TEMPORAL_PREPS.has(wordAt(doc, i - 1)))) return true;
    const tag = doc.tokens[i].pos;
    if (tag !== 'DET' && tag !== 'ADJ' && tag !== 'NOUN' && tag !== 'NUM' && tag !== 'PRON' && tag !== 'PART' && !hyphenated(doc, i) && w !== '-') return false;
  }
  return false;
}

/**
 * Verbs that utter what their object names, beyond the light verbs: "reiterated its demand",
 * "lodged a protest", "voiced criticism". A noun of a verbal act is an act done only by such a
 * verb, by a light verb or by a verb of saying.
 */
const UTTERING_VERBS: ReadonlySet<string> = new Set(['reiterate', 'repeat', 'renew', 'voice', 'express', 'lodge', 'file', 'register', 'deliver', 'announce', 'publish', 'send', 'level']);

/**
 * Whether a noun of a verbal act (a promise, demand, threat, meeting…) is the object of a verb
 * that neither does nor utters it ("kept every promise", "brought ideas, not demands",
 * "wrecking the talks", "watch the signatures"): a thing talked about, not an act reported.
 * A verb that is a trigger itself governs it as its complement instead ("rejected the demands").
 */
function heldThing(doc: Doc, clause: readonly [number, number], x: TriggerCandidate, all: readonly TriggerCandidate[]): boolean {
  const quad = PLOVER_BY_TYPE.get(x.type)?.quad;
  if (quad !== 'verbal-coop' && quad !== 'verbal-conflict') return false;
  let v = -1;
  for (let i = x.first - 1; i >= clause[0] && i >= x.first - 8; i--) {
    const t = doc.tokens[i];
    if (t.pos === 'VERB' && !hyphenated(doc, i)) {
      v = i;
      break;
    }
    if (OBJECT_WORDS.has(t.pos) || t.pos === 'CCONJ' || wordAt(doc, i) === ',' || wordAt(doc, i) === 'not') continue;
    return false;
  }
  if (v < 0 || all.some((c) => c.pos === 'verb' && c.first <= v && v <= c.last) || isSpeechVerb(doc, v)) return false;
  const lemmas = lemmaCandidates(wordAt(doc, v), 'verb');
  return !lemmas.some((l) => LIGHT_VERBS.has(l) || UTTERING_VERBS.has(l) || STOPPING_VERBS.has(l) || CATENATIVE_VERBS[l] !== undefined);
}

/** Prepositions that set an event as a time for another ("after", "since", "ahead of", "prior to"). */
const TEMPORAL_PREPS: ReadonlySet<string> = new Set(['after', 'before', 'since', 'following', 'until', 'till', 'ahead', 'prior', 'during', 'throughout']);

/** Prepositions before a noun that make it a topic. */
const TOPIC_PREPS: ReadonlySet<string> = new Set(['on', 'about', 'over', 'regarding']);

/** The nearest verb before token `to` in the clause (the word a noun trigger's status hangs on), else `to`. */
function verbBefore(doc: Doc, from: number, to: number): number {
  for (let i = to - 1; i >= from && i >= to - 8; i--) if (doc.tokens[i].pos === 'VERB') return i;
  return to;
}

/** Verbs that stop or ease what their object names. */
const STOPPING_VERBS: ReadonlySet<string> = new Set(['stop', 'end', 'halt', 'suspend', 'cancel', 'cut', 'lift', 'ease', 'relax', 'abandon', 'freeze', 'interrupt', 'shorten', 'reduce', 'call']);

/**
 * Whether a noun trigger is the object of a stopping verb before it in its clause ("ended
 * mediation efforts", "lifted Friday a day-old blockade", "shortened by one hour the nightly
 * curfew", "suspended part of a military aid program"; what may stand between: objectGap).
 */
function stoppingVerb(doc: Doc, clause: [number, number], main: TriggerCandidate): boolean {
  if (main.pos !== 'noun') return false;
  for (let i = main.first - 1; i >= clause[0] && i >= main.first - 8; i--) {
    const t = doc.tokens[i];
    if (t.pos !== 'VERB' || hyphenated(doc, i)) continue;
    const w = doc.text.slice(t.start, t.end).toLowerCase();
    return objectGap(doc, i + 1, main.first) && lemmaCandidates(w, 'verb').some((l) => STOPPING_VERBS.has(l));
  }
  return false;
}

/** Nouns of a part or amount before "of" ("part of a military aid program"). */
const QUANTITY_NOUNS: ReadonlySet<string> = new Set(['part', 'parts', 'some', 'all', 'most', 'much', 'half', 'rest', 'bulk', 'portion', 'share', 'remainder']);

/** What stopping an act of a type is: ending cooperation reduces relations (16x), ending conflict yields (08x). */
function stopOf(type: EventType, cameo: string): { type: EventType; cameo: string } {
  switch (type) {
    case 'CONSULT': return { type: 'SANCTION', cameo: cameo.startsWith('045') ? '165' : '164' };
    case 'AID': return { type: 'SANCTION', cameo: '162' };
    case 'COOPERATE': case 'SUPPORT': case 'AGREE': return { type: 'SANCTION', cameo: '160' };
    case 'FIGHT': return { type: 'RETREAT', cameo: cameo.startsWith('191') ? '0872' : '087' };
    case 'ASSAULT': return { type: 'RETREAT', cameo: '087' };
    case 'MOBILIZE': return { type: 'RETREAT', cameo: '0873' };
    case 'COERCE': return { type: 'CONCEDE', cameo: cameo.startsWith('1723') ? '0813' : cameo.startsWith('1724') ? '0814' : '081' };
    case 'SANCTION': return { type: 'CONCEDE', cameo: '085' };
    case 'PROTEST': return { type: 'CONCEDE', cameo: '082' };
    default: return { type, cameo };
  }
}

/** CAMEO codes of violence that name no way of doing it: killing, or an assault not specified. */
const PLAIN_VIOLENCE: ReadonlySet<string> = new Set(['18', '180', '1823']);
/** Sectors of a state's armed forces and police. */
const ARMED_FORCES: ReadonlySet<string> = new Set(['MIL', 'COP']);

/** Whether an actor is a state: its government, or a country or capital named for it (a place entity, not a people: "Serbia", not "Serbs"). */
function isState(doc: Doc, a: EventActor): boolean {
  return a.sector === 'GOV' || (a.sector === null && a.country !== null && a.entity !== null && doc.entities[a.entity]?.type === 'LOC');
}

/** Pronouns that stand for the speaker of the quote they stand in. */
const FIRST_PERSON: ReadonlySet<string> = new Set(['i', 'we']);

/** Sectors of people outside armed forces and government. */
const CIVILIAN_SECTORS: ReadonlySet<string> = new Set(['CVL', 'REF', 'MED', 'EDU', 'LAB', 'REL', 'HRI', 'NGO']);

/** The last reporting verb of tokens [from, to), within 40 tokens, or -1. */
function speechVerbBefore(doc: Doc, from: number, to: number): number {
  for (let i = to - 1; i >= from && i >= to - 40; i--) if (isSpeechVerb(doc, i)) return i;
  return -1;
}

/**
 * The noun a verbal act is about, right after its trigger ("threatened tariffs", "rejected the
 * proposal"), as a context: the first noun of the next few words that the lexicon knows as a
 * context (isContextNoun: not "meet face to face", "talked about tomato farmers").
 */
function objectNoun(doc: Doc, main: TriggerCandidate, clause: [number, number]): string | null {
  if (main.pos !== 'verb') return null;
  for (let i = main.last + 1; i < clause[1] && i <= main.last + 4; i++) {
    const tag = doc.tokens[i].pos;
    if (tag === 'NOUN') {
      const w = doc.text.slice(doc.tokens[i].start, doc.tokens[i].end).toLowerCase();
      if (isContextNoun(w)) return w;
      continue;
    }
    if (tag === 'VERB' || tag === 'PUNCT' || tag === 'PROPN') return null;
  }
  return null;
}

function actorsOf(doc: Doc, phrase: ActorPhrase | null, speaker: Speaker | null = null): EventActor[] {
  if (!phrase) return [];
  const actors: EventActor[] = [];
  for (const p of phrase.parties) {
    if (phrase.pronoun && p.entity === null) {
      // "we" and "I" in a quote are its speaker; a pronoun that stands for no one named is no party
      const self = FIRST_PERSON.has(doc.text.slice(p.start, p.end).toLowerCase()) && speaker?.span && speaker.how !== 'unknown' ? speaker : null;
      if (!self?.span) continue;
      const text = doc.text.slice(self.span.start, self.span.end);
      const codes = codeActor(doc, text, self.entity);
      actors.push({ start: self.span.start, end: self.span.end, text, entity: self.entity, country: codes.country, sector: codes.sector });
      continue;
    }
    const text = doc.text.slice(p.start, p.end);
    const codes = codeActor(doc, text, p.entity);
    actors.push({ start: p.start, end: p.end, text, entity: p.entity, country: codes.country, sector: codes.sector });
  }
  if (actors.length === 0) return actors;
  // "US and Russian officials": a lone country or nationality before the last party shares its head's sector
  const last = actors[actors.length - 1];
  for (const a of actors) if (a !== last && a.sector === null && !/\s/.test(a.text) && a.country !== null) a.sector = last.sector;
  return actors;
}

/**
 * The first place named after "in", "at" or "near" in the event's stretch of its clause (up to
 * the complement's trigger: in "met … to discuss the war in Ukraine" Ukraine is not where they
 * met) that is not the target.
 */
function placeOf(doc: Doc, phrases: readonly ActorPhrase[], target: ActorPhrase | null, range: [number, number]): EventPlace | null {
  for (let k = firstPhraseFrom(phrases, range[0]); k < phrases.length; k++) {
    const p = phrases[k];
    if (p.first >= range[1]) break;
    if (p === target || p.prep === null || !PLACE_PREPS.has(p.prep) || p.first < range[0]) continue;
    const party = p.parties[p.parties.length - 1];
    const entity = party.entity !== null ? doc.entities[party.entity] : undefined;
    if (!entity || entity.type !== 'LOC') continue;
    const name = entity.name;
    return { start: party.start, end: party.end, name, entity: party.entity, country: countryIn(name) ?? countryOfCapital(name) ?? null };
  }
  return null;
}

/** A dash between words, as a dateline ("HALVIK, 31 March 2026 (Meridian Wire) – …") ends with. */
const DATELINE_DASH = /\s[–—-]\s/;

/**
 * The timex of the sentence nearest the trigger (a date or time), else the article's date. A
 * date after the trigger counts as nearer than one as far before it ("met Dastevi in Halvik on
 * Monday": the date follows the act), and a date before a dash that comes before the trigger is
 * a dateline's, the day of writing, taken only when the sentence has no other.
 */
function whenOf(doc: Doc, trigger: Span, sentence: [number, number]): EventWhen {
  const start = doc.tokens[sentence[0]].start;
  const end = doc.tokens[sentence[1] - 1].end;
  let best = -1;
  let bestDistance = Infinity;
  for (let k = firstTimexFrom(doc, start); k < doc.timexes.length && doc.timexes[k].start < end; k++) {
    const x = doc.timexes[k];
    if (x.type !== 'DATE' && x.type !== 'TIME') continue;
    const before = x.end <= trigger.start;
    const dateline = before && DATELINE_DASH.test(doc.text.slice(x.end, trigger.start));
    const d = (before ? 2 * Math.max(0, trigger.start - x.end) : Math.max(0, x.start - trigger.end)) + (dateline ? doc.text.length : 0);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  if (best >= 0) return { value: doc.timexes[best].value, from: 'timex', timex: best };
  const published = doc.meta.published?.slice(0, 10);
  return published ? { value: published, from: 'article', timex: null } : { value: null, from: 'none', timex: null };
}

function firstTimexFrom(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.timexes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.timexes[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The quotes' contents sorted by start, with their indices, for quoteAt. */
function quoteIndex(doc: Doc): { start: number; end: number; q: number }[] {
  return doc.quotes.map((x, q) => ({ start: x.content.start, end: x.content.end, q })).sort((a, b) => a.start - b.start || a.q - b.q);
}

/** The quote whose content holds an offset (of those starting last before it, a few looked at), or null. */
function quoteAt(sorted: readonly { start: number; end: number; q: number }[], offset: number): number | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0 && k >= lo - 8; k--) if (offset < sorted[k].end) return sorted[k].q;
  return null;
}

/**
 * Stage: event mentions (PLOVER and CAMEO) with their actors, place, date, status and reporting
 * quote. It needs sentences and tokens; names, timexes and quotes it reads where earlier stages
 * made them (the default pipeline runs it last), so that a pipeline without names or quotes
 * (the bench's --skip-stages, corpus tests) still runs, coding fewer actors.
 */
export function events(options: EventOptions = {}): Stage {
  return {
    name: 'events',
    needs: ['sentences', 'tokens'],
    provides: ['events'],
    run(doc: Doc) {
      doc.events = findEvents(doc, options);
    },
  };
}
