/**
 * A generated news corpus for the connect benchmark: processed articles (Docs with blocks,
 * sentences, tokens with parts of speech, mentions, entities with aliases and roles, quotes
 * with their speakers, events between the names of a sentence) written from templates with a fixed seed, without the tagging models,
 * so that 100,000 articles take a minute to make and every layer agrees with the text.
 *
 * It reads like news over time: articles arrive at a steady rate (`articlesPerDay`), so a
 * larger corpus is a longer history, not a denser one; about `activeStories` stories run at
 * once, each for a few weeks, with its own people (with roles), organisations, places, words
 * and statements that its articles quote; a pool of public figures recurs across stories, and
 * a few names (a head of state, the United States, the United Nations) appear in a large share
 * of all articles. Articles come from a dozen outlets, each with its own page furniture; a
 * share are copies of an earlier article of their story (other furniture, sentences dropped,
 * the end cut off), and some misspell a name (letters swapped, doubled or dropped).
 *
 * The bad inputs of the benchmark have their own generators: thousands of copies of one
 * article (copiesOfOne), one article naming thousands of people (crowdedArticle), one person
 * written thousands of ways across articles (aliasCorpus) and one story of thousands of
 * articles (storyCorpus).
 *
 * @example for (const doc of connectCorpus(1000)) store.put(doc);
 */
import { createDoc, type Block, type Doc, type Entity, type EntityType, type EventMention, type Mention, type Quote, type Role, type Token } from '../../src/doc/doc.ts';
import { EVENT_TYPES } from '../../src/events/plover.ts';
import { hashString } from '../../src/learn/hash.ts';
import { rng } from './corpus.ts';

// ---------------------------------------------------------------- vocabulary (data)

const list = (s: string) => [...new Set(s.trim().split(/\s+/))];

const NOUNS = list(`
  budget plan bill law reform tax tariff deal agreement treaty ceasefire talks summit election vote ballot referendum
  campaign poll strike protest rally march blockade inquiry investigation trial verdict appeal ruling sentence charge
  scandal leak report audit review probe contract tender bid merger takeover bankruptcy loan debt deficit surplus
  inflation price wage pension subsidy grant fund bond currency market export import shipment harvest drought flood
  storm wildfire earthquake outbreak vaccine hospital clinic school university pipeline railway bridge highway airport
  port dam reactor mine refinery factory warehouse border checkpoint embassy sanction embargo convoy drone missile
  attack raid hostage prisoner refugee camp shelter evacuation rescue coalition cabinet parliament committee ministry
  court army navy union stadium festival museum licence permit visa census survey study network outage cyberattack
  breach platform satellite rocket mission water grain fuel power grid tunnel ferry fleet harbour quota fishery forest
  reservoir landfill curfew lockdown quarantine mandate subsidy levy tariff cartel lawsuit settlement injunction
`);
/** Verbs as base, past and third person singular. */
const VERBS = `approve approved approves|reject rejected rejects|announce announced announces|delay delayed delays|block blocked blocks|back backed backs|
  criticise criticised criticises|defend defended defends|launch launched launches|suspend suspended suspends|extend extended extends|
  cancel cancelled cancels|confirm confirmed confirms|deny denied denies|demand demanded demands|propose proposed proposes|sign signed signs|
  halt halted halts|resume resumed resumes|expand expanded expands|cut cut cuts|raise raised raises|freeze froze freezes|review reviewed reviews|
  investigate investigated investigates|challenge challenged challenges|support supported supports|oppose opposed opposes|
  welcome welcomed welcomes|condemn condemned condemns|postpone postponed postpones|revive revived revives|question questioned questions|
  fund funded funds|order ordered orders|seize seized seizes|restore restored restores|close closed closes|open opened opens|scrap scrapped scraps`
  .split('|')
  .map((v) => v.trim().split(' ') as [string, string, string]);
const ADJECTIVES = list(`
  new major controversial disputed planned proposed emergency national regional local federal public private foreign
  domestic economic political military financial legal environmental rural urban coastal northern southern eastern
  western key fragile costly urgent long-awaited temporary permanent secret interim official independent senior
  rival joint massive sudden
`);
const ADVERBS = list('sharply quickly again later recently narrowly openly formally swiftly reportedly');
const PREPOSITIONS = list('in on over for against after before during with across near');
const WEEKDAYS = list('Monday Tuesday Wednesday Thursday Friday Saturday Sunday');
const MONTHS = list('January February March April May June July August September October November December');
const GIVEN = list(`
  Anna Maria Elena Sofia Ines Clara Nadia Leila Amira Hana Yuki Mei Priya Lucia Irina Olga Katya Marta Eva Ingrid
  Freya Zara Noor Fatima Grace Laura Julia Alice David Peter John Michael Samuel Daniel Tomas Pavel Ivan Dmitri Stefan
  Marco Luca Carlos Diego Jorge Ahmed Omar Karim Yusuf Hassan Kenji Hiroshi Wei Rahul Arjun Kwame Kofi Emeka Tunde Lars
  Erik Nils Jonas Felix Oscar Teodor Vera Rosa Aylin Selin Dara Bruno Hugo Nina
`);
const ONSETS = list('b d k l m n p r s t v z br dr kr st gr tr sh ch h g f j');
const VOWELS = list('a e i o u a e o ai ou');
const SURNAME_ENDINGS = ['', 'n', 'v', 'r', 's', 'k', 'ski', 'son', 'ova', 'ez', 'elli', 'berg', 'man', 'ic', 'ov', 'ard', 'ley'];
const CITY_ENDINGS = list('ville ton burg port field haven stad grad mouth bridge');
const ORG_ADJ = list('National Federal Eastern Northern Central United Royal Regional Independent Coastal Western Southern');
const ORG_NOUN = list('Water Energy Grain Rail Health Mining Port Farmers Teachers Steel Fisheries Aviation Housing Textile Transport Nurses Dockers Forestry');
const ORG_KIND = list('Authority Council Union Agency Board Commission Association Party Bank Institute Alliance Federation');
/** Roles written before a name, as titles ("Interior Minister Anna Kovac"). */
const TITLE_ROLES = [
  'Interior Minister', 'Finance Minister', 'Foreign Minister', 'Health Minister', 'Defence Minister', 'Energy Minister', 'Governor',
  'Senator', 'Mayor', 'General', 'Judge', 'Chief Prosecutor', 'Ambassador', 'Police Chief',
];
/** Roles written after a name ("Ivo Lind, a spokesman for the National Water Authority,"). */
const APPOSITIVE_ROLES = ['spokesman', 'spokeswoman', 'lawyer', 'analyst', 'economist', 'union leader', 'chief executive', 'researcher', 'campaigner', 'director', 'adviser', 'negotiator'];
/** Countries the corpus mentions besides the United States, with their demonyms (names the country table knows). */
const COUNTRIES: ReadonlyArray<readonly [string, string]> = [
  ['France', 'French'], ['Germany', 'German'], ['Brazil', 'Brazilian'], ['India', 'Indian'], ['Japan', 'Japanese'], ['Kenya', 'Kenyan'],
  ['Canada', 'Canadian'], ['Mexico', 'Mexican'], ['Poland', 'Polish'], ['Egypt', 'Egyptian'], ['Turkey', 'Turkish'], ['Spain', 'Spanish'],
  ['Italy', 'Italian'], ['Norway', 'Norwegian'], ['Chile', 'Chilean'], ['Nigeria', 'Nigerian'], ['Vietnam', 'Vietnamese'], ['Peru', 'Peruvian'],
];

