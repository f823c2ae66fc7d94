import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../../doc/span.ts';
import { dataDir } from '../../learn/script-options.ts';
import { detokenize } from './detokenize.ts';

/**
 * A reader for ECB+ 1.0 (Cybulska and Vossen, 2014): 982 tokenized news texts in 43 topics,
 * each topic holding two seminal events — the `<topic>_<n>ecb.xml` texts one, the
 * `<topic>_<n>ecbplus.xml` texts another — with mentions of actions, times, locations and
 * participants, and their coreference within and across documents.
 */

/** Which half of a topic a text belongs to: ECB's original texts or ECB+'s added ones (a different event of the same kind). */
export type Subtopic = 'ecb' | 'ecbplus';

/** A part of the corpus by topic. */
export type Split = 'train' | 'dev' | 'test';

/**
 * The two splits by topic in use: `yang` (Yang et al., 2015: topics 1–22 train, 23–25 dev,
 * 26–45 test) and `cybulska` (Cybulska and Vossen, 2015, which most work since Barhom et al.,
 * 2019, reports on: topics 2, 5, 12, 18, 21, 23, 34, 35 dev, 36–45 test, the rest train).
 */
export type SplitSetup = 'yang' | 'cybulska';

const CYBULSKA_DEV: ReadonlySet<number> = new Set([2, 5, 12, 18, 21, 23, 34, 35]);

/** What a mention names: a participant or place (entity), an action (event), or a time. */
export type MentionKind = 'entity' | 'event' | 'time';

/** Where a gold mention's cluster comes from. */
export type ClusterSource = 'cross-doc' | 'intra-doc' | 'singleton';

/** A token of an ECB+ text and where it stands in the rebuilt text. */
export interface EcbToken extends Span {
  /** The token's `t_id`. */
  id: number;
  /** The token's `sentence` number (0 is the title in ECB texts, the source address in ECB+ texts). */
  sentence: number;
  /** The token as the corpus gives it (the text may show a typographic form of it, “ for ``). */
  form: string;
}

/** A sentence of the rebuilt text (one line), and whether its annotation is complete. */
export interface EcbSentence extends Span {
  number: number;
  /** Listed in ECBplus_coreference_sentences.csv: its mentions and coreference were fully annotated. */
  complete: boolean;
}

/** A gold mention: a markable anchored to tokens. */
export interface EcbMention extends Span {
  /** `<document id>/<m_id>`, unique in the corpus. */
  id: string;
  doc: string;
  kind: MentionKind;
  /** The annotation tag: HUMAN_PART_PER, LOC_GEO, ACTION_OCCURRENCE, TIME_DATE… */
  type: string;
  /** The anchor tokens' `t_id`s, in text order. */
  tokens: number[];
  /**
   * A crude head token: the last word before any post-modifier, not punctuation or a clitic,
   * leading prepositions passed over ("Lohan" in "Lindsay Lohan 's", "hut" in "a small hut on
   * Mount Sefton", "Zealand" in "in New Zealand").
   */
  head: Span;
  sentence: number;
  /** Whether the mention's sentence is in the complete-annotation list: evaluate only these. */
  complete: boolean;
  /**
   * The gold cluster: the cross-document instance id where the mention is in a
   * CROSS_DOC_COREF relation, else `<document id>/chain/<m_id>` for an INTRA_DOC_COREF chain
   * (named by its smallest member), else `<document id>/<m_id>` alone.
   */
  cluster: string;
  clusterSource: ClusterSource;
}

/** One ECB+ text with its rebuilt text, tokens and gold mentions. */
export interface EcbDocument {
  /** The file name without `.xml`: `1_10ecbplus`. */
  id: string;
  topic: number;
  subtopic: Subtopic;
  split: Split;
  /** The text rebuilt from the tokens, one sentence per line. */
  text: string;
  /** The source address an ECB+ text opens with (its sentence 0, which holds no mention), or null. */
  url: string | null;
  /** Where the article itself begins in `text`: after the address line, if there is one. */
  bodyStart: number;
  tokens: EcbToken[];
  sentences: EcbSentence[];
  mentions: EcbMention[];
}

