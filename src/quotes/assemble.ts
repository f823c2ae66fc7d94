import type { Doc, Mention, Quote, QuoteKind, Speaker, Via } from '../doc/doc.ts';
import { firstEndingAfter, itemAt, lastStartingAtOrBefore, type Span } from '../doc/span.ts';
import { CueSubjects } from './cue-subject.ts';
import { markKind } from './quote-marks.ts';
import { isOutletName, KNOWN_OUTLETS } from '../entities/outlets.ts';
import { CHANNEL_WORDS, OUTLET_NOUNS, SPEAKER_PRONOUNS, SPEECH_FORMS, SPEECH_PARTICLES } from './lexicon.ts';
import type { PartRun, TaggerParagraph } from './model.ts';

/** How quotes are assembled: `parse: false` finds speakers without the parse (for measuring what it adds). */
export interface AssembleOptions {
  parse?: boolean;
}

/** A tagged part in character offsets of the cleaned text. */
interface Part extends Span {
  part: PartRun['part'];
  /** Index in Doc.tokens of its first token. */
  first: number;
}

/** How many paragraphs back a pronoun or a cue-less quotation looks for its speaker. */
const LOOKBACK_PARAGRAPHS = 3;
/** How many earlier speakers, and how many earlier names, a pronoun looks at (keeps time linear on huge paragraphs). */
const LOOKBACK_ITEMS = 200;

/** Index of the sentence holding an offset (the last one starting at or before it). */
function sentenceIndexAt(doc: Doc, offset: number): number {
  return lastStartingAtOrBefore(doc.sentences, offset);
}

/** Mentions lying inside a span (binary search over the sorted mentions). */
function mentionsIn(doc: Doc, span: Span): Mention[] {
  const out: Mention[] = [];
  for (let k = Math.max(0, lastStartingAtOrBefore(doc.mentions, span.start - 1) + 1); k < doc.mentions.length && doc.mentions[k].start < span.end; k++) {
    if (doc.mentions[k].end <= span.end) out.push(doc.mentions[k]);
  }
  return out;
}

/** Whether a mention starts within [from, to] (binary search). */
function mentionStartsBetween(doc: Doc, from: number, to: number): boolean {
  const k = lastStartingAtOrBefore(doc.mentions, to);
  return k >= 0 && doc.mentions[k].start >= from;
}

/** Whether a mention overlaps a span. */
function mentionOverlaps(doc: Doc, span: Span): boolean {
  const k = lastStartingAtOrBefore(doc.mentions, span.end - 1);
  for (let j = k; j >= 0 && j > k - 3; j--) if (doc.mentions[j].end > span.start) return true;
  return false;
}

/** The last mention ending at or before `offset` that passes `test`, among the LOOKBACK_ITEMS before it. */
function lastMentionBefore(doc: Doc, offset: number, test: (m: Mention) => boolean): Mention | undefined {
  const k = lastStartingAtOrBefore(doc.mentions, offset - 1);
  for (let j = k; j >= 0 && j > k - LOOKBACK_ITEMS; j--) {
    const m = doc.mentions[j];
    if (m.end <= offset && test(m)) return m;
  }
  return undefined;
}

/** Where the quotation marks of a text are (not dashes, not an apostrophe between letters as in "Russia’s"). */
export function quotationMarks(t: string): number[] {
  const letter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);
  const marks: number[] = [];
  for (let i = 0; i < t.length; i++) {
    const kind = markKind(t[i]);
    if (kind && kind !== 'dash' && !(letter(t[i - 1]) && letter(t[i + 1]))) marks.push(i);
  }
  return marks;
}

/** The kind of an attribution from the quotation marks in its content. */
export function quoteKind(text: string): QuoteKind {
  const t = text.trim().replace(/[.,;:!?]+$/u, '').trim();
  const marks = quotationMarks(t);
  if (marks.length < 2) return 'indirect';
  const startsQuoted = marks[0] === 0;
  const endsQuoted = marks[marks.length - 1] >= t.length - 2;
  if (startsQuoted && endsQuoted && marks.length === 2) return 'direct';
  let quoted = 0;
  for (let k = 0; k + 1 < marks.length; k += 2) quoted += marks[k + 1] - marks[k];
  if (startsQuoted && endsQuoted && quoted / t.length > 0.8) return 'direct';
  return quoted / t.length >= 0.5 ? 'mixed' : 'partial';
}