/** An outlet: its name, a short code for reference lines, its reporters and how likely it publishes (wires publish most). */
interface Outlet {
  name: string;
  code: string;
  reporters: string[];
  weight: number;
}

const OUTLETS: Outlet[] = [
  { name: 'Continental Wire', code: 'CW', reporters: ['Lena Hart', 'Tomasz Brill'], weight: 6 },
  { name: 'Pressline Agency', code: 'PL', reporters: ['Ade Okoro', 'Mia Strand'], weight: 5 },
  { name: 'Northern Herald', code: 'NH', reporters: ['Rob Daly', 'Sara Imre'], weight: 3 },
  { name: 'The Daily Ledger', code: 'DL', reporters: ['Jon Marek', 'Isla Penn'], weight: 3 },
  { name: 'Metro Courier', code: 'MC', reporters: ['Ola Berg', 'Tim Vance'], weight: 2 },
  { name: 'Evening Post', code: 'EP', reporters: ['Kai Lund', 'Dana Ruiz'], weight: 2 },
  { name: 'Coastal Times', code: 'CT', reporters: ['Ben Ash', 'Uma Sen'], weight: 2 },
  { name: 'Capital Report', code: 'CR', reporters: ['Leo Graf', 'Ana Brun'], weight: 2 },
  { name: 'Harbour Gazette', code: 'HG', reporters: ['Ivy Cole', 'Max Orr'], weight: 1 },
  { name: 'Valley Tribune', code: 'VT', reporters: ['Zoe Kemp', 'Raj Dev'], weight: 1 },
  { name: 'Global Dispatch', code: 'GD', reporters: ['Eli Fox', 'Nia Moss'], weight: 2 },
  { name: 'Morning Star Online', code: 'MS', reporters: ['Ted Lowe', 'Amy Quinn'], weight: 1 },
];

/** How statements begin: subjects and modal verbs, word by word with parts of speech. */
const SUBJECTS: Array<Array<[string, string]>> = [[['we', 'PRON']], [['they', 'PRON']], [['nobody', 'PRON']], [['the', 'DET'], ['government', 'NOUN']], [['this', 'DET'], ['country', 'NOUN']]];
const MODALS: Array<Array<[string, string]>> = [[['will', 'AUX']], [['cannot', 'AUX']], [['must', 'AUX']], [['should', 'AUX']], [['would', 'AUX'], ['never', 'ADV']]];

const DAY_MS = 86_400_000;

// ---------------------------------------------------------------- named things and plans

/** A person, organisation, place or group as the world knows it; an article writes it in one of its forms. */
interface Named {
  id: number;
  type: EntityType;
  /** The full form ("Anna Kovac", "National Water Authority", "United States"). */
  full: string;
  /** The short form written after the first mention (a surname, an acronym, "U.S."), if any. */
  short: string | null;
  /** Other forms written now and then ("America"). */
  other: string[];
  role: string | null;
  /** True when the role is a title written before the name. */
  titled: boolean;
}

/** A token of a planned sentence: its text, part of speech and type, and whether a space goes before it. */
interface PlanToken {
  text: string;
  pos: string;
  type: 'word' | 'number' | 'punctuation';
  space: boolean;
  /** The named thing this token names (name tokens only), for misspelling. */
  ref?: number;
}

/** A sentence before it is written: tokens, the names in it, the roles said of them and the quote it holds. */
interface PlanSentence {
  tokens: PlanToken[];
  /** Token ranges [from, to) that name a thing. */
  names: Array<{ ref: Named; from: number; to: number }>;
  roles: Array<{ ref: Named; from: number; to: number }>;
  quote?: { from: number; to: number; cue: number; source: number; kind: 'direct' | 'indirect' };
}

/** An article before it is written: its story, title, paragraphs of sentences, outlet and time. */
interface ArticlePlan {
  story: number;
  title: PlanSentence;
  paragraphs: PlanSentence[][];
  outlet: Outlet;
  time: number;
}

/** Parts of speech of the function words that templates write inside multi-word strings ("according to the"). */
const FUNCTION_WORDS: Record<string, string> = {
  the: 'DET', a: 'DET', an: 'DET', this: 'DET', in: 'ADP', of: 'ADP', for: 'ADP', to: 'ADP', by: 'ADP', on: 'ADP', than: 'ADP',
  when: 'SCONJ', and: 'CCONJ', never: 'ADV', more: 'ADJ', according: 'VERB', began: 'VERB',
};

/** Builds one planned sentence, capitalising its first word. */
class SentenceBuilder {
  readonly s: PlanSentence = { tokens: [], names: [], roles: [] };
  private glueNext = true;
  private started = false;

  private push(text: string, pos: string, type: PlanToken['type'], ref?: number): void {
    // the first word of a sentence, or of a quotation, starts with a capital
    const first = !this.started || this.s.tokens.at(-1)?.text === '“';
    const shown = first && type === 'word' && ref === undefined ? text[0].toUpperCase() + text.slice(1) : text;
    this.started = true;
    this.s.tokens.push({ text: shown, pos, type, space: !this.glueNext, ...(ref === undefined ? {} : { ref }) });
    this.glueNext = false;
  }