/** The corpus as read, with what the reader noticed on the way (odd annotations it left out or resolved). */
export interface EcbCorpus {
  root: string;
  documents: EcbDocument[];
  notes: string[];
}

/** Annotation tags by prefix, in the order they are tried (NEG_ACTION before ACTION). */
const KIND_BY_PREFIX: ReadonlyArray<readonly [string, MentionKind]> = [
  ['HUMAN_PART', 'entity'],
  ['NON_HUMAN_PART', 'entity'],
  ['LOC', 'entity'],
  ['NEG_ACTION', 'event'],
  ['ACTION', 'event'],
  ['TIME', 'time'],
];

/** The kind of an annotation tag, or undefined for tags that name no mention (UNKNOWN_INSTANCE_TAG). */
export function mentionKind(tag: string): MentionKind | undefined {
  return KIND_BY_PREFIX.find(([prefix]) => tag.startsWith(prefix))?.[1];
}

/**
 * The split a topic belongs to, by default Yang et al.'s (1–22 train, 23–25 dev, 26–45 test).
 *
 * @example splitOfTopic(24) // 'dev'; splitOfTopic(24, 'cybulska') // 'train'
 */
export function splitOfTopic(topic: number, setup: SplitSetup = 'yang'): Split {
  if (!Number.isInteger(topic) || topic < 1) throw new TypeError(`not an ECB+ topic: ${topic}`);
  if (setup === 'cybulska') return topic >= 36 ? 'test' : CYBULSKA_DEV.has(topic) ? 'dev' : 'train';
  return topic <= 22 ? 'train' : topic <= 25 ? 'dev' : 'test';
}

/**
 * The article itself: the text without the address line an ECB+ text opens with.
 *
 * @example bodyText(doc) // 'Lindsay Lohan checks into Betty Ford Center\nMay 03, 2013\n…'
 */
export function bodyText(doc: Pick<EcbDocument, 'text' | 'bodyStart'>): string {
  return doc.text.slice(doc.bodyStart);
}

/** Where ECB+ lives unless a path is given: `crossdoc/ecbplus` in the shared data folder (`../shared/data`). */
export function defaultEcbPlusRoot(): string {
  return join(dataDir(), 'crossdoc', 'ecbplus');
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return XML_ENTITIES[name] ?? all;
  });
}

function attributes(s: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of s.matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g)) out.set(m[1], decodeXml(m[2]));
  return out;
}

/** Punctuation and clitics that a head should skip. */
const NOT_A_HEAD = /^(?:[\p{P}\p{S}]+|['’](?:s|re|ve|m|ll|d)|n['’]t)$/iu;
/** Words that open a post-modifier ("a hut on Mount Sefton", "Simpson, 27", "the man who"), or that ECB+ mentions of places open with ("in New Zealand"). */
const MODIFIER_OPENERS: ReadonlySet<string> = new Set(
  'in on at of from to near off above below into inside outside across around through within for by over under behind between toward towards along throughout via who whom whose which that , ( ; :'.split(' '),
);

/**
 * A crude head of a mention's tokens: leading prepositions skipped, the words up to the
 * first post-modifier opener kept, and of those the last that is not punctuation, a clitic or
 * the "s" of a split "’ s".
 */
function headOf(tokens: readonly EcbToken[]): EcbToken {
  let from = 0;
  while (from < tokens.length - 1 && MODIFIER_OPENERS.has(tokens[from].form.toLowerCase())) from++;
  let to = from + 1;
  while (to < tokens.length && !MODIFIER_OPENERS.has(tokens[to].form.toLowerCase())) to++;
  for (let k = to - 1; k >= from; k--) {
    const t = tokens[k];
    const splitClitic = /^s$/i.test(t.form) && k > 0 && /^['’]$/.test(tokens[k - 1].form);
    if (!NOT_A_HEAD.test(t.form) && !splitClitic) return t;
  }
  return tokens[tokens.length - 1];
}

/** Reads ECBplus_coreference_sentences.csv: the complete-annotation sentence numbers by document id (`1_10ecbplus`). */
export function readCompleteSentences(csv: string): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const line of csv.split(/\r?\n/).slice(1)) {
    const [topic, file, sentence] = line.split(',').map((c) => c.trim());
    if (!topic || !file || sentence === undefined || sentence === '') continue;
    const id = `${topic}_${file}`;
    let set = out.get(id);
    if (!set) out.set(id, (set = new Set()));
    set.add(Number(sentence));
  }
  return out;
}

