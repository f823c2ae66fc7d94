/**
 * TempEval-3's TimeML documents (`.tml`): the creation time, the plain text of `<TEXT>` and its
 * gold TIMEX3s as character spans into that text. The DCT's own TIMEX3 sits outside `<TEXT>`
 * and is not a gold timex (the task does not score it).
 *
 *   train: train/TimeBank + train/AQUAINT (TBAQ-cleaned, 256 documents), the tuning set
 *   test:  test-gold/ (the 20 platinum documents, 138 timexes)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { TimexType } from '../../doc/doc.ts';
import { elementMarkup, readInline, type EvalDoc, type GoldTimex } from './inline-gold.ts';

/** The TempEval-3 splits and the folders (under the tempeval3 data folder) that hold them. */
export const TEMPEVAL_SPLITS = {
  train: ['train/TimeBank', 'train/AQUAINT'],
  test: ['test-gold'],
} as const;
export type TempEvalSplit = keyof typeof TEMPEVAL_SPLITS;

const TYPES: readonly string[] = ['DATE', 'TIME', 'DURATION', 'SET'];

/**
 * One TimeML document. Throws an Error naming the document when it has no `<TEXT>`, a TIMEX3
 * has no known type or no value, or the markup is unbalanced.
 *
 * @example parseTimeML('<DCT><TIMEX3 value="2013-03-22">…</TIMEX3></DCT><TEXT>On <TIMEX3 type="DATE" value="2013-03-22">Friday</TIMEX3></TEXT>', 'x')
 */
export function parseTimeML(xml: string, id: string): EvalDoc {
  const textMarkup = elementMarkup(xml, 'TEXT');
  if (textMarkup === null) throw new Error(`${id}: no <TEXT> element`);
  const dctMarkup = elementMarkup(xml, 'DCT');
  const dct = dctMarkup === null ? null : (readInline(dctMarkup, ['TIMEX3']).elements[0]?.attrs.value ?? null);
  let read: ReturnType<typeof readInline>;
  try {
    read = readInline(textMarkup, ['TIMEX3']);
  } catch (e) {
    throw new Error(`${id}: ${(e as Error).message}`);
  }
  const gold = read.elements.map((el): GoldTimex => {
    const { type, value, mod } = el.attrs;
    if (!TYPES.includes(type)) throw new Error(`${id}: TIMEX3 ${el.attrs.tid ?? ''} at ${el.start} has type ${JSON.stringify(type)}`);
    if (value === undefined) throw new Error(`${id}: TIMEX3 ${el.attrs.tid ?? ''} at ${el.start} has no value`);
    return { start: el.start, end: el.end, text: read.text.slice(el.start, el.end), type: type as TimexType, value, ...(mod ? { mod } : {}), depth: el.depth };
  });
  return { id, dct, text: read.text, gold };
}

/**
 * The documents of one split, read from `folder` (the tempeval3 data folder), in file-name
 * order within each sub-folder.
 */
export function loadTempEval(folder: string, split: TempEvalSplit): EvalDoc[] {
  const docs: EvalDoc[] = [];
  for (const sub of TEMPEVAL_SPLITS[split]) {
    const dir = join(folder, sub);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.tml')).sort()) {
      docs.push(parseTimeML(readFileSync(join(dir, file), 'utf8'), basename(file, '.tml')));
    }
  }
  return docs;
}
