import { createHash } from 'node:crypto';
import type { Doc, Entity, EntityType } from '../doc/doc.ts';
import { sumTypes, type CorpusStore, type EntityClusterRow, type EntityNodeRow, type WordCase } from '../store/corpus-store.ts';
import { blockKeys, compareNodes, LINK_SCORE, mayLink, nameKind, nodeIdentity, roleWords, surnameKey, tailKey, type NodeKind, type NodeView } from './entity-match.ts';
import { foldWord, nameKey, personParts } from '../entities/name-forms.ts';

/**
 * Corpus entities: every entity of every article linked to one corpus entity.
 *
 * Three steps, kept apart as record linkage does:
 * - nodes: each in-article entity belongs to the node of its fullest name (entity-match.ts:
 *   countries by any of their forms, persons by their name, a surname alone within its story,
 *   other names by their exact comparison form); a node counts its forms, roles, types,
 *   articles and stories;
 * - candidates and scores: a node whose evidence changed (new, a new role, a new story, its
 *   type vote turned) is compared with the nodes that share a blocking key, and each pair that
 *   scores LINK_SCORE or more is stored as an edge with its evidence;
 * - decisions: edges, strongest first, join their nodes' clusters unless some article has
 *   entities of one type in both (an article that names two people apart keeps them apart;
 *   one that types "Wladimir Klitschko" an organisation and "Klitschko" a person does not).
 *
 * A cluster is a corpus entity: its type is the vote of its nodes' types, its name the node
 * most often written out in full (countries: the English name), its id the hash of its first
 * node's key (kept by the larger cluster in a merge).
 */

const TYPE_ORDER: EntityType[] = ['PER', 'ORG', 'LOC', 'NORP', 'EVENT', 'MISC'];
const KIND_RANK: Record<NodeKind, number> = { country: 3, person: 2, name: 2, demonym: 1, surname: 1 };
const BLOCK_READ = 200;
const STORY_KEYS_PER_NODE = 200;

/** The type with the most votes (ties: the order of TYPE_ORDER). */
export function votedType(types: Partial<Record<EntityType, number>>): EntityType {
  let best: EntityType = 'MISC';
  let n = -1;
  for (const t of TYPE_ORDER) {
    if ((types[t] ?? 0) > n) {
      best = t;
      n = types[t] ?? 0;
    }
  }
  return best;
}

/** A corpus entity's public id: a short hash of the key of the node it started from. */
export function entityPublicId(key: string): string {
  return `e${createHash('sha1').update(key).digest('hex').slice(0, 12)}`;
}

/** How an article writes each word: in lower case, capitalised inside a sentence, capitalised opening one. */
export function wordCaseOf(doc: Pick<Doc, 'text' | 'tokens' | 'sentences'>): Map<string, WordCase> {
  const out = new Map<string, WordCase>();
  let sentence = 0;
  let firstWordDone = false;
  for (const t of doc.tokens) {
    while (sentence < doc.sentences.length && doc.sentences[sentence].end <= t.start) {
      sentence++;
      firstWordDone = false;
    }
    if (t.type !== 'word') continue;
    const w = doc.text.slice(t.start, t.end);
    const initial = !firstWordDone;
    firstWordDone = true;
    if (!/^\p{L}/u.test(w) || w.length < 2) continue;
    const key = w.toLowerCase();
    const c = out.get(key) ?? { lower: 0, capMid: 0, capInitial: 0 };
    if (/^\p{Ll}/u.test(w)) c.lower++;
    else if (/^\p{Lu}\p{Ll}/u.test(w)) {
      if (initial) c.capInitial++;
      else c.capMid++;
    } else continue;
    out.set(key, c);
  }
  return out;
}

function formsOf(doc: Doc, e: Entity): Map<string, { mentions: number; asName: number }> {
  const forms = new Map<string, { mentions: number; asName: number }>();
  for (const m of e.mentions) {
    const mention = doc.mentions[m];
    if (!mention) continue;
    const form = doc.text.slice(mention.start, mention.end).replace(/\s+/g, ' ').trim();
    const f = forms.get(form) ?? { mentions: 0, asName: 0 };
    f.mentions++;
    forms.set(form, f);
  }
  const named = forms.get(e.name) ?? { mentions: 0, asName: 0 };
  named.asName = 1;
  forms.set(e.name, named);
  return forms;
}

