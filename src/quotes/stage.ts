import { resolve } from 'node:path';
import type { Doc } from '../doc/doc.ts';
import type { Stage } from '../pipeline/stage.ts';
import { assembleQuotes, quoteKind, quotationMarks } from './assemble.ts';
import { docParagraphs, readQuoteModel, tagParagraphs, type QuoteModel } from './model.ts';
import { DEFAULT_QUOTE_MODEL_PATH } from './paths.ts';

let cache: { path: string; model: QuoteModel } | null = null;

/** Loads the attribution model (the committed one unless a path is given), once per path. */
export function loadQuoteModel(path: string = DEFAULT_QUOTE_MODEL_PATH): QuoteModel {
  const full = resolve(path);
  if (cache?.path !== full) cache = { path: full, model: readQuoteModel(full) };
  return cache.model;
}

/** Every attribution in a tokenised Doc with names: tagged by the model, assembled and resolved. */
export function findQuotes(doc: Doc, model: QuoteModel = loadQuoteModel()): Doc['quotes'] {
  const paragraphs = docParagraphs(doc);
  return keepReliableQuotes(doc, assembleQuotes(doc, paragraphs, tagParagraphs(model, paragraphs)));
}

/**
 * In an article that is not in English, only quotations are kept: a content in quotation
 * marks, or the quoted stretch of one that is mostly quoted ("„Wir öffnen die Schleusen“,
 * sagte"), with a speaker only where it is a name the article gives (an entity). The
 * attribution model learnt English reporting clauses; elsewhere it reads ordinary sentences
 * as indirect speech and any words before a colon or a verb ("Oder man", "Warning") as a
 * speaker. A dropped speaker takes its cue, source span and outlets with it.
 */
export function keepReliableQuotes(doc: Doc, quotes: Doc['quotes']): Doc['quotes'] {
  const language = doc.meta.language;
  if (!language || language === 'en' || language === 'und') return quotes;
  const kept: Doc['quotes'] = [];
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
  return kept;
}

/** Stage: attributions (who said what, through which outlet) with their spans. */
export function quotes(options: { modelPath?: string } = {}): Stage {
  return {
    name: 'quotes',
    needs: ['blocks', 'sentences', 'tokens', 'mentions', 'entities'],
    provides: ['quotes'],
    run(doc: Doc) {
      doc.quotes = findQuotes(doc, loadQuoteModel(options.modelPath));
    },
  };
}
