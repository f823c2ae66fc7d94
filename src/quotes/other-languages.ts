import { sentenceAt, type Doc, type Mention, type Quote } from '../doc/doc.ts';
import { itemAt, lastStartingAtOrBefore, type Span } from '../doc/span.ts';
import { quoteKind, quotationMarks } from './assemble.ts';

/**
 * Reporting verbs, as news in each language writes them next to a quotation ("„…“, sagte
 * Brandoch", "« … », a déclaré Macron", "“…”, afirmó Boric", "„…“, so Pröll"): their common
 * forms, lower-cased; a form of two words is written with a space, and a German separable
 * verb by its first part ("„…“, fügte sie hinzu").
 */
const REPORTING_VERBS: Record<string, readonly string[]> = {
  de: ['sagte', 'sagt', 'sagten', 'erklärte', 'erklärt', 'betonte', 'betont', 'meinte', 'meint', 'so', 'ergänzte', 'ergänzt', 'schrieb', 'schreibt', 'warnte', 'warnt', 'kritisierte', 'forderte', 'fordert', 'erzählt', 'erzählte', 'berichtete', 'berichtet', 'bestätigte', 'bestätigt', 'sagte dazu', 'fügte', 'räumte', 'teilte', 'versicherte', 'unterstrich'],
  fr: ['a déclaré', 'déclare', 'a dit', 'dit', 'affirme', 'a affirmé', 'a expliqué', 'explique', 'a ajouté', 'ajoute', 'a poursuivi', 'poursuit', 'assène', 'a assuré', 'assure', 'a indiqué', 'indique', 'estime', 'a estimé', 'souligne', 'a souligné', 'confie', 'a confié', 'raconte', 'a raconté', 'précise', 'a précisé', 'selon', 'insiste', 'a insisté', 'martèle'],
  es: ['dijo', 'dice', 'afirmó', 'afirma', 'declaró', 'explicó', 'explica', 'señaló', 'señala', 'aseguró', 'asegura', 'añadió', 'añade', 'agregó', 'agrega', 'indicó', 'sostuvo', 'enfatizó', 'comentó', 'apuntó', 'manifestó', 'expresó', 'subrayó', 'destacó', 'advirtió', 'según', 'precisó', 'insistió', 'remarcó'],
  pt: ['disse', 'diz', 'afirmou', 'afirma', 'declarou', 'explicou', 'explica', 'sustentou', 'acrescentou', 'ressaltou', 'destacou', 'completou', 'segundo', 'avaliou', 'argumentou', 'disse ainda'],
  it: ['ha detto', 'dice', 'ha dichiarato', 'dichiara', 'ha spiegato', 'spiega', 'ha aggiunto', 'aggiunge', 'afferma', 'ha affermato', 'secondo', 'ha sottolineato', 'sottolinea'],
  nl: ['zei', 'zegt', 'aldus', 'verklaarde', 'schreef', 'vertelde', 'vertelt', 'stelde', 'benadrukte'],
};

/** Personal pronouns that may follow a reporting verb ("„…“, sagte er", "« … », a-t-elle dit"). */
const PRONOUNS = new Set(['er', 'sie', 'il', 'elle', 'ele', 'ela', 'lui', 'lei', 'hij', 'zij', 'ze', 'él', 'ella']);
/** How many earlier quotes a pronoun, or a verb with no subject ("“…”, apuntó."), looks back at for its speaker. */
const LOOKBACK_QUOTES = 3;

/** How far after a reporting verb its speaker's name may start, in tokens ("sagte der Linken-Abgeordnete Martin Dolzer"). */
const NAME_WITHIN_TOKENS = 8;
/** How many tokens before a colon a speaker's name may end ("Diess: „…“", "Brandoch sagte: „…“"). */
const NAME_BEFORE_COLON_TOKENS = 3;