function rolesOf(e: Entity): Map<string, number> {
  const roles = new Map<string, number>();
  for (const r of e.roles) {
    const text = r.text.replace(/\s+/g, ' ').trim().toLowerCase();
    if (text) roles.set(text, (roles.get(text) ?? 0) + 1);
  }
  return roles;
}

function negate<T extends Record<string, number>>(m: Map<string, T>): Map<string, T> {
  return new Map([...m].map(([k, v]) => [k, Object.fromEntries(Object.entries(v).map(([f, n]) => [f, -n])) as T]));
}

/** Mentions of an entity written as its node's own name (its display form, any case). */
function displayMentions(doc: Doc, e: Entity, key: string): number {
  if (!key.startsWith('x:') && !key.startsWith('s:')) return e.mentions.length;
  let n = 0;
  for (const m of e.mentions) {
    const mention = doc.mentions[m];
    if (mention && nodeIdentity(doc.text.slice(mention.start, mention.end), e.type, null).key.replace(/@.*$/, '') === key.replace(/@.*$/, '')) n++;
  }
  return n;
}

function clusterWord(name: string, kind: NodeKind): string | null {
  return kind !== 'country' && !/\s/.test(name.trim()) ? name.trim().toLowerCase() : null;
}

/** Connects the entities of one article (its story already known). */
export function connectEntities(store: CorpusStore, doc: Doc, story: string): void {
  store.entWordCase(wordCaseOf(doc), 1);
  const changed = new Set<number>();
  doc.entities.forEach((e, idx) => {
    const ident = nodeIdentity(e.name, e.type, story);
    const forms = formsOf(doc, e);
    const roles = rolesOf(e);
    const shown = displayMentions(doc, e, ident.key);
    let node = store.entNodeByKey(ident.key);
    let cluster: EntityClusterRow;
    if (!node) {
      const fold = ident.kind === 'person' || ident.kind === 'surname' ? (personParts(ident.display)?.foldedSurname ?? null) : null;
      node = store.entCreateNode(
        { key: ident.key, kind: ident.kind, display: ident.display, displayCount: shown, story: ident.story, fold, country: ident.country, articles: 1, mentions: e.mentions.length, types: { [e.type]: 1 } },
        {
          publicId: entityPublicId(ident.key),
          type: e.type,
          name: ident.display,
          country: ident.country,
          articles: 1,
          mentions: e.mentions.length,
          nodes: 1,
          types: { [e.type]: 1 },
          word: clusterWord(ident.display, ident.kind),
          roles: 0,
          nameNode: 0,
        },
      );
      cluster = store.entCluster(node.cluster)!;
      cluster.nameNode = node.id;
      changed.add(node.id);
    } else {
      const before = votedType(node.types);
      node.articles++;
      node.mentions += e.mentions.length;
      node.displayCount += shown;
      node.types = { ...node.types, [e.type]: (node.types[e.type] ?? 0) + 1 };
      if (votedType(node.types) !== before) {
        changed.add(node.id);
        if (node.kind === 'person' || node.kind === 'name') {
          node.kind = nameKind(node.display, votedType(node.types));
          node.fold = node.kind === 'person' ? (personParts(node.display)?.foldedSurname ?? null) : null;
          store.entRemoveBlocks(node.id);
        }
      }
      store.entUpdateNode(node);
      cluster = store.entCluster(node.cluster)!;
      cluster.articles++;
      cluster.mentions += e.mentions.length;
      cluster.types = { ...cluster.types, [e.type]: (cluster.types[e.type] ?? 0) + 1 };
    }
    store.entAddMember(doc.id, idx, node.id, e.mentions.length, e.type);
    store.entAddForms(node.id, forms);
    if (roles.size) {
      const known = new Set(store.entRoles(node.id, 1000).flatMap((r) => roleWords(r.role)));
      if ([...roles.keys()].some((r) => roleWords(r).some((w) => !known.has(w)))) changed.add(node.id);
      store.entAddRoles(node.id, roles);
      cluster.roles += [...roles.values()].reduce((a, b) => a + b, 0);
    }
    if (store.entAddNodeStory(node.id, story, e.mentions.length, 1) && (node.kind === 'person' || node.kind === 'surname')) changed.add(node.id);
    cluster.type = votedType(cluster.types);
    renameCluster(store, cluster, node);
    store.entUpdateCluster(cluster);
  });
  for (const id of changed) linkNode(store, id);
}