  /** Words with a part of speech; in a string of several words, function words get their own. */
  word(text: string, pos: string): this {
    const words = text.split(' ');
    for (const w of words) {
      const number = /^\d[\d,.]*$/.test(w);
      this.push(w, number ? 'NUM' : words.length > 1 ? (FUNCTION_WORDS[w] ?? pos) : pos, number ? 'number' : 'word');
    }
    return this;
  }

  /** Punctuation glued to the word before it (, . : ”) or, for an opening mark, to the word after. */
  punct(text: string): this {
    const opening = text === '“';
    this.s.tokens.push({ text, pos: 'PUNCT', type: 'punctuation', space: opening && this.s.tokens.length > 0 && !this.glueNext });
    this.glueNext = opening;
    return this;
  }

  /** A name written as `form` (tokens PROPN), recorded as naming `ref`. */
  name(ref: Named, form: string): this {
    const from = this.s.tokens.length;
    for (const w of form.split(' ')) this.push(w, 'PROPN', 'word', ref.id);
    this.s.names.push({ ref, from, to: this.s.tokens.length });
    return this;
  }

  role(ref: Named, text: string, pos: string): this {
    const from = this.s.tokens.length;
    this.word(text, pos);
    this.s.roles.push({ ref, from, to: this.s.tokens.length });
    return this;
  }

  get length(): number {
    return this.s.tokens.length;
  }
}

// ---------------------------------------------------------------- the world: stories and their articles

/** How the corpus is generated. Every field has a default. */
export interface ConnectCorpusOptions {
  seed?: number;
  /** Articles a day: the corpus's time span grows with its size. */
  articlesPerDay?: number;
  /** Stories running at once. */
  activeStories?: number;
  /** How long a story runs, in days (shortest, longest). */
  storyDays?: readonly [number, number];
  /** Share of articles that copy an earlier article of their story. */
  copyShare?: number;
  /** Share of articles that misspell one name throughout. */
  misspeltShare?: number;
  /** Shares of articles naming the head of state, the United States and the United Nations. */
  headOfStateShare?: number;
  countryShare?: number;
  unShare?: number;
  /** Publication time of the first article. */
  start?: string;
}

/** The options connectCorpus uses unless told otherwise. */
export const CORPUS_DEFAULTS: Readonly<Required<ConnectCorpusOptions>> = {
  seed: 20250113,
  articlesPerDay: 120,
  activeStories: 40,
  storyDays: [5, 42],
  copyShare: 0.15,
  misspeltShare: 0.05,
  headOfStateShare: 0.2,
  countryShare: 0.3,
  unShare: 0.08,
  start: '2024-01-01T06:00:00Z',
};

interface Statement {
  speaker: Named;
  words: Array<[string, string]>;
}

interface Story {
  id: number;
  people: Named[];
  orgs: Named[];
  place: Named;
  country: Named;
  demonym: Named;
  nouns: string[];
  verbs: Array<[string, string, string]>;
  adjectives: string[];
  statements: Statement[];
  end: number;
  weight: number;
  recent: ArticlePlan[];
}

/** What one article's writing knows: the names mentioned so far (the first mention is written in full). */
interface Writing {
  mentioned: Set<number>;
  story: Story;
  /** Statements already quoted (an article quotes each at most once). */
  quoted: Set<Statement>;
}

const capitalise = (w: string) => w[0].toUpperCase() + w.slice(1);

/** The seeded world: random choices, named things, the common names and the running stories. */
class World {
  readonly random: () => number;
  private nextId = 1;
  private nextStory = 1;
  private readonly usedNames = new Set<string>();
  readonly head: Named;
  readonly usa: Named;
  readonly americans: Named;
  readonly un: Named;
  readonly figures: Named[];