/**
 * Gives quotations in a language other than English their speaker where the text names it
 * next to them: a reporting verb of the language right after the quotation and a person's
 * name within a few words after it ("„…“, sagte Außenministerin Ilse Brandoch"), or a name
 * just before a colon that opens it ("Brandoch: „…“"). A verb followed by a pronoun or by the
 * sentence's end ("„…“, sagte er", "“…”, apuntó.") points at the last person quoted within
 * LOOKBACK_QUOTES quotes. Quotes that have a speaker, and articles in English or in a
 * language without a verb list, are left as they are.
 *
 * @example attributeQuotations(doc, quotes) // „Wir öffnen die Schleusen“, sagte Ilse Brandoch → speaker Ilse Brandoch
 */
export function attributeQuotations(doc: Doc, quotes: Quote[]): Quote[] {
  const verbs = REPORTING_VERBS[doc.meta.language ?? ''];
  if (!verbs) return quotes;
  const verbSet = new Set(verbs);
  const word = (k: number) => doc.text.slice(doc.tokens[k].start, doc.tokens[k].end);
  // the first token starting at or after an offset
  const tokenAt = (offset: number) => lastStartingAtOrBefore(doc.tokens, offset - 1) + 1;
  const sentenceEnd = (offset: number) => sentenceAt(doc, offset)?.end ?? doc.text.length;
  const sentenceStart = (offset: number) => sentenceAt(doc, offset)?.start ?? 0;
  // the person's name that starts, or ends, at token k (mentions are sorted and do not overlap)
  const personAt = (k: number): Mention | undefined => {
    const m = itemAt(doc.mentions, doc.tokens[k].start);
    return m?.type === 'PER' && m.start === doc.tokens[k].start ? m : undefined;
  };
  const personEndingAt = (k: number): Mention | undefined => {
    const m = itemAt(doc.mentions, doc.tokens[k].end - 1);
    return m?.type === 'PER' && m.end === doc.tokens[k].end ? m : undefined;
  };

  const out: Quote[] = [];
  for (const q of quotes) out.push(attributeOne(q, out));
  return out;

  function attributeOne(q: Quote, earlier: readonly Quote[]): Quote {
    if (q.speaker.how !== 'unknown') return q;
    // after: closing marks and a comma or dash, a reporting verb, then a name
    let k = tokenAt(q.content.end);
    const end = sentenceEnd(Math.max(q.content.start, q.content.end - 1));
    while (k < doc.tokens.length && doc.tokens[k].start < end && /^[\p{P}]+$/u.test(word(k))) k++;
    for (const length of [2, 1]) {
      if (k + length > doc.tokens.length) continue;
      const phrase = Array.from({ length }, (_, i) => word(k + i).toLowerCase()).join(' ');
      if (!verbSet.has(phrase)) continue;
      const cue: Span = { start: doc.tokens[k].start, end: doc.tokens[k + length - 1].end };
      const next = k + length;
      // "sagte er", or a verb that ends the sentence with no subject ("apuntó."): the last speaker named before
      if (next >= doc.tokens.length || doc.tokens[next].start >= end || PRONOUNS.has(word(next).toLowerCase()) || /^[.;]$/u.test(word(next))) {
        const before = earlier.slice(-LOOKBACK_QUOTES).reverse().find((e) => e.speaker.entity !== null && doc.entities[e.speaker.entity]?.type === 'PER');
        if (before) return { ...q, cue, speaker: { ...before.speaker, how: 'pronoun' } };
        break;
      }
      for (let j = next; j < doc.tokens.length && j < next + NAME_WITHIN_TOKENS && doc.tokens[j].start < end; j++) {
        const person = personAt(j);
        if (person) return named(doc, q, cue, person);
      }
      break;
    }
    // before: a name just before the colon that opens the quotation
    const colon = tokenAt(q.content.start) - 1;
    if (colon > 0 && word(colon) === ':') {
      const from = sentenceStart(q.content.start);
      for (let j = colon - 1; j >= 0 && j >= colon - NAME_BEFORE_COLON_TOKENS && doc.tokens[j].start >= from; j--) {
        const person = personEndingAt(j);
        if (person) return named(doc, q, null, person);
      }
    }
    return q;
  }
}

/**
 * Quotation marks in the pairs news in other languages use: German „…“ and »…«, French « … »,
 * English-style “…” and straight "…". A pair never spans a line break.
 */