/** Keeps as a cluster's name the node most often written out in full. */
function renameCluster(store: CorpusStore, cluster: EntityClusterRow, candidate: EntityNodeRow): void {
  const current = cluster.nameNode === candidate.id ? candidate : store.entNode(cluster.nameNode);
  if (!current || current.id === candidate.id || beats(candidate, current)) {
    cluster.nameNode = candidate.id;
    cluster.name = candidate.display;
    cluster.country = candidate.country ?? cluster.country;
    cluster.word = clusterWord(candidate.display, candidate.kind);
  }
}

function beats(a: EntityNodeRow, b: EntityNodeRow): boolean {
  return (
    KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.displayCount - b.displayCount || a.articles - b.articles || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0)
  ) > 0;
}

/** What scoring sees of a node; its roles and forms are read only if a comparison asks for them. */
function viewOf(store: CorpusStore, node: EntityNodeRow): NodeView {
  let roles: Set<string> | undefined;
  let forms: Set<string> | undefined;
  return {
    id: node.id,
    key: node.key,
    kind: node.kind,
    display: node.display,
    type: votedType(node.types),
    get roleWords() {
      roles ??= new Set(store.entRoles(node.id, 50).flatMap((r) => roleWords(r.role)));
      return roles;
    },
    get formKeys() {
      forms ??= new Set(store.entForms(node.id, 50).map((f) => nameKey(f.form)));
      return forms;
    },
  };
}

/**
 * Compares a node with its candidates, stores the edges that score LINK_SCORE or more (and
 * drops those that no longer do), then joins clusters along its edges, strongest first.
 */
function linkNode(store: CorpusStore, id: number): void {
  const node = store.entNode(id);
  if (!node) return;
  // the edges this comparison stores; only they can join clusters now (older ones did when they were stored)
  const stored: Array<{ other: number; score: number }> = [];
  const put = (other: number, score: number, evidence: string) => {
    store.entPutEdge(id, other, score, evidence);
    stored.push({ other, score });
  };
  const forms = store.entForms(id, 50).map((f) => f.form);
  const keys = blockKeys(node, forms);
  store.entAddBlocks(id, keys);
  const candidates = new Set<number>();
  for (const k of keys) for (const other of store.entBlock(k, BLOCK_READ)) candidates.add(other);
  // surnames alone meet the persons of their own story; the persons meet them in each of theirs
  if (node.kind === 'person' && node.fold) {
    for (const s of store.entNodeStories(id, STORY_KEYS_PER_NODE)) for (const other of store.entStoryNodesByFold(s, 'surname', node.fold)) candidates.add(other);
  }
  if (node.kind === 'surname' && node.fold && node.story) {
    for (const other of store.entStoryNodesByFold(node.story, 'person', node.fold)) candidates.add(other);
    // beyond its story only where the corpus knows one person of that surname
    const corpusWide = surnameKey(node.display);
    if (corpusWide && personsOfSurname(store, node.display) === 1) for (const other of store.entBlock(corpusWide, PERSONS_READ)) candidates.add(other);
  }
  // the one person of a surname meets that surname alone in other stories
  if (node.kind === 'person' && node.fold && personsOfSurname(store, node.display) === 1) {
    for (const other of store.entNodesByFold('surname', node.fold, BLOCK_READ)) candidates.add(other);
  }
  candidates.delete(id);
  let view: NodeView | undefined;
  const surnamePeople: Array<{ other: number; score: number; evidence: string }> | undefined = node.kind === 'surname' ? [] : undefined;
  const type = votedType(node.types);
  const existing = new Set(store.entEdgesOf(id).map((e) => e.other));
  const drop = (other: number) => existing.has(other) && store.entRemoveEdge(id, other);
  for (const otherId of [...candidates].sort((a, b) => a - b)) {
    const other = store.entNode(otherId);
    if (!other) continue;
    if (!mayLink(node, other, type, votedType(other.types))) {
      drop(otherId);
      continue;
    }
    const otherView = viewOf(store, other);
    const surnameOf = node.kind === 'surname' ? node : other.kind === 'surname' ? other : undefined;
    const personsWithSurname = surnameOf ? personsOfSurname(store, surnameOf.display) : undefined;
    view ??= viewOf(store, node);
    const sharedStory = store.entSharedStory(id, otherId);
    const relatedStory = !sharedStory && surnameOf !== undefined && personsWithSurname === 1 && related(store, node, other);
    const cmp = compareNodes(view, otherView, { sharedStory, relatedStory, personsWithSurname });
    if (cmp && cmp.score >= LINK_SCORE) {
      if (surnamePeople && other.kind === 'person') surnamePeople.push({ other: otherId, score: cmp.score, evidence: cmp.evidence });
      else put(otherId, cmp.score, cmp.evidence);
    } else drop(otherId);
  }
  for (const e of typeSlipEdges(store, node)) put(e.other, 0.72, e.evidence);
  // a surname alone goes to the person its story names most, and only when that person dominates
  if (surnamePeople?.length) {
    const inStory = (p: { other: number }) => (node.story ? store.entNodeStoryMentions(p.other, node.story) : 0);
    const ranked = surnamePeople.map((p) => ({ ...p, n: inStory(p) })).sort((a, b) => b.n - a.n || b.score - a.score || a.other - b.other);
    const top = ranked[0];
    const second = ranked[1];
    if (!second || top.n >= 2 * second.n) put(top.other, top.score, top.evidence);
    for (const p of ranked.slice(!second || top.n >= 2 * second.n ? 1 : 0)) drop(p.other);
  }
  stored.sort((a, b) => b.score - a.score || a.other - b.other);
  for (const e of stored) joinClusters(store, id, e.other);
}

