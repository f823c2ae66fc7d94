import type { Doc } from '../doc/doc.ts';
import type { Stage } from '../pipeline/stage.ts';
import { defaultParser } from './model.ts';
import { parseTokens } from './parse.ts';
import type { Parser } from './parser.ts';

/**
 * Stage: the dependency parse of every sentence (Doc.deps, one per token). `parser` defaults
 * to the committed model, loaded when the first article is parsed.
 */
export function parse(options: { parser?: Parser } = {}): Stage {
  return {
    name: 'parse',
    needs: ['text', 'sentences', 'tokens'],
    provides: ['deps'],
    run(doc: Doc) {
      doc.deps = parseTokens(options.parser ?? defaultParser(), doc.text, doc.tokens, doc.sentences);
    },
  };
}

/** The Doc's parse: Doc.deps when the parse stage ran, else parsed now (and kept on the Doc). */
export function depsOf(doc: Doc, parser: Parser = defaultParser()): Doc['deps'] {
  if (doc.deps.length !== doc.tokens.length) doc.deps = parseTokens(parser, doc.text, doc.tokens, doc.sentences);
  return doc.deps;
}