/**
 * Turns the tagger's runs into attributions: each cue takes the nearest content and source
 * in its sentence (or the next or previous one in the paragraph), a content with no cue
 * that opens a paragraph continues the previous speaker, and a paragraph opened by a
 * dash and closed by ", says X." is a dash quotation. Speakers are resolved to entities
 * (pronouns to the last compatible speaker or name), and outlets named around the source
 * become the `via` chain.
 */
export function assembleQuotes(doc: Doc, paragraphs: readonly TaggerParagraph[], tagged: readonly (readonly PartRun[])[], options: AssembleOptions = {}): Quote[] {
  const quotes: { quote: Quote; paragraph: number }[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i];
    const firstOfParagraph = quotes.length;
    const { runs, clauses } = withReportingClauses(paragraph, cueObjectsToContent(paragraph, tagged[i]));
    const toPart = (r: PartRun): Part => {
      const first = paragraph.index[r.start];
      return { part: r.part, first, start: doc.tokens[first].start, end: doc.tokens[paragraph.index[r.end - 1]].end };
    };
    for (const c of clauses) quotes.push({ quote: makeQuote(doc, toPart(c.content), toPart(c.cue), toPart(c.source)), paragraph: i });
    const here = runs.map(toPart);
    const sentenceOf = new Map(here.map((p) => [p, sentenceIndexAt(doc, p.start)]));
    const cues = here.filter((p) => p.part === 'cue');
    const contents = here.filter((p) => p.part === 'content');
    const sources = here.filter((p) => p.part === 'source');
    // parts by the sentences they start and end in, so that each cue looks only near itself
    const bySentence = (parts: readonly Part[], end: boolean): Map<number, Part[]> => {
      const out = new Map<number, Part[]>();
      for (const p of parts) {
        const k = end ? sentenceIndexAt(doc, p.end - 1) : sentenceOf.get(p)!;
        const list = out.get(k);
        if (list) list.push(p);
        else out.set(k, [p]);
      }
      return out;
    };
    const contentsStarting = bySentence(contents, false);
    const contentsEnding = bySentence(contents, true);
    const cuesIn = bySentence(cues, false);
    const sourcesIn = bySentence(sources, false);
    const used = new Set<Part>();
    // every cue takes the nearest content: same sentence first, a quotation before a
    // reported clause, then the smallest gap; greedily over all pairs of the paragraph
    const quoted = (p: Part): number => (markKind(doc.text[p.start]) ? 0 : 1);
    // sentences between a cue and a content, counted from the content's nearer end
    const apart = (c: Part, cue: Part): number => Math.abs(sentenceIndexAt(doc, c.end <= cue.start ? c.end - 1 : c.start) - sentenceOf.get(cue)!);
    const near = (cue: Part): Part[] => {
      const s0 = sentenceOf.get(cue)!;
      const found = new Set<Part>();
      for (let k = s0 - 1; k <= s0 + 1; k++) for (const c of [...(contentsStarting.get(k) ?? []), ...(contentsEnding.get(k) ?? [])]) found.add(c);
      return [...found];
    };
    const pairs = cues.flatMap((cue) => near(cue).filter((c) => apart(c, cue) <= 1).map((c) => ({ cue, content: c, key: [apart(c, cue), quoted(c), gap(c, cue)] })));
    pairs.sort((x, y) => x.key[0] - y.key[0] || x.key[1] - y.key[1] || x.key[2] - y.key[2]);
    const contentOf = new Map<Part, Part>();
    for (const pair of pairs) {
      if (contentOf.has(pair.cue) || used.has(pair.content)) continue;
      contentOf.set(pair.cue, pair.content);
      used.add(pair.content);
    }
    for (const cue of cues) {
      const content = contentOf.get(cue);
      if (!content) continue;
      // a content split around its source and cue ("“A,” she said, “B.”") joins into one
      const side = content.end <= cue.start ? -1 : 1;
      let extent: Span = { start: content.start, end: content.end };
      for (const other of contentsStarting.get(sentenceOf.get(content)!) ?? []) {
        if (used.has(other) || (other.end <= cue.start ? -1 : 1) === side) continue;
        const so = sentenceOf.get(other)!;
        if ([so - 1, so, so + 1].some((k) => (cuesIn.get(k) ?? []).some((c) => c !== cue && gap(c, other) < gap(cue, other)))) continue;
        used.add(other);
        extent = { start: Math.min(extent.start, other.start), end: Math.max(extent.end, other.end) };
      }
      const source = (sourcesIn.get(sentenceOf.get(cue)!) ?? []).filter((s) => !used.has(s)).sort((x, y) => gap(x, cue) - gap(y, cue))[0] ?? null;
      if (source) used.add(source);
      quotes.push({ quote: makeQuote(doc, extent, cue, source), paragraph: i });
    }
    // a content left without a cue counts only where nothing else was found in its sentence,
    // or where it opens the paragraph (a quotation continued from the one before)
    const taken = new Set<number>();
    for (const q of quotes.slice(firstOfParagraph)) {
      const ends = [q.quote.content.start, q.quote.content.end - 1, q.quote.cue?.start ?? q.quote.content.start].map((o) => sentenceIndexAt(doc, o));
      for (let k = Math.min(...ends); k <= Math.max(...ends); k++) taken.add(k);
    }
    for (const content of contents.filter((p) => !used.has(p))) {
      if (taken.has(sentenceOf.get(content)!) && content.first !== paragraph.index[0]) continue;
      const source = (sourcesIn.get(sentenceOf.get(content)!) ?? []).find((p) => !used.has(p)) ?? null;
      if (source) used.add(source);
      quotes.push({ quote: makeQuote(doc, content, null, source), paragraph: i });
    }
    if (!contents.length && !clauses.length) {
      const continued = openingQuotation(doc, paragraph);
      if (continued) quotes.push({ quote: { content: continued, cue: null, source: null, kind: quoteKind(doc.text.slice(continued.start, continued.end)), speaker: unknownSpeaker(), via: [] }, paragraph: i });
    }
  }
  quotes.sort((a, b) => a.quote.content.start - b.quote.content.start || a.quote.content.end - b.quote.content.end);
  // beliefs and acts go before speakers are resolved, so that "she" finds the last speaker
  for (const { quote } of quotes) {
    const content = antecedentContent(doc, quote);
    if (content === quote.content) continue;
    quote.content = content;
    quote.kind = quoteKind(doc.text.slice(content.start, content.end));
  }
  const statements = quotes.filter((q) => isStatement(doc, q.quote) && saysSomething(doc, q.quote));
  resolveSpeakers(doc, statements, options.parse === false ? null : new CueSubjects(doc));
  return mergeOutletReports(doc, statements.map((q) => q.quote)).filter((q) => q.speaker.how !== 'unknown' || q.kind !== 'indirect');
}

