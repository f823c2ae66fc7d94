import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the grammar code (this file's folder). */
export const GRAMMAR_DIR = dirname(fileURLToPath(import.meta.url));

/** Where the committed parser model lives. */
export const DEFAULT_PARSER_PATH = join(GRAMMAR_DIR, 'model', 'parser.bin.gz');