/**
 * Reads one ECB+ XML file. `id` is its file name without `.xml` (`1_10ecbplus`), which gives
 * its topic and subtopic; `complete` the numbers of its complete-annotation sentences; `notes`
 * collects what the reader noticed.
 *
 * @example const doc = readEcbDocument(readFileSync('docs/1/1_10ecbplus.xml', 'utf8'), '1_10ecbplus', new Set([1, 3]));
 */
export function readEcbDocument(xml: string, id: string, complete: ReadonlySet<number>, notes: string[] = [], setup: SplitSetup = 'yang'): EcbDocument {
  const name = /^(\d+)_\d+(ecb|ecbplus)$/.exec(id);
  if (!name) throw new TypeError(`not an ECB+ document id: ${id}`);
  const topic = Number(name[1]);
  const subtopic = name[2] as Subtopic;

  const raw = [...xml.matchAll(/<token\b([^>]*)>([^<]*)<\/token>/g)].map((m) => {
    const a = attributes(m[1]);
    return { id: Number(a.get('t_id')), sentence: Number(a.get('sentence')), form: decodeXml(m[2]) };
  });
  const numbers = [...new Set(raw.map((t) => t.sentence))].sort((a, b) => a - b);
  const rows = numbers.map((n) => raw.filter((t) => t.sentence === n));
  const unspaced = new Set<number>();
  // ECB+ texts open with their source address, cut into tokens, as sentence 0
  if (subtopic === 'ecbplus' && numbers[0] === 0 && /^https?$/.test(rows[0][0]?.form ?? '')) unspaced.add(0);
  const built = detokenize(
    rows.map((r) => r.map((t) => t.form)),
    { splitHyphens: subtopic === 'ecbplus', unspaced },
  );
  const tokens: EcbToken[] = rows.flatMap((r, s) => r.map((t, k) => ({ ...t, ...built.spans[s][k] })));
  const sentences: EcbSentence[] = rows.map((r, s) => ({
    number: numbers[s],
    start: built.spans[s][0].start,
    end: built.spans[s][r.length - 1].end,
    complete: complete.has(numbers[s]),
  }));
  const tokenById = new Map(tokens.map((t, i) => [t.id, i]));

  const markables = /<Markables>([\s\S]*?)<\/Markables>/.exec(xml)?.[1] ?? '';
  const mentions: EcbMention[] = [];
  for (const m of markables.matchAll(/<([A-Z_]+)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/g)) {
    const tag = m[1];
    const a = attributes(m[2]);
    const anchors = [...(m[3] ?? '').matchAll(/<token_anchor\b([^>]*)\/?>/g)].map((t) => Number(attributes(t[1]).get('t_id')));
    if (anchors.length === 0) continue; // a cross-document instance, not a mention in the text
    const kind = mentionKind(tag);
    if (!kind) {
      notes.push(`${id}: markable ${a.get('m_id')} has the tag ${tag}, which names no mention; left out`);
      continue;
    }
    const at = anchors.map((t) => tokenById.get(t)).filter((i): i is number => i !== undefined);
    if (at.length < anchors.length) notes.push(`${id}: markable ${a.get('m_id')} anchors to tokens the text lacks`);
    if (at.length === 0) continue;
    at.sort((x, y) => x - y);
    const first = tokens[at[0]];
    const last = tokens[at[at.length - 1]];
    const headToken = headOf(at.map((i) => tokens[i]));
    const mid = a.get('m_id') ?? '';
    mentions.push({
      id: `${id}/${mid}`,
      doc: id,
      kind,
      type: tag,
      tokens: at.map((i) => tokens[i].id),
      start: first.start,
      end: last.end,
      head: { start: headToken.start, end: headToken.end },
      sentence: first.sentence,
      complete: complete.has(first.sentence),
      cluster: `${id}/${mid}`,
      clusterSource: 'singleton',
    });
  }
  assignClusters(xml, id, mentions, notes);
  mentions.sort((x, y) => x.start - y.start || x.end - y.end);
  const url = unspaced.has(0) ? built.text.slice(sentences[0].start, sentences[0].end) : null;
  const bodyStart = url === null ? 0 : (sentences[1]?.start ?? built.text.length);
  return { id, topic, subtopic, split: splitOfTopic(topic, setup), text: built.text, url, bodyStart, tokens, sentences, mentions };
}

