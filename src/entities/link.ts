import { distance } from 'fastest-levenshtein';
import type { Doc, Entity, EntityType, Mention, Role } from '../doc/doc.ts';
import type { Stage } from '../pipeline/stage.ts';
import { candidateSpan, findMentions, type Candidate } from './mentions.ts';
import { sameGivenName } from './name-forms.ts';

/** How many letters a misspelt surname may differ by, by its length (Witkov/Witkoff, Shapovarova/Shapovalova). */
function typoAllowance(length: number): number {
  return length >= 8 ? 2 : length >= 5 ? 1 : 0;
}

/** A name's comparison form: lower case, no leading "the", single spaces, straight apostrophes. */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/[’`]/g, "'").replace(/^the\s+/, '').replace(/\s+/g, ' ').trim();
}

function words(name: string): string[] {
  return nameKey(name).split(' ').filter(Boolean);
}

/** Generational suffixes that follow a surname ("Joseph Comeaux Jr."): not the surname itself. */
const NAME_SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

/** A person's name as words, without a trailing generational suffix. */
function personWords(name: string): string[] {
  const w = words(name).map((x) => x.replace(/,$/, ''));
  while (w.length > 1 && NAME_SUFFIXES.has(w[w.length - 1])) w.pop();
  return w;
}

interface Group {
  type: EntityType;
  members: number[];
  /** Words of the fullest name so far. */
  full: string[];
  keys: Set<string>;
}

/**
 * How well a person's name matches a group's fullest name: 3 the same name, 2.5 the same
 * surname (with a compatible first name), 1.5 the first name alone, 1 a surname that differs
 * by a typo, 0 no match.
 */
function personScore(mention: string[], full: string[]): number {
  if (mention.join(' ') === full.join(' ')) return 3;
  const last = mention[mention.length - 1];
  const fullLast = full[full.length - 1];
  const firstCompatible = mention.length === 1 || mention[0] === full[0] || (mention[0].length <= 2 && full[0].startsWith(mention[0].replace('.', ''))) || sameGivenName(mention[0], full[0]);
  if (last === fullLast && firstCompatible) return 2.5;
  if (mention.length === 1 && full.length > 1 && last === full[0]) return 1.5;
  const allowed = typoAllowance(Math.min(last.length, fullLast.length));
  if (allowed > 0 && last[0] === fullLast[0] && distance(last, fullLast) <= allowed) {
    if (mention.length === 1 || full.length === 1) return 1;
    if (mention[0] === full[0] || distance(mention[0], full[0]) <= typoAllowance(Math.min(mention[0].length, full[0].length))) return 1;
  }
  return 0;
}

/**
 * Groups the mentions of one article into entities: persons by their names (a surname alone,
 * a title-less form and a misspelt surname join the fullest name), acronyms with their
 * expansions, other names by their normalised text (an organisation's short form joins its
 * longer form), taking the most frequent type when the tagger disagreed with itself.
 */
export function linkEntities(doc: Doc, cands: Candidate[]): { mentions: Mention[]; entities: Entity[] } {
  const surface = cands.map((c) => {
    const span = candidateSpan(doc, c);
    return doc.text.slice(span.start, span.end);
  });
  const groupOf = new Int32Array(cands.length).fill(-1);
  const groups: Group[] = [];

  // persons: fullest names first, so that short forms find them
  const persons = cands.map((_, i) => i).filter((i) => cands[i].type === 'PER');
  persons.sort((a, b) => words(surface[b]).length - words(surface[a]).length || a - b);
  for (const i of persons) {
    const w = personWords(surface[i]);
    let best = -1;
    let bestScore = 0;
    groups.forEach((g, gi) => {
      if (g.type !== 'PER') return;
      const score = personScore(w, g.full);
      if (score > bestScore || (score === bestScore && score > 0 && g.members.length > groups[best].members.length)) {
        best = gi;
        bestScore = score;
      }
    });
    if (best < 0) {
      groups.push({ type: 'PER', members: [i], full: w, keys: new Set([w.join(' ')]) });
      groupOf[i] = groups.length - 1;
    } else {
      groups[best].members.push(i);
      groups[best].keys.add(w.join(' '));
      groupOf[i] = best;
    }
  }

  // a name the tagger typed otherwise that is a known person's name or surname is that person
  const personByKey = new Map<string, number>();
  groups.forEach((g, gi) => {
    for (const k of g.keys) personByKey.set(k, gi);
    personByKey.set(g.full[g.full.length - 1], gi);
  });

  // other names: expansions before acronyms, longer before shorter
  const others = cands.map((_, i) => i).filter((i) => cands[i].type !== 'PER');
  others.sort((a, b) => (cands[a].expands !== undefined ? 1 : 0) - (cands[b].expands !== undefined ? 1 : 0) || words(surface[b]).length - words(surface[a]).length || a - b);
  const byKey = new Map<string, number>();
  for (const i of others) {
    const key = nameKey(surface[i]);
    let g = personByKey.get(key) ?? -1;
    if (g < 0 && cands[i].expands !== undefined && groupOf[cands[i].expands!] >= 0) g = groupOf[cands[i].expands!];
    if (g < 0) g = byKey.get(key) ?? -1;
    if (g < 0 && cands[i].type === 'ORG') {
      // a short form that starts a longer organisation name: "NBC" in "NBC News"
      const w = words(surface[i]);
      g = groups.findIndex((grp) => grp.type === 'ORG' && grp.full.length > w.length && w.every((x, k) => grp.full[k] === x));
    }
    if (g < 0) {
      groups.push({ type: cands[i].type, members: [], full: words(surface[i]), keys: new Set() });
      g = groups.length - 1;
    }
    groups[g].members.push(i);
    groups[g].keys.add(key);
    byKey.set(key, g);
    groupOf[i] = g;
  }

  // entities in order of first mention
  const order = groups.map((g, gi) => ({ gi, first: Math.min(...g.members) })).sort((a, b) => a.first - b.first);
  const entityOf = new Int32Array(groups.length);
  order.forEach((o, k) => (entityOf[o.gi] = k));
  const mentions: Mention[] = cands.map((c, i) => ({ ...candidateSpan(doc, c), type: c.type, entity: entityOf[groupOf[i]] }));
  const entities: Entity[] = order.map(({ gi }) => {
    const g = groups[gi];
    const members = [...g.members].sort((a, b) => a - b);
    const typeCounts = new Map<EntityType, number>();
    for (const m of members) typeCounts.set(cands[m].type, (typeCounts.get(cands[m].type) ?? 0) + 1);
    const type = g.type === 'PER' ? 'PER' : [...typeCounts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const name = fullestName(members.map((m) => surface[m]), members.map((m) => cands[m].expands !== undefined));
    const aliases = [...new Set(members.map((m) => surface[m]))].filter((s) => s !== name);
    const roles: Role[] = [];
    const seenRoles = new Set<string>();
    for (const m of members) {
      for (const r of cands[m].roles) {
        const key = r.text.toLowerCase();
        if (!seenRoles.has(key)) {
          seenRoles.add(key);
          roles.push(r);
        }
      }
    }
    return { type, name, aliases, mentions: members, roles };
  });
  for (const m of mentions) m.type = entities[m.entity].type;
  return { mentions, entities };
}

/** The fullest form of a name: most words (acronyms lose to their expansions), then most frequent, then first. */
function fullestName(forms: string[], isAcronym: boolean[]): string {
  const counts = new Map<string, number>();
  forms.forEach((f) => counts.set(f, (counts.get(f) ?? 0) + 1));
  let best = forms[0];
  let bestKey = [-1, -1];
  forms.forEach((f, i) => {
    const key = [isAcronym[i] ? 0 : words(f).length, counts.get(f)!];
    if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) {
      best = f;
      bestKey = key;
    }
  });
  return best;
}

/**
 * Stage: named entities. Mentions of people, organisations, places, groups and events from
 * the trained NER model, grouped into one entity per person or organisation in the article.
 */
export function entities(): Stage {
  return {
    name: 'entities',
    needs: ['sentences', 'tokens'],
    provides: ['mentions', 'entities'],
    run(doc: Doc) {
      const linked = linkEntities(doc, findMentions(doc));
      doc.mentions = linked.mentions;
      doc.entities = linked.entities;
    },
  };
}