/**
 * Whether an attribution reports something said or written, rather than a belief or an
 * act ("Putin rejected the proposal", "wants to sound reasonable"), which the training
 * data also marks: its cue holds a speech verb or particle, or its content is quoted.
 */
export function isStatement(doc: Doc, quote: Quote): boolean {
  if (quote.kind !== 'indirect' || !quote.cue) return true;
  const words = doc.text.slice(quote.cue.start, quote.cue.end).toLowerCase().split(/[^\p{L}:\-–—―]+/u);
  return words.some((w) => SPEECH_FORMS.has(w) || SPEECH_PARTICLES.has(w));
}

/**
 * Whether a content can be a statement: at least two words of two letters or more, so that
 * a pronoun, a bare determiner, a letter or a shout ("you", "This", "Q", "YOU!!!!!!") is
 * never one.
 */
export function saysSomething(doc: Doc, quote: Quote): boolean {
  const { start, end } = quote.content;
  let words = 0;
  for (let i = firstEndingAfter(doc.tokens, start); i < doc.tokens.length && doc.tokens[i].start < end; i++) {
    if (/\p{L}.*\p{L}/u.test(doc.text.slice(doc.tokens[i].start, doc.tokens[i].end)) && ++words >= 2) return true;
  }
  return false;
}

/**
 * "[Keith Kellogg has been kicked out of meetings.] This is stated by officials to NBC News":
 * a content that is only a demonstrative stands for the sentence before it.
 */
function antecedentContent(doc: Doc, quote: Quote): Span {
  const { content, cue } = quote;
  if (!cue || cue.start < content.end || !/^(?:this|that|these|those)$/iu.test(doc.text.slice(content.start, content.end))) return content;
  const k = sentenceIndexAt(doc, content.start);
  const before = doc.sentences[k - 1];
  // the sentence before, in the same paragraph
  if (!before || /\n/.test(doc.text.slice(before.end, content.start))) return content;
  return trimContent(doc, before);
}