/**
 * Gives each mention its gold cluster: CROSS_DOC_COREF relations name it by their note (the
 * instance id); INTRA_DOC_COREF relations join their members into chains (a chain touching
 * a cross-document instance joins that instance); the rest stay singletons.
 */
function assignClusters(xml: string, id: string, mentions: EcbMention[], notes: string[]): void {
  const byMid = new Map(mentions.map((m) => [m.id.slice(id.length + 1), m]));
  const relations = /<Relations>([\s\S]*?)<\/Relations>/.exec(xml)?.[1] ?? '';
  const chains: string[][] = [];
  for (const r of relations.matchAll(/<(CROSS_DOC_COREF|INTRA_DOC_COREF)\b([^>]*)>([\s\S]*?)<\/\1>/g)) {
    const a = attributes(r[2]);
    const members = [...r[3].matchAll(/<(?:source|target)\b([^>]*)\/?>/g)].map((s) => attributes(s[1]).get('m_id') ?? '');
    if (r[1] === 'INTRA_DOC_COREF') {
      chains.push(members);
      continue;
    }
    const note = a.get('note');
    if (!note) {
      notes.push(`${id}: CROSS_DOC_COREF ${a.get('r_id')} has no instance note; left out`);
      continue;
    }
    for (const mid of members) {
      const m = byMid.get(mid);
      if (!m) continue; // the instance markable itself
      if (m.clusterSource === 'cross-doc' && m.cluster !== note) {
        notes.push(`${id}: mention ${mid} is in two cross-document instances (${m.cluster}, ${note}); the first kept`);
        continue;
      }
      m.cluster = note;
      m.clusterSource = 'cross-doc';
    }
  }
  // chains may share members: join them before naming them
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const chain of chains) {
    for (const mid of chain) if (!parent.has(mid)) parent.set(mid, mid);
    for (const mid of chain.slice(1)) {
      const [x, y] = [find(chain[0]), find(mid)];
      if (x !== y) parent.set(x, y);
    }
  }
  const groups = new Map<string, EcbMention[]>();
  for (const mid of parent.keys()) {
    const m = byMid.get(mid);
    if (!m) continue;
    const root = find(mid);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root)!.push(m);
  }
  for (const group of groups.values()) {
    const instances = [...new Set(group.filter((m) => m.clusterSource === 'cross-doc').map((m) => m.cluster))];
    if (instances.length > 1) notes.push(`${id}: a within-document chain touches ${instances.length} cross-document instances; its other members join the first`);
    const name = instances[0] ?? `${id}/chain/${Math.min(...group.map((m) => Number(m.id.slice(id.length + 1))))}`;
    if (instances.length > 0 && group.some((m) => m.clusterSource !== 'cross-doc')) notes.push(`${id}: a within-document chain touches the cross-document instance ${instances[0]}; its members join it`);
    for (const m of group) {
      if (m.clusterSource === 'cross-doc') continue;
      m.cluster = name;
      m.clusterSource = instances.length > 0 ? 'cross-doc' : 'intra-doc';
    }
  }
}

