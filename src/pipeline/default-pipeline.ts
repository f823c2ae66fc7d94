import { clean } from '../clean/clean.ts';
import { extract } from '../clean/extract.ts';
import { language } from '../clean/language.ts';
import { quality } from '../clean/quality.ts';
import { structure } from '../clean/structure.ts';
import { entities } from '../entities/link.ts';
import { events } from '../events/stage.ts';
import { createDoc, type Doc, type DocMeta, type SourceFormat } from '../doc/doc.ts';
import { quotes } from '../quotes/stage.ts';
import { tokenize } from '../text/tokenize.ts';
import { timexes } from '../time/timexes.ts';
import { createPipeline, type Pipeline, type Stage } from './stage.ts';

/**
 * The per-article stages, in order. This list is the table of contents of Dossier's
 * understanding of one article.
 */
export function defaultStages(): Stage[] {
  return [
    extract(), //   raw input → main text and blocks (HTML extraction, plain-text paragraphs)
    clean(), //     repeated blocks and page furniture out, each removal recorded
    structure(), // headings, title, live-blog entries
    language(), //  language of the text
    quality(), //   repetition and shape signals, flags
    tokenize(), //  sentences and tokens (wink-nlp)
    timexes(), //   dates, times, durations and sets (TIMEX3), resolved against the article's date
    entities(), //  names (trained NER), one entity per person or organisation in the article
    quotes(), //    attributions: who said what, through which outlet (trained tagger + assembly)
    events(), //    who did what to whom, where and when (PLOVER and CAMEO; lexicon and rules, English only)
  ];
}

let shared: Pipeline | undefined;

/** The default pipeline, built once. */
export function defaultPipeline(): Pipeline {
  shared ??= createPipeline(defaultStages());
  return shared;
}

/**
 * Runs one raw input through the default pipeline.
 *
 * @example const doc = processArticle(html, 'html', { url: 'https://example.org/a' });
 */
export function processArticle(raw: string, format: SourceFormat, meta: DocMeta = {}): Doc {
  return defaultPipeline()(createDoc(raw, format, meta));
}