/**
 * The English reporting clause after a sentence's last comma, in either order: ", says a
 * Russian source.", ", writes Stephen Collinson for CNN.", ", she continues." Where a
 * sentence ends so and the tagger read it otherwise, the clause's source and cue and the
 * words before the comma (after an opening quotation dash) replace the tagger's runs there.
 */
export function withReportingClauses(paragraph: TaggerParagraph, tagged: readonly PartRun[]): { runs: PartRun[]; clauses: { content: PartRun; cue: PartRun; source: PartRun }[] } {
  const { tokens } = paragraph;
  // the tagger's runs are sorted and do not overlap: those in a sentence are found by a moving index
  const runs: PartRun[] = [];
  const clauses: { content: PartRun; cue: PartRun; source: PartRun }[] = [];
  let next = 0;
  let a = 0;
  while (a < tokens.length) {
    let b = a + 1;
    while (b < tokens.length && !tokens[b].sentenceStart) b++;
    // a paragraph opened by a quotation dash is one quotation up to its reporting clause
    const from = clauses.length === 0 && markKind(tokens[0].value) === 'dash' ? 0 : a;
    const clause = reportingClause(tokens, from, a, b);
    if (clause) {
      while (next < tagged.length && tagged[next].end <= from) runs.push(tagged[next++]);
      const inside: PartRun[] = [];
      while (next < tagged.length && tagged[next].start < b) inside.push(tagged[next++]);
      // the clause replaces what the tagger read in it; attributions inside the content
      // stay (an outlet at the end then becomes their via)
      const inner = inside.some((r) => r.part === 'cue' && r.start >= clause.content.start && r.end <= clause.content.end);
      if (inner) runs.push(...inside.filter((r) => r.end <= clause.cue.start));
      else runs.push(...innerReport(tokens, clause.content));
      clauses.push(clause);
    }
    a = b;
  }
  while (next < tagged.length) runs.push(tagged[next++]);
  return { runs, clauses };
}

/**
 * A cue that ran on past its verb into a noun and a dangling preposition ("threatened |
 * tariffs on | Russian oil") gives those words to the content that follows it.
 */
export function cueObjectsToContent(paragraph: TaggerParagraph, tagged: readonly PartRun[]): PartRun[] {
  const { tokens } = paragraph;
  const runs = tagged.map((r) => ({ ...r }));
  for (const cue of runs) {
    if (cue.part !== 'cue' || cue.end - cue.start < 3 || tokens[cue.end - 1].pos !== 'ADP') continue;
    const content = runs.find((r) => r.part === 'content' && r.start === cue.end);
    const verb = tokens.findIndex((t, k) => k >= cue.start && k < cue.end && t.pos === 'VERB');
    const noun = verb < 0 ? -1 : tokens.findIndex((t, k) => k > verb && k < cue.end && t.pos === 'NOUN');
    if (!content || noun < 0) continue;
    content.start = noun;
    cue.end = noun;
  }
  return runs;
}

/**
 * A report that opens the content of a reporting clause, "The Kremlin confirms that ...,
 * reports Reuters": a subject of up to six words, a speech verb and "that" or a colon. Its
 * source, cue and content, or nothing.
 */
function innerReport(tokens: TaggerParagraph['tokens'], content: PartRun): PartRun[] {
  for (let k = content.start + 1; k < Math.min(content.end - 2, content.start + 7); k++) {
    const t = tokens[k];
    if (t.pos === 'PUNCT' || markKind(t.value)) return [];
    const next = tokens[k + 1].value.toLowerCase();
    if (t.pos === 'VERB' && SPEECH_FORMS.has(t.value.toLowerCase()) && (next === 'that' || next === ':')) {
      return [
        { part: 'source', start: content.start, end: k },
        { part: 'cue', start: k, end: k + 1 },
        { part: 'content', start: k + 2, end: content.end },
      ];
    }
    if (t.pos === 'VERB' || t.pos === 'AUX') return [];
  }
  return [];
}