  constructor(readonly opts: Required<ConnectCorpusOptions>) {
    this.random = rng(opts.seed);
    this.head = this.named('PER', 'Helen Marsh', 'Marsh', 'President', true);
    this.usa = this.named('LOC', 'United States', 'U.S.', null, false, ['America']);
    this.americans = this.named('NORP', 'American', null, null, false);
    this.un = this.named('ORG', 'United Nations', 'UN', null, false);
    this.figures = Array.from({ length: 200 }, () => this.person(this.pick(TITLE_ROLES), true));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.random() * (hi - lo + 1));
  }

  named(type: EntityType, full: string, short: string | null, role: string | null, titled: boolean, other: string[] = []): Named {
    return { id: this.nextId++, type, full, short, other, role, titled };
  }

  syllables(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += this.pick(ONSETS) + this.pick(VOWELS);
    return s;
  }

  surname(): string {
    return capitalise(this.syllables(this.chance(0.5) ? 2 : 3) + this.pick(SURNAME_ENDINGS));
  }

  /** A person with a name no other generated person has. */
  person(role: string | null, titled: boolean): Named {
    for (;;) {
      const full = `${this.pick(GIVEN)} ${this.surname()}`;
      if (this.usedNames.has(full)) continue;
      this.usedNames.add(full);
      return this.named('PER', full, full.split(' ').at(-1)!, role, titled);
    }
  }

  org(): Named {
    const words = [this.pick(ORG_ADJ), this.pick(ORG_NOUN), this.pick(ORG_KIND)];
    return this.named('ORG', words.join(' '), words.map((w) => w[0]).join(''), null, false);
  }

  city(): Named {
    return this.named('LOC', capitalise(this.syllables(2)) + this.pick(CITY_ENDINGS), null, null, false);
  }

  story(now: number): Story {
    const [lo, hi] = this.opts.storyDays;
    const [country, demonym] = this.pick(COUNTRIES);
    const orgs = Array.from({ length: this.int(1, 3) }, () => this.org());
    const people = Array.from({ length: this.int(2, 5) }, () =>
      this.chance(0.5) ? this.person(this.pick(TITLE_ROLES), true) : this.person(this.pick(APPOSITIVE_ROLES), false),
    );
    for (let i = this.int(0, 2); i > 0; i--) people.push(this.pick(this.figures));
    const nouns = Array.from({ length: 8 }, () => this.pick(NOUNS));
    const verbs = Array.from({ length: 5 }, () => this.pick(VERBS));
    const adjectives = Array.from({ length: 4 }, () => this.pick(ADJECTIVES));
    const story: Story = {
      id: this.nextStory++,
      people,
      orgs,
      place: this.city(),
      country: this.named('LOC', country, null, null, false),
      demonym: this.named('NORP', demonym, null, null, false),
      nouns,
      verbs,
      adjectives,
      statements: [],
      end: now + (lo + this.random() * (hi - lo)) * DAY_MS,
      weight: 0.2 + this.random() * this.random() * 5,
      recent: [],
    };
    for (let i = this.int(3, 6); i > 0; i--) story.statements.push(this.statement(story));
    return story;
  }

  /** Something a story's person said, as words with parts of speech, quoted by several articles. */
  statement(story: Story): Statement {
    const words: Array<[string, string]> = [];
    const n = this.int(2, 4);
    for (let i = 0; i < n; i++) {
      if (i > 0) words.push(this.pick([['and', 'CCONJ'], ['but', 'CCONJ'], ['because', 'SCONJ'], ['while', 'SCONJ']]));
      words.push(...this.pick(SUBJECTS), ...this.pick(MODALS));
      const [base] = this.pick(story.verbs);
      words.push([base, 'VERB']);
      words.push(['the', 'DET']);
      if (this.chance(0.5)) words.push([this.pick(story.adjectives), 'ADJ']);
      words.push([this.pick(story.nouns), 'NOUN']);
      if (this.chance(0.4)) words.push([this.pick(PREPOSITIONS), 'ADP'], [this.pick(NOUNS), 'NOUN']);
    }
    return { speaker: this.pick(story.people), words };
  }

  // ------------------------------------------------------------ writing an article

  /** Writes a name: the full form (with its role) at the first mention in the article, a short one after. */
  mention(b: SentenceBuilder, w: Writing, ref: Named, allowAppositive = true): void {
    const first = !w.mentioned.has(ref.id);
    w.mentioned.add(ref.id);
    if (first && ref.role && ref.titled) {
      b.role(ref, ref.role, 'PROPN');
      b.name(ref, ref.full);
      return;
    }
    if (first) {
      b.name(ref, ref.full);
      if (ref.role && allowAppositive) {
        b.punct(',').word(/^[aeiou]/.test(ref.role) ? 'an' : 'a', 'DET').role(ref, ref.role, 'NOUN').word('for the', 'ADP');
        this.mention(b, w, this.pick(w.story.orgs), false);
        b.punct(',');
      }
      return;
    }
    const forms = [ref.short ?? ref.full, ...(ref.type === 'ORG' ? [ref.full] : []), ...ref.other];
    b.name(ref, this.chance(0.7) ? (ref.short ?? ref.full) : this.pick(forms));
  }

  noun(w: Writing): string {
    return this.chance(0.7) ? this.pick(w.story.nouns) : this.pick(NOUNS);
  }

  adjective(w: Writing): string {
    return this.chance(0.6) ? this.pick(w.story.adjectives) : this.pick(ADJECTIVES);
  }

  verb(w: Writing): [string, string, string] {
    return this.chance(0.7) ? this.pick(w.story.verbs) : this.pick(VERBS);
  }

  /** The body sentences, one template each; `special` ones name the common entities. */
  private readonly templates: Array<(b: SentenceBuilder, w: Writing) => void> = [
    // lead: a person acts
    (b, w) => {
      this.mention(b, w, this.pick(w.story.people));
      b.word(this.verb(w)[1], 'VERB').word('the', 'DET').word(this.adjective(w), 'ADJ').word(this.noun(w), 'NOUN').word(this.pick(PREPOSITIONS), 'ADP').word('the', 'DET').word(this.noun(w), 'NOUN');
      b.word('in', 'ADP');
      this.mention(b, w, w.story.place);
      b.word('on', 'ADP').word(this.pick(WEEKDAYS), 'PROPN').punct('.');
    },
    // an organisation's decision
    (b, w) => {
      b.word('the', 'DET');
      this.mention(b, w, this.pick(w.story.orgs));
      b.word(this.verb(w)[1], 'VERB').word('that', 'SCONJ').word('the', 'DET').word(this.noun(w), 'NOUN').word('would', 'AUX').word(this.verb(w)[0], 'VERB');
      b.word('the', 'DET').word(this.noun(w), 'NOUN').word(this.pick(PREPOSITIONS), 'ADP');
      this.mention(b, w, this.chance(0.5) ? w.story.country : w.story.place);
      b.punct('.');
    },
    // a direct quote, speaker after
    (b, w) => {
      const st = this.unquoted(w);
      if (!st) return this.templates[4](b, w);
      b.punct('“');
      const from = b.length;
      for (const [t, p] of this.quoted(st)) b.word(t, p);
      const to = b.length;
      b.punct(',').punct('”');
      const source = b.s.names.length;
      this.mention(b, w, st.speaker);
      const cue = b.length;
      b.word('said', 'VERB').punct('.');
      b.s.quote = { from, to, cue, source, kind: 'direct' };
    },
    // a direct quote, speaker first
    (b, w) => {
      const st = this.unquoted(w);
      if (!st) return this.templates[4](b, w);
      const source = b.s.names.length;
      this.mention(b, w, st.speaker, false);
      const cue = b.length;
      b.word('said', 'VERB').punct(':').punct('“');
      const from = b.length;
      for (const [t, p] of this.quoted(st)) b.word(t, p);
      const to = b.length;
      b.punct('.').punct('”');
      b.s.quote = { from, to, cue, source, kind: 'direct' };
    },
    // reported speech
    (b, w) => {
      const source = b.s.names.length;
      this.mention(b, w, this.pick(w.story.people));
      const cue = b.length;
      b.word('said', 'VERB');
      const from = b.length;
      b.word('the', 'DET').word(this.noun(w), 'NOUN').word(this.pick(['would', 'could', 'might']), 'AUX').word(this.verb(w)[0], 'VERB');
      b.word(String(this.int(2, 900)), 'NUM').word(this.noun(w), 'NOUN').word('by', 'ADP').word(this.pick(MONTHS), 'PROPN');
      const to = b.length;
      b.punct('.');
      b.s.quote = { from, to, cue, source, kind: 'indirect' };
    },
    // figures
    (b, w) => {
      b.word('more than', 'ADJ').word(this.int(2, 40) * 50 + '', 'NUM').word('people', 'NOUN').word(this.verb(w)[1], 'VERB').word('the', 'DET').word(this.noun(w), 'NOUN');
      b.word('in', 'ADP');
      this.mention(b, w, w.story.place);
      b.punct(',').word('according to the', 'ADP');
      this.mention(b, w, this.pick(w.story.orgs));
      b.punct('.');
    },
    // background
    (b, w) => {
      b.word('the', 'DET').word(this.adjective(w), 'ADJ').word(this.noun(w), 'NOUN').word(this.verb(w)[1], 'VERB').word(this.pick(ADVERBS), 'ADV');
      b.word(this.pick(PREPOSITIONS), 'ADP').word('the', 'DET').word(this.noun(w), 'NOUN').word('of the', 'ADP').word(this.noun(w), 'NOUN').punct('.');
    },
    // history
    (b, w) => {
      b.word('the', 'DET').word(this.noun(w), 'NOUN').word('began in', 'VERB').word(this.pick(MONTHS), 'PROPN').word('when the', 'SCONJ');
      this.mention(b, w, this.pick(w.story.orgs));
      b.word(this.verb(w)[1], 'VERB').word('a', 'DET').word(this.adjective(w), 'ADJ').word(this.noun(w), 'NOUN').punct('.');
    },
    // a nationality
    (b, w) => {
      this.mention(b, w, w.story.demonym);
      b.word('officials', 'NOUN').word(this.verb(w)[1], 'VERB').word('the', 'DET').word(this.noun(w), 'NOUN').word('on', 'ADP').word(this.pick(WEEKDAYS), 'PROPN').punct('.');
    },
  ];

  /** A statement of the story this article has not quoted yet. */
  private unquoted(w: Writing): Statement | undefined {
    const left = w.story.statements.filter((st) => !w.quoted.has(st));
    const st = left.length ? this.pick(left) : undefined;
    if (st) w.quoted.add(st);
    return st;
  }

  private quoted(st: Statement): Array<[string, string]> {
    // now and then a partial quote: the first two thirds or more of the words
    if (!this.chance(0.2)) return st.words;
    return st.words.slice(0, Math.max(4, Math.ceil(st.words.length * (0.66 + this.random() * 0.3))));
  }

  private headSentence(b: SentenceBuilder, w: Writing): void {
    this.mention(b, w, this.head);
    const [, past] = this.verb(w);
    b.word(past, 'VERB').word('the', 'DET').word(this.noun(w), 'NOUN').word(this.pick(PREPOSITIONS), 'ADP');
    this.mention(b, w, w.story.country);
    b.word('and', 'CCONJ').word(this.pick(VERBS)[1], 'VERB').word('the', 'DET').word(this.adjective(w), 'ADJ').word(this.noun(w), 'NOUN').punct('.');
  }

  private usaSentence(b: SentenceBuilder, w: Writing): void {
    b.word('the', 'DET');
    this.mention(b, w, this.usa);
    b.word(this.pick(['embassy', 'envoy', 'delegation', 'administration']), 'NOUN').word(this.verb(w)[1], 'VERB').word('the', 'DET').word(this.noun(w), 'NOUN');
    if (this.chance(0.4)) {
      b.punct(',').word('and', 'CCONJ');
      this.mention(b, w, this.americans);
      b.word('officials', 'NOUN').word('said', 'VERB').word('they', 'PRON').word('would', 'AUX').word(this.pick(VERBS)[0], 'VERB').word('the', 'DET').word(this.noun(w), 'NOUN');
    }
    b.punct('.');
  }

  private unSentence(b: SentenceBuilder, w: Writing): void {
    b.word('the', 'DET');
    this.mention(b, w, this.un);
    b.word(this.pick(VERBS)[1], 'VERB').word('the', 'DET').word(this.noun(w), 'NOUN').word('in', 'ADP');
    this.mention(b, w, w.story.country);
    b.punct('.');
  }

  /** A new article of a story. */
  write(story: Story, time: number): ArticlePlan {
    const w: Writing = { mentioned: new Set(), story, quoted: new Set() };
    const title = new SentenceBuilder();
    const subject = this.chance(0.6) ? this.pick(story.people) : this.pick(story.orgs);
    title.name(subject, subject.short ?? subject.full);
    title.word(this.verb(w)[2], 'VERB').word(this.adjective(w), 'ADJ').word(this.noun(w), 'NOUN').word('in', 'ADP').name(story.place, story.place.full);
    const sentences: PlanSentence[] = [];
    const body = this.int(8, 20);
    for (let i = 0; i < body; i++) {
      const b = new SentenceBuilder();
      const template = i === 0 ? this.templates[0] : this.pick(this.templates);
      template(b, w);
      sentences.push(b.s);
    }
    const insert = (make: (b: SentenceBuilder, w: Writing) => void) => {
      const b = new SentenceBuilder();
      make(b, w);
      sentences.splice(1 + Math.floor(this.random() * sentences.length), 0, b.s);
    };
    if (this.chance(this.opts.headOfStateShare)) insert((b) => this.headSentence(b, w));
    if (this.chance(this.opts.countryShare)) insert((b) => this.usaSentence(b, w));
    if (this.chance(this.opts.unShare)) insert((b) => this.unSentence(b, w));
    const paragraphs: PlanSentence[][] = [];
    for (let i = 0; i < sentences.length; ) {
      const n = this.int(1, 3);
      paragraphs.push(sentences.slice(i, i + n));
      i += n;
    }
    return { story: story.id, title: title.s, paragraphs, outlet: this.outlet(), time };
  }

  outlet(except?: Outlet): Outlet {
    const pool = OUTLETS.filter((o) => o !== except);
    let r = this.random() * pool.reduce((s, o) => s + o.weight, 0);
    for (const o of pool) {
      r -= o.weight;
      if (r <= 0) return o;
    }
    return pool[pool.length - 1];
  }

  /** A copy of an earlier article: another outlet, and maybe sentences dropped or the end cut off. */
  copy(plan: ArticlePlan, time: number): ArticlePlan {
    const kind = this.pick(['furniture', 'dropped', 'truncated'] as const);
    let paragraphs = plan.paragraphs;
    if (kind === 'dropped') {
      paragraphs = paragraphs.map((p) => p.filter(() => this.chance(0.75))).filter((p) => p.length);
      if (!paragraphs.length) paragraphs = plan.paragraphs.slice(0, 1);
    } else if (kind === 'truncated') paragraphs = paragraphs.slice(0, Math.max(1, Math.ceil(paragraphs.length * (0.5 + this.random() * 0.3))));
    return { ...plan, paragraphs, outlet: this.outlet(plan.outlet), time };
  }

  /** Misspells a word the way rewritten copy does: two letters swapped, one doubled or one dropped (never the first). */
  misspell(word: string): string {
    if (word.length < 4) return word;
    const i = this.int(1, word.length - 2);
    const kind = this.int(0, 2);
    if (kind === 0) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    if (kind === 1) return word.slice(0, i) + word[i] + word.slice(i);
    return word.slice(0, i) + word.slice(i + 1);
  }

  /** The misspelling an article makes, if any: one person's surname throughout. */
  garbling(plan: ArticlePlan): Garbling | undefined {
    if (!this.chance(this.opts.misspeltShare)) return undefined;
    const people = plan.paragraphs.flat().flatMap((s) => s.names.map((n) => n.ref)).filter((r) => r.type === 'PER' && r.short);
    if (!people.length) return undefined;
    const ref = this.pick(people);
    const to = this.misspell(ref.short!);
    return to === ref.short ? undefined : { ref: ref.id, from: ref.short!, to };
  }
}

