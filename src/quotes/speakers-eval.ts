import type { Doc, Quote } from '../doc/doc.ts';
import { spanToRaw } from '../doc/offset-map.ts';
import type { Span } from '../doc/span.ts';
import type { QuoteModel } from './model.ts';
import type { PolnearAnnotation } from './polnear.ts';
import { findQuotes } from './stage.ts';

/** How the assembled quotes' speakers fare against the annotators' sources. */
export interface SpeakerScores {
  /** Gold attributions with a source and a cue. */
  gold: number;
  /** Of those, how many the product reports with a cue overlapping the gold cue. */
  found: number;
  /** Of the found, how many have a speaker read from their own words (named, role or pronoun; not one continued from a quote before). */
  withSpeaker: number;
  /** Of the found, how many name a speaker lying inside the gold source. */
  inside: number;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * The words a quote's speaker is read from, in raw offsets: the name or role found in the
 * text, or for a pronoun the pronoun itself (its antecedent lies elsewhere).
 */
function speakerEvidence(doc: Doc, quote: Quote): Span | null {
  const { speaker } = quote;
  if (speaker.how === 'unknown' || speaker.how === 'continued') return null;
  const span = speaker.how === 'named' || speaker.how === 'role' ? speaker.span : quote.source;
  return span ? spanToRaw(doc.map, span) : null;
}

/**
 * Scores the speakers of the product's assembled quotes (Doc.quotes after `findQuotes`) on
 * annotated articles: each gold attribution with a source and a cue is matched to the
 * product's quote whose cue overlaps its cue; its speaker is right when the words it was
 * read from lie inside the gold source (a speaker taken from a modifier inside the source is
 * not caught here; the hand-judged sample is for that).
 *
 * @param prepared each annotation with the Doc of its text, run through the stages before quotes
 */
export function scoreSpeakers(prepared: readonly { annotation: PolnearAnnotation; doc: Doc }[], model: QuoteModel, parse: boolean): SpeakerScores {
  const scores: SpeakerScores = { gold: 0, found: 0, withSpeaker: 0, inside: 0 };
  for (const { annotation, doc } of prepared) {
    const quotes = findQuotes(doc, model, { parse }).map((q) => ({ q, cue: q.cue ? spanToRaw(doc.map, q.cue) : null }));
    for (const gold of annotation.attributions) {
      if (!gold.source.length || !gold.cue.length) continue;
      scores.gold++;
      const match = quotes.find(({ cue }) => cue && gold.cue.some((c) => overlaps(c, cue)));
      if (!match) continue;
      scores.found++;
      const evidence = speakerEvidence(doc, match.q);
      if (!evidence) continue;
      scores.withSpeaker++;
      if (gold.source.some((s) => s.start <= evidence.start && evidence.end <= s.end)) scores.inside++;
    }
  }
  return scores;
}