function reportingClause(tokens: TaggerParagraph['tokens'], from: number, a: number, b: number): { content: PartRun; cue: PartRun; source: PartRun } | null {
  let e = b - 1;
  if (e > a && /^[.!?]$/u.test(tokens[e].value)) e--;
  if (markKind(tokens[e].value)) return null;
  let comma = -1;
  for (let k = e - 1; k > a; k--) {
    if (tokens[k].value === ',') {
      comma = k;
      break;
    }
    // a quotation mark ends the search, an apostrophe ("Sky News’ Mark Stone") does not
    if (markKind(tokens[k].value) && !(tokens[k].value === '’' || tokens[k].value === "'")) return null;
  }
  if (comma < 0 || e - comma < 2 || e - comma > 8) return null;
  const first = comma + 1;
  // a finite reporting verb: ", calling it unilateral" is a participle clause, not a reporting one
  // (wink tags "reports", "writes" as nouns as often as verbs)
  const isSpeech = (k: number): boolean => (tokens[k].pos === 'VERB' || tokens[k].pos === 'NOUN') && SPEECH_FORMS.has(tokens[k].value.toLowerCase()) && !tokens[k].value.endsWith('ing');
  const nounish = (k: number): boolean => tokens[k].pos !== 'VERB' && tokens[k].pos !== 'AUX' && tokens[k].pos !== 'PUNCT';
  const lower = (k: number): string => tokens[k].value.toLowerCase();
  let cue: PartRun;
  let source: PartRun;
  if (lower(first) === 'according' && lower(first + 1) === 'to' && first + 2 <= e) {
    // ", according to sources to the Washington Post."
    cue = { part: 'cue', start: first, end: first + 2 };
    source = { part: 'source', start: first + 2, end: e + 1 };
  } else if (isSpeech(first) && nounish(first + 1) && !SPEAKER_PRONOUNS.has(lower(first + 1))) {
    // ", says a Russian source."
    cue = { part: 'cue', start: first, end: first + 1 };
    source = { part: 'source', start: first + 1, end: e + 1 };
  } else {
    // ", she continues.", ", Russian media reports according to TT."
    let verb = -1;
    for (let k = first + 1; k <= e; k++) {
      if (isSpeech(k)) {
        verb = k;
        break;
      }
      if (!nounish(k)) return null;
    }
    if (verb < 0 || !nounish(first)) return null;
    if (verb < e && !CHANNEL_WORDS.has(lower(verb + 1))) return null;
    cue = { part: 'cue', start: verb, end: verb + 1 };
    source = { part: 'source', start: first, end: verb };
  }
  let start = from;
  if (markKind(tokens[start].value) === 'dash') start++;
  if (comma - start < 3) return null;
  return { content: { part: 'content', start, end: comma }, cue, source };
}

function gap(a: Span, b: Span): number {
  return a.end <= b.start ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0;
}

function unknownSpeaker(): Speaker {
  return { name: '', entity: null, span: null, how: 'unknown' };
}

function makeQuote(doc: Doc, content: Span, cue: Span | null, source: Span | null): Quote {
  const trimmed = trimContent(doc, content);
  return { content: trimmed, cue: cue ? { start: cue.start, end: cue.end } : null, source: source ? { start: source.start, end: source.end } : null, kind: quoteKind(doc.text.slice(trimmed.start, trimmed.end)), speaker: unknownSpeaker(), via: [] };
}

/** Drops a dash that opens a content (the Scandinavian quotation dash is a mark, not speech) and spaces at its edges. */
function trimContent(doc: Doc, span: Span): Span {
  let { start, end } = span;
  const text = doc.text;
  if (markKind(text[start]) === 'dash') start++;
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return { start, end };
}

/** A paragraph that opens with a quotation mark: the quotation to its closing mark (or the paragraph's end, for one that runs on). */
function openingQuotation(doc: Doc, paragraph: TaggerParagraph): Span | null {
  const { tokens, index } = paragraph;
  const kind = markKind(tokens[0].value);
  if (kind !== 'open' && kind !== 'either') return null;
  let last = tokens.length - 1;
  for (let k = 1; k < tokens.length; k++) {
    const m = markKind(tokens[k].value);
    if (m === 'close' || m === 'either') {
      last = k;
      break;
    }
  }
  if (last < 2) return null;
  return { start: doc.tokens[index[0]].start, end: doc.tokens[index[last]].end };
}