/** The topic folders that exist under `<root>/docs`, in numeric order (ECB+ 1.0 has no topics 15 and 17). */
export function ecbPlusTopics(root: string): number[] {
  return readdirSync(join(root, 'docs'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^\d+$/.test(e.name))
    .map((e) => Number(e.name))
    .sort((a, b) => a - b);
}

/** Whether `root` holds ECB+ as released: `docs/` and ECBplus_coreference_sentences.csv. */
export function isEcbPlusRoot(root: string): boolean {
  return existsSync(join(root, 'docs')) && existsSync(join(root, 'ECBplus_coreference_sentences.csv'));
}

/**
 * Reads the corpus under `root` (the folder holding `docs/` and
 * ECBplus_coreference_sentences.csv), optionally only some topics, with each document's
 * split by `setup` (Yang et al.'s unless told). Documents come in topic
 * order, the ECB texts of a topic before its ECB+ texts, each by number.
 *
 * @example const { documents } = loadEcbPlus('../shared/data/crossdoc/ecbplus', { topics: [23, 24, 25] });
 */
export function loadEcbPlus(root: string, options: { topics?: readonly number[]; setup?: SplitSetup } = {}): EcbCorpus {
  if (!isEcbPlusRoot(root)) throw new TypeError(`no ECB+ corpus at ${root} (expected docs/ and ECBplus_coreference_sentences.csv)`);
  const complete = readCompleteSentences(readFileSync(join(root, 'ECBplus_coreference_sentences.csv'), 'utf8'));
  const wanted = options.topics ? new Set(options.topics) : undefined;
  const notes: string[] = [];
  const documents: EcbDocument[] = [];
  for (const topic of ecbPlusTopics(root)) {
    if (wanted && !wanted.has(topic)) continue;
    const folder = join(root, 'docs', String(topic));
    const ids = readdirSync(folder)
      .filter((f) => /^\d+_\d+(ecb|ecbplus)\.xml$/.test(f))
      .map((f) => f.slice(0, -4))
      .sort(byDocumentNumber);
    for (const id of ids) {
      const set = complete.get(id) ?? new Set<number>();
      if (!complete.has(id)) notes.push(`${id}: no sentence of it is in the complete-annotation list`);
      documents.push(readEcbDocument(readFileSync(join(folder, `${id}.xml`), 'utf8'), id, set, notes, options.setup));
    }
  }
  return { root, documents, notes };
}

function byDocumentNumber(a: string, b: string): number {
  const [, na, sa] = /^\d+_(\d+)(\w+)$/.exec(a)!;
  const [, nb, sb] = /^\d+_(\d+)(\w+)$/.exec(b)!;
  return sa.length - sb.length || Number(na) - Number(nb);
}

/** Sizes of a set of ECB+ documents, for a report. */
export interface CorpusCounts {
  documents: number;
  topics: number;
  subtopics: number;
  sentences: number;
  /** Sentences in the complete-annotation list, and documents with none of them. */
  completeSentences: number;
  documentsWithoutComplete: number;
  /** By kind: all mentions, those in complete sentences, and over the latter the gold clusters, those with more than one mention, and those spanning documents. */
  kinds: Record<MentionKind, { mentions: number; complete: number; clusters: number; nonSingleton: number; crossDocument: number }>;
}

/**
 * Counts documents, sentences, mentions by kind and gold clusters (over complete-sentence
 * mentions) of a set of documents.
 *
 * @example countCorpus(corpus.documents.filter((d) => d.split === 'test')).kinds.entity.clusters
 */
export function countCorpus(docs: readonly EcbDocument[]): CorpusCounts {
  const kinds = {} as CorpusCounts['kinds'];
  for (const kind of ['entity', 'event', 'time'] as const) {
    const all = docs.flatMap((d) => d.mentions.filter((m) => m.kind === kind));
    const complete = all.filter((m) => m.complete);
    const members = new Map<string, { mentions: number; docs: Set<string> }>();
    for (const m of complete) {
      let c = members.get(m.cluster);
      if (!c) members.set(m.cluster, (c = { mentions: 0, docs: new Set() }));
      c.mentions++;
      c.docs.add(m.doc);
    }
    const clusters = [...members.values()];
    kinds[kind] = {
      mentions: all.length,
      complete: complete.length,
      clusters: clusters.length,
      nonSingleton: clusters.filter((c) => c.mentions > 1).length,
      crossDocument: clusters.filter((c) => c.docs.size > 1).length,
    };
  }
  return {
    documents: docs.length,
    topics: new Set(docs.map((d) => d.topic)).size,
    subtopics: new Set(docs.map((d) => `${d.topic}/${d.subtopic}`)).size,
    sentences: docs.reduce((n, d) => n + d.sentences.length, 0),
    completeSentences: docs.reduce((n, d) => n + d.sentences.filter((s) => s.complete).length, 0),
    documentsWithoutComplete: docs.filter((d) => !d.sentences.some((s) => s.complete)).length,
    kinds,
  };
}
