import type { Doc } from '../doc/doc.ts';
import { firstEndingAfter, type Span } from '../doc/span.ts';
import { dependentsOf, subjectOf } from '../grammar/deps.ts';
import { OnDemandParse } from '../grammar/on-demand.ts';
import type { Parser } from '../grammar/parser.ts';

/** Tags of a word that can name a speaker. */
const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON', 'NUM', 'X']);

/** Relative pronouns that can be a clause's subject. */
const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that']);

/** Relations that join the words of one name or noun compound. */
const NAME_PARTS = new Set(['flat', 'flat:name', 'flat:foreign', 'compound', 'fixed']);

/** Dependents that describe a subject after it or around it, not part of who it is. */
const OUTSIDE_THE_NAME = new Set(['appos', 'acl', 'acl:relcl', 'punct', 'parataxis', 'advcl', 'dep', 'list']);

/**
 * The subjects of reporting verbs, from a parse of the sentences that hold cues only: an
 * article's quotes sit in a few of its sentences, so each is parsed when a cue first asks
 * (the whole article's parse costs more than the rest of the quote stage). The partial parse
 * stays here; Doc.deps is left as it was.
 */
export class CueSubjects {
  private readonly parse: OnDemandParse;

  constructor(private readonly doc: Doc, parser?: Parser) {
    this.parse = new OnDemandParse(doc, parser);
  }

  private get view(): Doc {
    return this.parse.view;
  }

  /**
   * The subject phrase of a cue's verb ("said David Kershaw, division vice president, …" →
   * "David Kershaw"; "a Kremlin statement said" → "a Kremlin statement"): the subject token and
   * its dependents before any apposition, relative clause or punctuation. Null when the cue
   * has no verb or the verb no subject. `own` says whether the subject hangs on the verb
   * itself rather than on a verb it is conjoined to or completes.
   */
  subjectOf(cue: Span): { head: number; span: Span; own: boolean } | null {
    const verb = this.verbIn(cue);
    if (verb < 0) return null;
    const subject = subjectOf(this.view, verb);
    // a clause is no speaker ("Putin praises Trump …, writes X" read with the clause as subject)
    if (subject < 0 || this.view.deps[subject].rel.startsWith('csubj') || !NOMINAL.has(this.doc.tokens[subject].pos)) return null;
    // the verb's own subject, or one it shares with a verb it is conjoined to ("…, writes X"
    // parsed as a second verb of the sentence's first subject is the parse's mistake to doubt)
    const deps = this.view.deps;
    const own = deps[subject].head === verb || (deps[subject].head === deps[verb].head && /^(?:aux|cop)/.test(deps[verb].rel));
    // a relative pronoun stands for the noun it follows: "Neil Parish, who has led one rebellion,
    // urged …" is Parish's whether the parse reads "urged" as the sentence's verb or as a second
    // verb of the relative clause, so the speaker is the same either way
    const antecedent = this.antecedentOf(subject);
    if (antecedent >= 0) return { head: antecedent, span: this.namePart(antecedent), own: true };
    return { head: subject, span: this.namePart(subject), own };
  }

  /**
   * The noun a relative pronoun subject ("who", "which", "that") stands for: the head of the
   * relative clause it opens, or else, for "who" and "which", the name or noun right before it
   * (a comma between); -1 when the subject is no relative pronoun or nothing fits.
   */
  private antecedentOf(subject: number): number {
    const { tokens } = this.doc;
    const deps = this.view.deps;
    const word = this.doc.text.slice(tokens[subject].start, tokens[subject].end).toLowerCase();
    if (!RELATIVE_PRONOUNS.has(word)) return -1;
    const clause = deps[subject].head;
    if (clause >= 0 && deps[clause].rel === 'acl:relcl' && deps[clause].head >= 0 && deps[clause].head < subject) return this.nameHead(deps[clause].head);
    if (word === 'that') return -1;
    let before = subject - 1;
    if (before >= 0 && this.doc.text.slice(tokens[before].start, tokens[before].end) === ',') before--;
    if (before < 0 || (tokens[before].pos !== 'PROPN' && tokens[before].pos !== 'NOUN')) return -1;
    return this.nameHead(before);
  }

  /** The head of the name a word belongs to ("Parish" in "Neil Parish" parsed with "Neil" as head). */
  private nameHead(token: number): number {
    const deps = this.view.deps;
    let t = token;
    for (let guard = 0; guard < 8 && NAME_PARTS.has(deps[t].rel) && deps[t].head >= 0; guard++) t = deps[t].head;
    return t;
  }

  /** The cue's main verb (parsing its sentence first): its first verb, else its first auxiliary. */
  private verbIn(cue: Span): number {
    const { tokens } = this.doc;
    let first = -1;
    let aux = -1;
    for (let i = firstEndingAfter(tokens, cue.start); i < tokens.length && tokens[i].start < cue.end; i++) {
      if (tokens[i].pos === 'VERB') {
        first = i;
        break;
      }
      if (aux < 0 && tokens[i].pos === 'AUX') aux = i;
    }
    const verb = first >= 0 ? first : aux;
    if (verb >= 0) this.parse.ensure(verb);
    return verb;
  }

  /** A subject token with the dependents that name it, to the first that describes it instead. */
  private namePart(head: number): Span {
    const { tokens } = this.doc;
    const deps = this.view.deps;
    let start = tokens[head].start;
    let end = tokens[head].end;
    const stack = [head];
    while (stack.length) {
      const t = stack.pop() as number;
      for (const d of dependentsOf(this.view, t)) {
        // "the prince, who …": the relative clause and the commas describe him, they do not name him
        if (OUTSIDE_THE_NAME.has(deps[d].rel)) continue;
        stack.push(d);
        start = Math.min(start, tokens[d].start);
        end = Math.max(end, tokens[d].end);
      }
    }
    // a run of nouns and names reads as one name whatever the parse made of it
    // ("Microsoft President Brad Smith" with "Microsoft" as the subject)
    let first = firstEndingAfter(tokens, start);
    let last = firstEndingAfter(tokens, end - 1);
    const nominal = (i: number) => tokens[i].pos === 'PROPN' || tokens[i].pos === 'NOUN';
    const adjacent = (a: number, b: number) => /^\s*$/u.test(this.doc.text.slice(tokens[a].end, tokens[b].start));
    while (first > 0 && nominal(first - 1) && adjacent(first - 1, first)) first--;
    while (last + 1 < tokens.length && nominal(last + 1) && adjacent(last, last + 1)) last++;
    return { start: Math.min(start, tokens[first].start), end: Math.max(end, tokens[last].end) };
  }
}