const QUOTATION = /„[^„“”\n]{2,2000}?[“”]|«[^«»\n]{2,2000}?»|»[^«»\n]{2,2000}?«|“[^“”\n]{2,2000}?”|"[^"\n]{2,2000}?"/gu;
/** A quotation holds at least this many words; shorter quoted words are titles, names or irony. */
const MIN_QUOTATION_WORDS = 4;

/**
 * The quotations of a text found by their marks, for articles the attribution model cannot
 * read: quoted text of MIN_QUOTATION_WORDS words or more that reads as speech, ending on a
 * sentence's punctuation inside the marks, followed by a comma or a dash (", sagte…"), or
 * opened by a colon. Titles and scare quotes ("„Die große Chance“ läuft seit…") are not.
 */
export function quotationsByMarks(doc: Doc): Quote[] {
  const found: Quote[] = [];
  for (const m of doc.text.matchAll(QUOTATION)) {
    const start = m.index;
    const end = start + m[0].length;
    const inner = m[0].slice(1, -1).trim();
    if (inner.split(/\s+/u).length < MIN_QUOTATION_WORDS) continue;
    const endsSentence = /[.!?…]$/u.test(inner);
    const followedByClause = /^\s*(?:,|[–—-]\s)/u.test(doc.text.slice(end, end + 3));
    const openedByColon = /:\s*$/u.test(doc.text.slice(Math.max(0, start - 3), start));
    if (!endsSentence && !followedByClause && !openedByColon) continue;
    found.push({ content: { start, end }, cue: null, source: null, kind: 'direct', speaker: { name: '', entity: null, span: null, how: 'unknown' }, via: [] });
  }
  return found;
}

/** The quote with a named speaker, its source the name's span. */
function named(doc: Doc, q: Quote, cue: Span | null, person: Mention): Quote {
  const entity = doc.entities[person.entity];
  const span = { start: person.start, end: person.end };
  return { ...q, cue, source: span, speaker: { name: entity?.name ?? doc.text.slice(person.start, person.end), entity: person.entity, span, how: 'named' } };
}

/**
 * In an article that is not in English, only quotations are kept: a content in quotation
 * marks, or the quoted stretch of one that is mostly quoted ("„Wir öffnen die Schleusen“,
 * sagte"), and the quotations the model missed found by their marks (`quotationsByMarks`),
 * with a speaker only where it is a name the article gives (an entity). The
 * attribution model learnt English reporting clauses; elsewhere it reads ordinary sentences
 * as indirect speech and any words before a colon or a verb ("Oder man", "Warning") as a
 * speaker. A dropped speaker takes its cue, source span and outlets with it. The quotations
 * left without a speaker then get one where a reporting verb of the language and a name stand
 * next to them (`attributeQuotations`).
 */
export function keepReliableQuotes(doc: Doc, quotes: Quote[]): Quote[] {
  const language = doc.meta.language;
  if (!language || language === 'en' || language === 'und') return quotes;
  const kept: Quote[] = [];
  for (const q of quotes) {
    if (q.kind !== 'direct' && q.kind !== 'mixed') continue;
    let content = q.content;
    if (q.kind === 'mixed') {
      const marks = quotationMarks(doc.text.slice(content.start, content.end));
      content = { start: content.start + marks[0], end: content.start + marks[marks.length - 1] + 1 };
    }
    const speakerKept = q.speaker.entity !== null;
    kept.push({
      ...q,
      content,
      kind: quoteKind(doc.text.slice(content.start, content.end)),
      ...(speakerKept ? {} : { cue: null, source: null, via: [], speaker: { name: '', entity: null, span: null, how: 'unknown' as const } }),
    });
  }
  // quotations the model missed, found by their marks
  for (const q of quotationsByMarks(doc)) {
    if (!kept.some((k) => k.content.start < q.content.end && q.content.start < k.content.end)) kept.push(q);
  }
  kept.sort((a, b) => a.content.start - b.content.start);
  return attributeQuotations(doc, kept);
}