/**
 * Edges the tagger's typing hides: one word alone that ends the one longer name of its story
 * ("Saints" in "New Orleans Saints"); a word typed a place or organisation that is the surname
 * of the person its story names ("Solvane"); a word typed a person here and another kind of
 * name elsewhere in its story. Found from either side, so that ingest order does not decide.
 */
function typeSlipEdges(store: CorpusStore, node: EntityNodeRow): Array<{ other: number; evidence: string }> {
  const out: Array<{ other: number; evidence: string }> = [];
  const key = nameKey(node.display);
  if (node.kind === 'person') {
    const surname = personParts(node.display)?.surname;
    const same = surname ? store.entNodeByKey(`x:${surname}`) : undefined;
    if (same && votedType(same.types) !== 'PER' && store.entSharedStory(node.id, same.id)) out.push({ other: same.id, evidence: `“${same.display}”, typed a place or organisation, is the surname of ${node.display} in the same story` });
    return out;
  }
  if (/\s/.test(key) || (node.kind !== 'name' && node.kind !== 'surname')) return out;
  if (node.kind === 'surname' && (!node.story || store.entStoryNodesByFold(node.story, 'person', node.fold ?? '').length)) return out;
  const stories = node.kind === 'surname' ? [node.story!] : store.entNodeStories(node.id, 20);
  // the candidates, each with how often its story names it; the most named wins if it dominates
  const named = new Map<number, { n: number; display: string; person: boolean }>();
  const add = (other: number, n: number, display: string, person: boolean) => {
    if (n > (named.get(other)?.n ?? 0)) named.set(other, { n, display, person });
  };
  for (const otherId of store.entBlock(tailKey(key), BLOCK_READ)) {
    const other = otherId === node.id ? undefined : store.entNode(otherId);
    if (!other || other.kind !== 'name' || votedType(other.types) === 'PER') continue;
    add(otherId, Math.max(0, ...stories.map((st) => store.entNodeStoryMentions(otherId, st))), other.display, false);
  }
  if (node.kind === 'name') {
    for (const st of stories) {
      for (const other of store.entStoryNodesByFold(st, 'person', foldWord(key))) {
        const person = store.entNode(other);
        if (person && personParts(person.display)?.surname === key) add(other, store.entNodeStoryMentions(other, st), person.display, true);
      }
    }
  }
  const ranked = [...named].filter(([, v]) => v.n > 0).sort((x, y) => y[1].n - x[1].n || x[0] - y[0]);
  const [top, second] = ranked;
  if (top && (!second || top[1].n >= 2 * second[1].n)) {
    const [other, v] = top;
    out.push({ other, evidence: v.person ? `“${node.display}”, typed a place or organisation, is the surname of ${v.display} in the same story` : `“${node.display}” alone ends “${v.display}”, the one name of its story that it ends` });
  }
  if (node.kind === 'surname') {
    const same = store.entNodeByKey(`x:${key}`);
    if (same && votedType(same.types) !== 'PER' && store.entNodeStoryMentions(same.id, node.story!) > 0) out.push({ other: same.id, evidence: `“${node.display}” typed a person here, but a name of another kind in the same story` });
  }
  return out;
}