/** One person's surname written another way throughout an article. */
interface Garbling {
  ref: number;
  from: string;
  to: string;
}

// ---------------------------------------------------------------- writing a plan out as a Doc

/** Page furniture: lines an outlet puts above and below an article, with a unique reference line last. */
function furniture(random: () => number, outlet: Outlet, time: number, serial: number): { top: PlanSentence[]; bottom: PlanSentence[] } {
  const date = new Date(time);
  const top: string[] = [];
  const bottom: string[] = [];
  const reporter = outlet.reporters[Math.floor(random() * outlet.reporters.length)];
  if (random() < 0.7) top.push(`By ${reporter}`);
  if (random() < 0.4) top.push(`Updated ${WEEKDAYS[date.getUTCDay() === 0 ? 6 : date.getUTCDay() - 1]} ${date.getUTCHours()}:${String(date.getUTCMinutes()).padStart(2, '0')}`);
  if (random() < 0.5) bottom.push(`Reporting by ${reporter}; editing by ${outlet.reporters[0]}.`);
  if (random() < 0.4) bottom.push('Share this article on social media.');
  if (random() < 0.3) bottom.push(`Sign up for the ${outlet.name} morning briefing.`);
  if (random() < 0.6) bottom.push(`Copyright ${date.getUTCFullYear()} ${outlet.name}. All rights reserved.`);
  bottom.push(`Ref ${outlet.code}-${serial.toString(36)}`);
  return { top: top.map(plainSentence), bottom: bottom.map(plainSentence) };
}