/** Fills in each quote's speaker and via chain, in text order (a pronoun looks back at earlier speakers). */
function resolveSpeakers(doc: Doc, quotes: { quote: Quote; paragraph: number }[], subjects: CueSubjects | null): void {
  // earlier quotes with a speaker, in text order; those within reach start at `from`
  const known: { quote: Quote; paragraph: number }[] = [];
  let from = 0;
  for (const item of quotes) {
    const { quote, paragraph } = item;
    while (from < known.length && (paragraph - known[from].paragraph > LOOKBACK_PARAGRAPHS || known.length - from > LOOKBACK_ITEMS)) from++;
    const earlier = known.slice(from);
    const previous = earlier.length ? earlier[earlier.length - 1].quote : null;
    // a cue with no source shares the subject of the attribution before it in the same
    // sentence ("calls it manipulation and says that ..."); a quotation with no cue continues
    // the last speaker
    const sameSentence = previous !== null && quote.cue !== null && sentenceIndexAt(doc, (previous.cue ?? previous.content).start) === sentenceIndexAt(doc, quote.cue.start);
    if (quote.source) {
      const { span, head } = speakerPhrase(doc, quote, subjects);
      quote.speaker = speakerOf(doc, span, earlier.map((r) => r.quote), head);
    }
    else if (previous && (quote.cue === null || sameSentence)) {
      quote.speaker = { ...previous.speaker, how: 'continued' };
      quote.via = previous.via.map((v) => ({ ...v }));
    }
    if (quote.source) quote.via = viaOf(doc, quote);
    if (quote.speaker.how !== 'unknown') known.push(item);
  }
}

/**
 * The words that name the speaker: the subject of the cue's verb, as the parse gives it, where
 * it lies in the tagged source ("said David Kershaw, division vice president, …" → "David
 * Kershaw") or, outside it, where it is the verb's own subject and a name or a pronoun (the
 * tagger took a modifier or a neighbour for the source); else the tagged source.
 */
function speakerPhrase(doc: Doc, quote: Quote, subjects: CueSubjects | null): { span: Span; head: Span | null } {
  const source = quote.source as Span;
  // a source that is one name or a pronoun right beside its cue needs no parse ("Peskov said",
  // "said Peskov", "she added"): the parse is asked where the source could be the wrong words
  if (!subjects || !quote.cue || plainSource(doc, source, quote.cue)) return { span: source, head: null };
  const subject = subjects.subjectOf(quote.cue);
  if (!subject) return { span: source, head: null };
  const token = doc.tokens[subject.head];
  const head = { start: token.start, end: token.end };
  // a name the subject's head lies in counts whole ("Mortal Kombat 11" parsed as "Mortal" + "Kombat 11")
  let { start, end } = subject.span;
  const holder = itemAt(doc.mentions, head.start);
  if (holder) {
    start = Math.min(start, holder.start);
    end = Math.max(end, holder.end);
  }
  if (start < source.end && source.start < end) return { span: { start: Math.max(start, source.start), end: Math.min(end, source.end) }, head };
  if (!subject.own) return { span: source, head: null };
  const span = { start, end };
  const words = doc.text.slice(start, end).toLowerCase();
  const named = holder !== undefined && (holder.type === 'PER' || holder.type === 'ORG');
  return SPEAKER_PRONOUNS.has(words) || named ? { span, head } : { span: source, head: null };
}

/** A source that is exactly one person's or organisation's name, or a pronoun, next to its cue. */
function plainSource(doc: Doc, source: Span, cue: Span): boolean {
  if (!/^[\s,]*$/u.test(doc.text.slice(Math.min(source.end, cue.end), Math.max(source.start, cue.start)))) return false;
  if (SPEAKER_PRONOUNS.has(doc.text.slice(source.start, source.end).toLowerCase())) return true;
  const inside = mentionsIn(doc, source);
  return inside.length === 1 && inside[0].start === source.start && inside[0].end === source.end && (inside[0].type === 'PER' || inside[0].type === 'ORG');
}

/**
 * The speaker a source span names. With the parse's head of the phrase (`head`), a name is
 * the speaker only where it holds that head: "the Prince of Wales" is a title, not Wales.
 */