/** How many nodes of one surname are read to tell whether they are one person. */
const PERSONS_READ = 20;

/** How many corpus entities (not spellings) the persons of a surname make: 2 means "more than one". */
function personsOfSurname(store: CorpusStore, display: string): number {
  const key = surnameKey(display);
  if (!key) return 0;
  const nodes = store.entBlock(key, PERSONS_READ);
  if (nodes.length >= PERSONS_READ) return 2;
  return Math.min(2, new Set(nodes.map((n) => store.entNode(n)?.cluster)).size);
}

/** True when a surname node's story is one of a person node's stories' related stories (stories.ts links them). */
function related(store: CorpusStore, a: EntityNodeRow, b: EntityNodeRow): boolean {
  const [surname, person] = a.kind === 'surname' ? [a, b] : [b, a];
  if (!surname.story) return false;
  const linked = new Set(store.storyLinks(surname.story, 1000).map((l) => l.story));
  return store.entNodeStories(person.id, 20).some((s) => linked.has(s));
}

/** Joins the clusters of two nodes unless some article keeps them apart; the larger cluster survives. */
function joinClusters(store: CorpusStore, a: number, b: number): void {
  const na = store.entNode(a);
  const nb = store.entNode(b);
  if (!na || !nb || na.cluster === nb.cluster) return;
  const ca = store.entCluster(na.cluster)!;
  const cb = store.entCluster(nb.cluster)!;
  if (store.entClustersConflict(ca.id, cb.id)) return;
  const [keep, gone] = ca.nodes > cb.nodes || (ca.nodes === cb.nodes && ca.id < cb.id) ? [ca, cb] : [cb, ca];
  store.entMoveNodes(gone.id, keep.id);
  keep.nodes += gone.nodes;
  keep.articles += gone.articles;
  keep.mentions += gone.mentions;
  keep.roles += gone.roles;
  keep.types = sumTypes(keep.types, gone.types);
  keep.type = votedType(keep.types);
  const goneName = store.entNode(gone.nameNode);
  if (goneName) renameCluster(store, keep, goneName);
  store.entDeleteCluster(gone.id);
  store.entUpdateCluster(keep);
}

/**
 * Takes a deleted article's entities out of the corpus (the Doc as it was stored): counts go
 * down, nodes left without articles go with their edges, and a cluster that lost a node is
 * split again along the edges that remain.
 */
export function disconnectEntities(store: CorpusStore, doc: Doc, story: string | undefined): void {
  const members = store.entMembersOf(doc.id);
  if (!members.length && !doc.entities.length) return;
  store.entWordCase(wordCaseOf(doc), -1);
  const split = new Set<number>();
  for (const m of members) {
    const e = doc.entities[m.idx];
    const node = store.entNode(m.node);
    if (!node) continue;
    const cluster = store.entCluster(node.cluster);
    node.articles--;
    node.mentions -= m.mentions;
    if (e) {
      node.types = { ...node.types, [e.type]: Math.max(0, (node.types[e.type] ?? 0) - 1) };
      node.displayCount = Math.max(0, node.displayCount - displayMentions(doc, e, node.key));
      store.entAddForms(node.id, negate(formsOf(doc, e)));
      const roles = rolesOf(e);
      store.entAddRoles(node.id, new Map([...roles].map(([r, n]) => [r, -n])));
      if (cluster) {
        cluster.types = { ...cluster.types, [e.type]: Math.max(0, (cluster.types[e.type] ?? 0) - 1) };
        cluster.roles -= [...roles.values()].reduce((a, b) => a + b, 0);
      }
    }
    if (story) store.entAddNodeStory(node.id, story, -m.mentions, -1);
    if (cluster) {
      cluster.articles--;
      cluster.mentions -= m.mentions;
      cluster.type = votedType(cluster.types);
      store.entUpdateCluster(cluster);
    }
    if (node.articles <= 0) {
      store.entRemoveEdgesOf(node.id);
      store.entRemoveBlocks(node.id);
      store.entDeleteNode(node.id);
      split.add(node.cluster);
    } else store.entUpdateNode(node);
  }
  store.entRemoveMembersOf(doc.id);
  for (const c of split) resplit(store, c);
}