const FUNCTION_POS: Record<string, string> = {
  by: 'ADP', for: 'ADP', on: 'ADP', the: 'DET', this: 'DET', all: 'DET', and: 'CCONJ', up: 'ADP', ref: 'NOUN', share: 'VERB', sign: 'VERB',
  reporting: 'VERB', editing: 'VERB', updated: 'VERB', reserved: 'VERB', rights: 'NOUN', article: 'NOUN', social: 'ADJ', media: 'NOUN',
  morning: 'NOUN', briefing: 'NOUN', copyright: 'NOUN',
};

/** A furniture line as one sentence: capitalised words read as names, digits as numbers. */
function plainSentence(line: string): PlanSentence {
  const tokens: PlanToken[] = [];
  for (const m of line.matchAll(/[\p{L}\p{N}][\p{L}\p{N}:-]*|[^\s\p{L}\p{N}]/gu)) {
    const text = m[0];
    const space = m.index > 0 && line[m.index - 1] === ' ';
    if (!/[\p{L}\p{N}]/u.test(text)) tokens.push({ text, pos: 'PUNCT', type: 'punctuation', space });
    else if (/^\d/.test(text)) tokens.push({ text, pos: 'NUM', type: 'number', space });
    else tokens.push({ text, pos: FUNCTION_POS[text.toLowerCase()] ?? (/^\p{Lu}/u.test(text) ? 'PROPN' : 'NOUN'), type: 'word', space });
  }
  return { tokens, names: [], roles: [] };
}

interface Written {
  text: string;
  tokens: Token[];
  sentences: Array<{ start: number; end: number }>;
  blocks: Block[];
  /** Mentions with the named thing behind each, in text order. */
  mentions: Array<{ start: number; end: number; ref: Named }>;
  roles: Array<Role & { ref: Named }>;
  quotes: Array<{ content: { start: number; end: number }; cue: { start: number; end: number }; mention: number; kind: 'direct' | 'indirect' }>;
}

/** Writes sentences as text, line by line, and records every layer's spans. */
function writeOut(lines: Array<{ kind: Block['kind']; sentences: PlanSentence[] }>, garble: Garbling | undefined): Written {
  const out: Written = { text: '', tokens: [], sentences: [], blocks: [], mentions: [], roles: [], quotes: [] };
  const parts: string[] = [];
  let at = 0;
  const add = (piece: string) => {
    parts.push(piece);
    at += piece.length;
  };
  lines.forEach((line, li) => {
    if (li > 0) add('\n\n');
    const blockStart = at;
    line.sentences.forEach((s, si) => {
      if (si > 0) add(' ');
      const spans: Array<{ start: number; end: number }> = [];
      for (const t of s.tokens) {
        if (t.space && spans.length) add(' ');
        const start = at;
        add(garble && t.ref === garble.ref && t.text === garble.from ? garble.to : t.text);
        spans.push({ start, end: at });
        out.tokens.push({ start, end: at, pos: t.pos, type: t.type });
      }
      if (!spans.length) return;
      out.sentences.push({ start: spans[0].start, end: spans[spans.length - 1].end });
      // names and roles in text order (a role before its name, a role after its name)
      const firstMention = out.mentions.length;
      const marks = [
        ...s.names.map((n) => ({ kind: 'name' as const, ...n })),
        ...s.roles.map((r) => ({ kind: 'role' as const, ...r })),
      ].sort((a, b) => a.from - b.from);
      for (const m of marks) {
        const span = { start: spans[m.from].start, end: spans[m.to - 1].end };
        if (m.kind === 'name') out.mentions.push({ ...span, ref: m.ref });
        else out.roles.push({ ...span, text: s.tokens.slice(m.from, m.to).map((t, k) => (k > 0 && t.space ? ' ' : '') + t.text).join(''), ref: m.ref });
      }
      if (s.quote) {
        const q = s.quote;
        out.quotes.push({
          content: { start: spans[q.from].start, end: spans[q.to - 1].end },
          cue: spans[q.cue],
          mention: firstMention + q.source,
          kind: q.kind,
        });
      }
    });
    out.blocks.push({ start: blockStart, end: at, kind: line.kind });
  });
  out.text = parts.join('');
  return out;
}

