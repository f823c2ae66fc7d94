import { resolve } from 'node:path';
import type { Doc } from '../doc/doc.ts';
import type { Stage } from '../pipeline/stage.ts';
import { assembleQuotes, type AssembleOptions } from './assemble.ts';
import { docParagraphs, readQuoteModel, tagParagraphs, type QuoteModel } from './model.ts';
import { keepReliableQuotes } from './other-languages.ts';
import { DEFAULT_QUOTE_MODEL_PATH } from './paths.ts';

let cache: { path: string; model: QuoteModel } | null = null;

/** Loads the attribution model (the committed one unless a path is given), once per path. */
export function loadQuoteModel(path: string = DEFAULT_QUOTE_MODEL_PATH): QuoteModel {
  const full = resolve(path);
  if (cache?.path !== full) cache = { path: full, model: readQuoteModel(full) };
  return cache.model;
}

/** Every attribution in a tokenised Doc with names: tagged by the model, assembled and resolved. */
export function findQuotes(doc: Doc, model: QuoteModel = loadQuoteModel(), options: AssembleOptions = {}): Doc['quotes'] {
  const paragraphs = docParagraphs(doc);
  return keepReliableQuotes(doc, assembleQuotes(doc, paragraphs, tagParagraphs(model, paragraphs), options));
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