/** Rebuilds a cluster from its nodes and the edges among them, after it lost a node. */
function resplit(store: CorpusStore, clusterId: number): void {
  const old = store.entCluster(clusterId);
  if (!old) return;
  const nodes = store.entClusterNodes(clusterId);
  store.entDeleteCluster(clusterId);
  if (!nodes.length) return;
  const singles = new Map<number, number>();
  for (const n of nodes) {
    const publicId = uniquePublicId(store, entityPublicId(n.key));
    const id = store.entCreateCluster({
      publicId,
      type: votedType(n.types),
      name: n.display,
      country: n.country,
      articles: n.articles,
      mentions: n.mentions,
      nodes: 1,
      types: n.types,
      word: clusterWord(n.display, n.kind),
      roles: store.entRoles(n.id, 1000).reduce((s, r) => s + r.count, 0),
      nameNode: n.id,
    });
    store.entSetNodeCluster(n.id, id);
    singles.set(n.id, id);
  }
  const inCluster = new Set(nodes.map((n) => n.id));
  const edges = nodes
    .flatMap((n) => store.entEdgesOf(n.id).filter((e) => inCluster.has(e.other) && n.id < e.other).map((e) => ({ a: n.id, b: e.other, score: e.score })))
    .sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  for (const e of edges) joinClusters(store, e.a, e.b);
  // the part that holds the old name keeps the old id
  const named = store.entNode(old.nameNode) ?? nodes[0];
  const keep = store.entCluster(store.entNode(named.id)?.cluster ?? -1);
  if (keep && keep.publicId !== old.publicId) {
    keep.publicId = old.publicId;
    store.entUpdateCluster(keep);
  }
}

/** Folds one node into another (the same surname, two stories become one), keeping cluster counts right. */
function mergeNodeInto(store: CorpusStore, from: EntityNodeRow, to: EntityNodeRow): void {
  const cf = store.entCluster(from.cluster);
  const ct = store.entCluster(to.cluster);
  const roles = store.entRoles(from.id, 1000).reduce((s, r) => s + r.count, 0);
  store.entMergeNodes(from.id, to.id);
  if (!cf || !ct || cf.id === ct.id) return;
  ct.articles += from.articles;
  ct.mentions += from.mentions;
  ct.types = sumTypes(ct.types, from.types);
  ct.type = votedType(ct.types);
  ct.roles += roles;
  store.entUpdateCluster(ct);
  cf.nodes--;
  cf.articles -= from.articles;
  cf.mentions -= from.mentions;
  cf.roles -= roles;
  if (cf.nodes <= 0) store.entDeleteCluster(cf.id);
  else {
    store.entUpdateCluster(cf);
    resplit(store, cf.id);
  }
}

function uniquePublicId(store: CorpusStore, id: string): string {
  let candidate = id;
  for (let i = 2; store.entClusterByPublicId(candidate); i++) candidate = `${id}-${i}`;
  return candidate;
}

/**
 * After stories merged, the surnames filed under a merged-away story move to the surviving one
 * (joining the node of the same surname there, if any), and are linked again.
 */
export function mergeStoryNodes(store: CorpusStore, merged: ReadonlyArray<{ from: string; to: string }>): void {
  for (const { from, to } of merged) {
    store.entMoveStory(from, to);
    for (const node of store.entStoryNodes(from)) {
      const key = node.key.replace(/@[^@]*$/, `@${to}`);
      const target = store.entNodeByKey(key);
      if (!target) {
        store.entRekeyNode(node.id, key, to);
        linkNode(store, node.id);
        continue;
      }
      mergeNodeInto(store, node, target);
      linkNode(store, target.id);
    }
  }
}