/** The Doc of a plan, as the pipeline would have left it: text, blocks, sentences, tokens, mentions, entities, quotes. */
function render(random: () => number, plan: ArticlePlan, serial: number, garble: Garbling | undefined): Doc {
  const f = furniture(random, plan.outlet, plan.time, serial);
  const written = writeOut(
    [
      { kind: 'title', sentences: [plan.title] },
      ...f.top.map((s) => ({ kind: 'paragraph' as const, sentences: [s] })),
      ...plan.paragraphs.map((p) => ({ kind: 'paragraph' as const, sentences: p })),
      ...f.bottom.map((s) => ({ kind: 'paragraph' as const, sentences: [s] })),
    ],
    garble,
  );
  const titleEnd = written.blocks[0].end;
  const doc = createDoc(written.text, 'text', {
    title: written.text.slice(0, titleEnd),
    outlet: plan.outlet.name,
    published: new Date(plan.time).toISOString(),
    language: 'en',
    source: `generated:${serial}`,
  });
  doc.blocks = written.blocks;
  doc.sentences = written.sentences;
  doc.tokens = written.tokens;
  // one entity per named thing, in order of first mention, under its fullest form
  const entityOf = new Map<number, number>();
  const forms: Array<Map<string, number>> = [];
  written.mentions.forEach((m, i) => {
    let e = entityOf.get(m.ref.id);
    if (e === undefined) {
      e = doc.entities.length;
      entityOf.set(m.ref.id, e);
      doc.entities.push({ type: m.ref.type, name: '', aliases: [], mentions: [], roles: [] });
      forms.push(new Map());
    }
    const form = written.text.slice(m.start, m.end);
    forms[e].set(form, (forms[e].get(form) ?? 0) + 1);
    doc.entities[e].mentions.push(i);
    doc.mentions.push({ start: m.start, end: m.end, type: m.ref.type, entity: e } satisfies Mention);
  });
  doc.entities.forEach((entity: Entity, e) => {
    const ranked = [...forms[e].keys()].sort((a, b) => b.split(' ').length - a.split(' ').length || b.length - a.length || (a < b ? -1 : 1));
    entity.name = ranked[0];
    entity.aliases = ranked.slice(1);
  });
  for (const r of written.roles) {
    const e = entityOf.get(r.ref.id);
    if (e !== undefined) doc.entities[e].roles.push({ start: r.start, end: r.end, text: r.text });
  }
  doc.events = eventsOf(doc);
  doc.quotes = written.quotes.map((q): Quote => {
    const m = doc.mentions[q.mention];
    return {
      content: q.content,
      cue: q.cue,
      source: { start: m.start, end: m.end },
      kind: q.kind,
      speaker: { name: doc.entities[m.entity].name, entity: m.entity, span: { start: m.start, end: m.end }, how: 'named' },
      via: [],
    };
  });
  return doc;
}

/**
 * The events of a written article, as the events stage would leave them: in each sentence with
 * a verb and two named things, the verb is the trigger of an event of a type its words choose,
 * the first name acts on the second, a third name that is a place is where, and half of them
 * state a day (the article's, or the day before) while the rest take the article's date. The
 * choices hash the sentence's words, so copies of an article tell the same events.
 */
function eventsOf(doc: Doc): EventMention[] {
  const day = doc.meta.published!.slice(0, 10);
  const before = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const out: EventMention[] = [];
  let m = 0;
  doc.sentences.forEach((sentence, index) => {
    const verb = doc.tokens.find((t) => t.start >= sentence.start && t.end <= sentence.end && t.pos === 'VERB');
    while (m < doc.mentions.length && doc.mentions[m].start < sentence.start) m++;
    const names: Mention[] = [];
    for (let k = m; k < doc.mentions.length && doc.mentions[k].end <= sentence.end; k++) names.push(doc.mentions[k]);
    const parties = names.filter((n) => n.type !== 'LOC');
    if (!verb || parties.length < 2 || parties[0].entity === parties[1].entity) return;
    const h = hashString(doc.text.slice(sentence.start, sentence.end));
    const actor = (n: Mention) => ({ start: n.start, end: n.end, text: doc.text.slice(n.start, n.end), entity: n.entity, country: null, sector: null });
    const place = names.find((n) => n.type === 'LOC');
    out.push({
      type: EVENT_TYPES[h % EVENT_TYPES.length],
      mode: null,
      context: null,
      cameo: '010',
      trigger: { start: verb.start, end: verb.end },
      source: [actor(parties[0])],
      target: [actor(parties[1])],
      where: place ? { start: place.start, end: place.end, name: doc.entities[place.entity].name, entity: place.entity, country: null } : null,
      when: (h >>> 4) % 2 ? { value: (h >>> 5) % 2 ? day : before, from: 'timex', timex: null } : { value: day, from: 'article', timex: null },
      status: 'asserted',
      reportedBy: null,
      sentence: index,
    });
  });
  return out;
}

// ---------------------------------------------------------------- the corpora

/** Extra text a bad-input case adds to an article before it is written. */
type Extend = (world: World, plan: ArticlePlan, index: number) => void;