function speakerOf(doc: Doc, source: Span, earlier: readonly Quote[], head: Span | null = null): Speaker {
  const text = doc.text.slice(source.start, source.end);
  const words = text.split(/\s+/u);
  const lower = text.toLowerCase().trim();
  const pronoun = SPEAKER_PRONOUNS.get(lower);
  if (pronoun) return resolvePronoun(doc, source, pronoun, earlier);
  const inside = mentionsIn(doc, source);
  if (head && head.start >= source.start && head.end <= source.end) {
    // a person named last in the phrase is who it is, whatever the parse made of a run of
    // names ("Microsoft President Brad Smith", "Elizabeth Warren supporter Zainab Dossaji")
    const person = [...inside].reverse().find((m) => m.type === 'PER' && /^[\s,]*$/u.test(doc.text.slice(m.end, source.end)));
    const holder = person ?? inside.find((m) => m.start <= head.start && head.end <= m.end);
    if (holder) {
      const entity = doc.entities[holder.entity];
      return { name: entity?.name ?? doc.text.slice(holder.start, holder.end), entity: holder.entity, span: { start: holder.start, end: holder.end }, how: 'named' };
    }
  }
  const headIsNamed = !head || head.start < source.start || head.end > source.end;
  // the head of the phrase is its last word before any channel phrase: "a Kremlin statement"
  // is a statement, not the Kremlin; "Stephen Collinson for CNN" is Stephen Collinson
  const headEnd = headEndOf(doc, source);
  const atEnd = inside.filter((m) => m.end <= headEnd && (m.end >= headEnd - 1 || /^[’']s?$/u.test(doc.text.slice(m.end, headEnd).trim())));
  const person = [...inside].reverse().find((m) => m.type === 'PER' && m.end <= headEnd && m.end >= headEnd - 1);
  const named = headIsNamed ? (person ?? atEnd[atEnd.length - 1]) : undefined;
  if (named && named.end >= headEnd - 1) {
    const entity = doc.entities[named.entity];
    return { name: entity?.name ?? doc.text.slice(named.start, named.end), entity: named.entity, span: { start: named.start, end: named.end }, how: 'named' };
  }
  // "the newspaper", "the channel": the outlet named last before it
  if (words.length <= 3 && /^the\s/iu.test(text) && OUTLET_NOUNS.has(words[words.length - 1].toLowerCase())) {
    const outlet = lastMentionBefore(doc, source.start, (m) => isOutletName(doc.text.slice(m.start, m.end)));
    if (outlet) return { name: doc.entities[outlet.entity]?.name ?? doc.text.slice(outlet.start, outlet.end), entity: outlet.entity, span: { start: outlet.start, end: outlet.end }, how: 'named' };
  }
  // a role names someone with a content word: "which", "that", "Some", "’s" are not speakers
  if (onlyFunctionWords(doc, source.start, headEnd)) return unknownSpeaker();
  return { name: doc.text.slice(source.start, headEnd).trim(), entity: null, span: { start: source.start, end: headEnd }, how: 'role' };
}

const FUNCTION_TAGS = new Set(['PRON', 'DET', 'SCONJ', 'ADP', 'PART', 'PUNCT', 'AUX', 'CCONJ', 'SYM', 'SPACE']);

function onlyFunctionWords(doc: Doc, start: number, end: number): boolean {
  for (let i = firstEndingAfter(doc.tokens, start); i < doc.tokens.length && doc.tokens[i].start < end; i++) {
    if (!FUNCTION_TAGS.has(doc.tokens[i].pos)) return false;
  }
  return true;
}

/** Where a source phrase's head ends: before a channel word that introduces a name ("officials to NBC News"). */
function headEndOf(doc: Doc, source: Span): number {
  const re = /\s(\p{L}+)(?=\s)/gu;
  const text = doc.text.slice(source.start, source.end);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!CHANNEL_WORDS.has(m[1].toLowerCase()) || m[1].toLowerCase() === 'according') continue;
    const at = source.start + m.index + m[0].length + 1;
    if (mentionStartsBetween(doc, at, at + 5)) return source.start + m.index;
  }
  return source.end;
}

/** A pronoun's speaker: the last earlier speaker of a compatible kind, else the last compatible name before it. */
function resolvePronoun(doc: Doc, source: Span, kind: 'person' | 'thing' | 'group', earlier: readonly Quote[]): Speaker {
  const fits = (type: string): boolean => (kind === 'person' ? type === 'PER' : kind === 'thing' ? type === 'ORG' || type === 'LOC' : type === 'ORG' || type === 'NORP' || type === 'PER');
  for (let k = earlier.length - 1; k >= 0 && k >= earlier.length - LOOKBACK_ITEMS; k--) {
    const s = earlier[k].speaker;
    if (s.entity === null) continue;
    const entity = doc.entities[s.entity];
    if (entity && fits(entity.type)) return { ...s, how: 'pronoun' };
  }
  const mention = lastMentionBefore(doc, source.start, (m) => fits(m.type));
  if (mention) return { name: doc.entities[mention.entity]?.name ?? doc.text.slice(mention.start, mention.end), entity: mention.entity, span: { start: mention.start, end: mention.end }, how: 'pronoun' };
  return { name: doc.text.slice(source.start, source.end), entity: null, span: null, how: 'pronoun' };
}

/**
 * The outlets a quote came through: names of outlets in its sentence outside the content
 * that are not the speaker, and names of any kind that a channel word introduces
 * ("told his Truth Social platform", "in an interview with NBC News"), nearest the
 * speaker first.
 */
function viaOf(doc: Doc, quote: Quote): Via[] {
  const anchor = quote.source ?? quote.cue;
  if (!anchor) return [];
  const first = sentenceIndexAt(doc, Math.min(anchor.start, quote.cue?.start ?? anchor.start));
  const lastSentence = sentenceIndexAt(doc, Math.max(anchor.end, quote.cue?.end ?? anchor.end) - 1);
  const region: Span = { start: doc.sentences[first]?.start ?? anchor.start, end: doc.sentences[lastSentence]?.end ?? anchor.end };
  const speakerEntity = quote.speaker.entity;
  const out: Via[] = [];
  for (const m of mentionsIn(doc, region)) {
    if (m.start >= quote.content.start && m.end <= quote.content.end) continue;
    if (speakerEntity !== null && m.entity === speakerEntity) continue;
    const name = doc.text.slice(m.start, m.end);
    if (!isOutletName(name)) {
      // any organisation or work a channel word introduces: "told his Truth Social platform"
      const before = doc.text.slice(Math.max(region.start, m.start - 40), m.start).toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
      if ((m.type !== 'ORG' && m.type !== 'MISC') || !before.slice(-3).some((w) => CHANNEL_WORDS.has(w))) continue;
    }
    out.push({ start: m.start, end: m.end, name: doc.entities[m.entity]?.name ?? name, entity: m.entity });
  }
  // outlets the name tagger missed ("according to TT"): known outlet names written in capitals
  const known = /\b\p{Lu}[\p{L}&]*(?:\s\p{Lu}[\p{L}&]*)?\b/gu;
  const regionText = doc.text.slice(region.start, region.end);
  for (let m = known.exec(regionText); m; m = known.exec(regionText)) {
    const start = region.start + m.index;
    const end = start + m[0].length;
    if (!KNOWN_OUTLETS.has(m[0].toLowerCase()) || (start >= quote.content.start && end <= quote.content.end)) continue;
    if (mentionOverlaps(doc, { start, end })) continue;
    out.push({ start, end, name: m[0], entity: null });
  }
  const from = quote.speaker.span ?? anchor;
  out.sort((a, b) => Math.abs(a.start - from.start) - Math.abs(b.start - from.start));
  const seen = new Set<string>();
  return out.filter((v) => (seen.has(v.name) ? false : (seen.add(v.name), true)));
}

/**
 * An outlet reporting another attribution ("The Kremlin confirms ..., reports Reuters")
 * becomes the inner attribution's via, not a quote of its own.
 */
function mergeOutletReports(doc: Doc, quotes: Quote[]): Quote[] {
  const dropped = new Set<Quote>();
  // quotes with a cue, by where the cue starts, to find those inside a content by binary search
  const cued = quotes.filter((q) => q.cue).sort((x, y) => x.cue!.start - y.cue!.start);
  const cueSpans = cued.map((q) => q.cue!);
  for (const outer of quotes) {
    if (outer.speaker.entity === null || outer.speaker.how !== 'named') continue;
    if (!isOutletName(doc.entities[outer.speaker.entity]?.name ?? '')) continue;
    const inner: Quote[] = [];
    for (let k = lastStartingAtOrBefore(cueSpans, outer.content.start - 1) + 1; k < cued.length && cueSpans[k].start < outer.content.end; k++) {
      if (cued[k] !== outer && cueSpans[k].end <= outer.content.end) inner.push(cued[k]);
    }
    if (!inner.length) continue;
    for (const q of inner) {
      if (!q.via.some((v) => v.entity === outer.speaker.entity)) q.via.push({ ...(outer.speaker.span ?? outer.content), name: outer.speaker.name, entity: outer.speaker.entity });
    }
    dropped.add(outer);
  }
  return quotes.filter((q) => !dropped.has(q));
}
