import { readFileSync } from 'node:fs';
import { readParserModel } from './model-file.ts';
import { Parser } from './parser.ts';
import { DEFAULT_PARSER_PATH } from './paths.ts';

/** Loads a parser from a model file written by `npm run train:parse`. */
export function loadParser(path: string = DEFAULT_PARSER_PATH): Parser {
  return new Parser(readParserModel(readFileSync(path)));
}

let shared: Parser | undefined;

/** The committed parser (src/grammar/model/parser.bin.gz), loaded on first use. */
export function defaultParser(): Parser {
  shared ??= loadParser();
  return shared;
}