function* stream(n: number, options: ConnectCorpusOptions, extend?: Extend): Generator<Doc> {
  const opts = { ...CORPUS_DEFAULTS, ...options };
  const world = new World(opts);
  const random = world.random;
  let now = Date.parse(opts.start);
  const stories: Story[] = [];
  for (let i = 0; i < n; i++) {
    now += Math.round((-Math.log(1 - random()) * DAY_MS) / opts.articlesPerDay);
    for (let s = 0; s < stories.length; s++) if (stories[s].end < now) stories.splice(s--, 1);
    while (stories.length < opts.activeStories) stories.push(world.story(now));
    let r = random() * stories.reduce((sum, s) => sum + s.weight, 0);
    let story = stories[stories.length - 1];
    for (const s of stories) {
      r -= s.weight;
      if (r <= 0) {
        story = s;
        break;
      }
    }
    // a long story gathers new people now and then
    if (world.chance(0.02) && story.people.length < 60) story.people.push(world.person(world.pick(APPOSITIVE_ROLES), false));
    let plan: ArticlePlan;
    if (story.recent.length && world.chance(opts.copyShare)) plan = world.copy(world.pick(story.recent), now);
    else {
      plan = world.write(story, now);
      story.recent.push(plan);
      if (story.recent.length > 6) story.recent.shift();
    }
    if (extend) {
      plan = { ...plan, paragraphs: [...plan.paragraphs] };
      extend(world, plan, i);
    }
    yield render(random, plan, i, world.garbling(plan));
  }
}

/**
 * `n` articles of a generated news corpus, one at a time, in publication order: the same
 * articles for the same seed and options.
 *
 * @example const docs = [...connectCorpus(100, { seed: 7 })];
 */
export function connectCorpus(n: number, options: ConnectCorpusOptions = {}): Generator<Doc> {
  return stream(n, options);
}

/**
 * One article and `n - 1` copies of it (other outlets and furniture, sentences dropped, the end
 * cut off, now and then a name misspelt), published over a few days.
 */
export function* copiesOfOne(n: number, seed = 3): Generator<Doc> {
  const world = new World({ ...CORPUS_DEFAULTS, seed });
  let now = Date.parse(CORPUS_DEFAULTS.start);
  const story = world.story(now);
  const original = world.write(story, now);
  for (let i = 0; i < n; i++) {
    const plan = i === 0 ? original : world.copy(original, (now += Math.round(world.random() * 120_000)));
    yield render(world.random, plan, i, i === 0 ? undefined : world.garbling(plan));
  }
}

/**
 * One article naming `people` different people (a list of candidates, twelve to a sentence),
 * each once, with a few sentences of an ordinary story around them.
 */
export function crowdedArticle(people: number, seed = 5, serial = 0): Doc {
  const world = new World({ ...CORPUS_DEFAULTS, seed });
  const now = Date.parse(CORPUS_DEFAULTS.start);
  const story = world.story(now);
  const plan = world.write(story, now);
  const lists: PlanSentence[][] = [];
  for (let named = 0; named < people; ) {
    const b = new SentenceBuilder();
    b.word('candidates in the', 'NOUN').name(story.place, story.place.full).word('district', 'NOUN').word('include', 'VERB');
    const n = Math.min(12, people - named);
    for (let i = 0; i < n; i++, named++) {
      if (i > 0) i === n - 1 ? b.word('and', 'CCONJ') : b.punct(',');
      const p = world.person(null, false);
      b.name(p, p.full);
    }
    b.punct('.');
    lists.push([b.s]);
  }
  return render(world.random, { ...plan, paragraphs: [plan.paragraphs[0], ...lists, ...plan.paragraphs.slice(1)] }, serial, undefined);
}

const ALIAS_BASE = ['Aleksandr', 'Volodymyrovych', 'Sternenko'];

/** Another way of writing a name: one to three slips (letters swapped, doubled, dropped or transliterated), the middle name sometimes left out. */
function variantOf(world: World, words: readonly string[]): string {
  const out = world.chance(0.3) ? [words[0], words[2]] : [...words];
  for (let edits = world.int(1, 3); edits > 0; edits--) {
    const i = world.int(0, out.length - 1);
    const w = out[i];
    const swap = ([['ks', 'x'], ['v', 'w'], ['y', 'j'], ['i', 'y'], ['o', 'a'], ['e', 'i']] as const).filter(([a]) => w.slice(1).includes(a));
    if (swap.length && world.chance(0.3)) {
      const [a, b] = world.pick(swap);
      const at = w.indexOf(a, 1);
      out[i] = w.slice(0, at) + b + w.slice(at + a.length);
    } else out[i] = world.misspell(w);
  }
  return out.join(' ');
}

/**
 * `n` articles of the ordinary corpus, each with a paragraph about one person whose name the
 * corpus writes `variants` different ways, `variants / n` of them (rounded up) in each article,
 * where they are one entity under its longest form.
 */
export function aliasCorpus(n: number, variants: number, seed = 11): { docs: Generator<Doc>; forms: string[] } {
  const world = new World({ ...CORPUS_DEFAULTS, seed: seed + 1 });
  const forms = new Set<string>();
  for (let guard = 0; forms.size < variants && guard < variants * 100; guard++) forms.add(variantOf(world, ALIAS_BASE));
  const all = [...forms];
  const perArticle = Math.ceil(all.length / n);
  const person = world.named('PER', ALIAS_BASE.join(' '), null, 'opposition leader', false);
  const extend: Extend = (w, plan, index) => {
    const mine = all.slice(index * perArticle, (index + 1) * perArticle);
    if (!mine.length) return;
    const paragraph: PlanSentence[] = mine.map((form, k) => {
      const b = new SentenceBuilder();
      if (k === 0) b.role(person, 'opposition leader', 'NOUN');
      b.name(person, form);
      b.word(w.pick(VERBS)[1], 'VERB').word('the', 'DET').word(w.pick(NOUNS), 'NOUN').word('on', 'ADP').word(w.pick(WEEKDAYS), 'PROPN').punct('.');
      return b.s;
    });
    plan.paragraphs.splice(1, 0, paragraph);
  };
  return { docs: stream(n, { seed }, extend), forms: all };
}

/** `n` articles of one story that runs throughout, gathering people as it goes; copies among them as in the ordinary corpus. */
export function storyCorpus(n: number, seed = 13): Generator<Doc> {
  return stream(n, { seed, activeStories: 1, storyDays: [1e6, 1e6] });
}
