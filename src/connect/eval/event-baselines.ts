import type { Doc, EventMention, EventType } from '../../doc/doc.ts';
import { spanToRaw } from '../../doc/offset-map.ts';
import type { Span } from '../../doc/span.ts';
import { lookupTrigger } from '../../events/lexicon.ts';
import type { EcbDocument } from './ecbplus.ts';
import { responseFromPredicted, type MentionAlignment } from './ecbplus-scores.ts';

/**
 * The product's event mentions in ECB+ texts (each as its trigger's span), and the
 * cross-document event baselines built from them alone: every mention alone, one cluster a
 * PLOVER type, the same trigger word, the same trigger lemma, the same lemma within a story.
 */

/** An event the product coded in an ECB+ text, as its trigger's span of that text. */
export interface ProductEvent extends Span {
  type: EventType;
  /** The trigger as written, lower-cased: "met". */
  word: string;
  /** The trigger's lemma (triggerLemma): "meet". */
  lemma: string;
}

/**
 * The lemma of an event's trigger: Doc tokens carry none, so the one the events lexicon
 * finds the trigger under (as a verb when its first token is tagged a verb, else as a noun,
 * as the events stage looks it up), else the lower-cased trigger.
 *
 * @example triggerLemma(doc, event) // 'meet' for "met", 'hunger strike' for "hunger strikes"
 */
export function triggerLemma(doc: Pick<Doc, 'text' | 'tokens'>, e: Pick<EventMention, 'trigger'>): string {
  const word = doc.text.slice(e.trigger.start, e.trigger.end).toLowerCase();
  const first = doc.tokens.find((t) => t.end > e.trigger.start && t.start < e.trigger.end);
  const pos = first?.pos === 'VERB' ? 'verb' : 'noun';
  return lookupTrigger(word.replace(/\s+/g, ' '), pos)?.lemma ?? word;
}

/**
 * The events of a processed ECB+ article as trigger spans of the document's whole text, in
 * the article's event order (so index i is Doc.events[i]), mapped back through the cleaned
 * text's offset map as the name mentions are (entity-baselines.ts).
 *
 * @example eventsOf(doc, productArticle(doc)).map((e) => e.word) // ['arrested', 'talks', …]
 */
export function eventsOf(doc: Pick<EcbDocument, 'text' | 'bodyStart'>, out: Doc): ProductEvent[] {
  return out.events.map((e) => {
    const raw = spanToRaw(out.map, e.trigger);
    return {
      start: raw.start + doc.bodyStart,
      end: raw.end + doc.bodyStart,
      type: e.type,
      word: out.text.slice(e.trigger.start, e.trigger.end).toLowerCase(),
      lemma: triggerLemma(out, e),
    };
  });
}

/**
 * The baseline clusterings of aligned gold event mentions from the product's events, each over
 * the whole set of documents given (no topic is told): `each mention alone`, `same type` (all
 * mentions of a PLOVER type together), `same word` (lower-cased trigger), `same lemma`, and
 * `same lemma in story` (the same lemma within the story the product put the article in;
 * `storyOf` maps a document id to its story). Gold mentions the product did not code are
 * absent: response singletons.
 *
 * @example eventBaselines(alignment, predicted, productCorpus.stories)['same lemma']
 */
export function eventBaselines(alignment: MentionAlignment, predicted: ReadonlyMap<string, readonly ProductEvent[]>, storyOf: ReadonlyMap<string, string>): Record<string, Map<string, string>> {
  const by = (key: (e: ProductEvent, doc: string, i: number) => string) =>
    responseFromPredicted(alignment, (doc, i) => {
      const e = predicted.get(doc)?.[i];
      return e && key(e, doc, i);
    });
  return {
    'each mention alone': by((_, doc, i) => `${doc}:${i}`),
    'same type': by((e) => e.type),
    'same word': by((e) => e.word),
    'same lemma': by((e) => e.lemma),
    // a document without a story is a story of its own
    'same lemma in story': by((e, doc) => `${storyOf.get(doc) ?? `doc:${doc}`}|${e.lemma}`),
  };
}
