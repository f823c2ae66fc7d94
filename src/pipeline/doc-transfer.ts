import type { Doc } from '../doc/doc.ts';
import { LAYER_CODECS, LAYER_NAMES } from '../store/layer-codec.ts';

/**
 * A processed Doc as a worker thread sends it back to the thread that stores it: what the
 * pipeline filled in, with the layers in the store's compact forms (LAYER_CODECS) as one JSON
 * string. A string crosses threads as one copy, where a Doc's thousands of small token objects
 * would be cloned one by one; measured by hand on the sample corpus, reading it back took the
 * receiving thread about a quarter of the time a structured clone of the whole Doc takes, and
 * the receiving thread is the one that also writes the store. The raw input and the id are not
 * sent: the receiver has them. Dependency arcs (Doc.deps) are not sent either: the store does
 * not keep them, and they are computed again on demand.
 */
export interface TransferredDoc {
  format: Doc['format'];
  text: string;
  meta: Doc['meta'];
  quality: Doc['quality'];
  /** JSON of an object with one entry per stored layer, each in its LAYER_CODECS form. */
  layers: string;
}

/** The form of a processed Doc that a worker thread sends back (TransferredDoc). */
export function toTransfer(doc: Doc): TransferredDoc {
  const layers: Record<string, unknown> = {};
  for (const name of LAYER_NAMES) layers[name] = LAYER_CODECS[name].encode(doc);
  return { format: doc.format, text: doc.text, meta: doc.meta, quality: doc.quality, layers: JSON.stringify(layers) };
}

/**
 * Fills in `doc` (the Doc the task was made from, with its raw input and id) from what the
 * worker sent back, and returns it.
 *
 * @example const stored = fromTransfer(createDoc(raw, 'text'), await pool.run(task));
 */
export function fromTransfer(doc: Doc, sent: TransferredDoc): Doc {
  doc.format = sent.format;
  doc.text = sent.text;
  doc.meta = sent.meta;
  doc.quality = sent.quality;
  const layers = JSON.parse(sent.layers) as Record<string, unknown>;
  for (const name of LAYER_NAMES) LAYER_CODECS[name].decode(layers[name], doc);
  return doc;
}
