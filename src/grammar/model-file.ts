import { gunzipSync, gzipSync } from 'node:zlib';
import type { ParserModel } from './parser.ts';
import { buildWeights, WEIGHT_STEP, type ParserWeights } from './weights.ts';

const MAGIC = 'DOSSIER-PARSER/2\n';


interface Block {
  classes: number;
  rows: number;
  slots: number;
  scale: number;
}

interface Header {
  labels: string[];
  tags: string[] | null;
  blocks: Block[];
  meta: Record<string, unknown>;
}

/**
 * Writes a parser model file: a magic line, a JSON header (relations, the tagger's tags, and
 * `meta`: the command, data files and figures of the run that made it), then per set of
 * weights (the parser's, then the tagger's) the rows sorted by feature hash (the hashes
 * delta-coded), each row's slot count, the slots' actions and their weights quantised to
 * steps of WEIGHT_STEP (16 bits, low bytes then high bytes); all gzipped. The layout follows src/learn/model-file.ts, which packs a row's labels
 * into a 32-bit mask and so cannot hold a parser's hundred-odd actions.
 */
export function writeParserModel(model: ParserModel): Buffer {
  const parts: Buffer[] = [];
  const blocks = [model.weights, ...(model.tagger ? [model.tagger.weights] : [])].map((w) => packWeights(w, parts));
  const header: Header = { labels: model.labels, tags: model.tagger?.tags ?? null, blocks, meta: model.meta };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return gzipSync(Buffer.concat([Buffer.from(MAGIC, 'utf8'), length, json, ...parts]), { level: 9 });
}

function packWeights(w: ParserWeights, parts: Buffer[]): Block {
  const rows = w.keys.length;
  const keyOf = w.keys;
  const order = Array.from({ length: rows }, (_, r) => r).sort((a, b) => (keyOf[a] >>> 0) - (keyOf[b] >>> 0));
  let maxAbs = 0;
  for (const v of w.slotWeight) maxAbs = Math.max(maxAbs, Math.abs(v));
  // Weights are scored in steps of WEIGHT_STEP (dev LAS moves by a few hundredths), so they are
  // stored so; most then fit a byte.
  if (maxAbs / WEIGHT_STEP > 32767) throw new TypeError('writeParserModel: a weight too large for 16 bits');
  const scale = WEIGHT_STEP;
  const deltas = new Uint32Array(rows);
  const lengths = new Uint8Array(rows);
  const classes = new Uint8Array(w.slotClass.length);
  const values = new Int16Array(w.slotClass.length);
  let previous = 0;
  let s = 0;
  order.forEach((r, k) => {
    const key = keyOf[r] >>> 0;
    deltas[k] = key - previous;
    previous = key;
    const from = w.rowStart[r];
    const to = w.rowStart[r + 1];
    lengths[k] = to - from;
    for (let i = from; i < to; i++) {
      classes[s] = w.slotClass[i];
      values[s++] = Math.round(w.slotWeight[i] / scale);
    }
  });
  const bytes = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  // low bytes, then high bytes: the high ones are nearly all 0 or 255, which gzip packs tightly
  const low = new Uint8Array(s);
  const high = new Uint8Array(s);
  for (let i = 0; i < s; i++) {
    low[i] = values[i] & 255;
    high[i] = (values[i] >> 8) & 255;
  }
  parts.push(bytes(deltas), bytes(lengths), bytes(classes.subarray(0, s)), bytes(low), bytes(high));
  return { classes: w.classes, rows, slots: s, scale };
}

/** Reads a file written by writeParserModel. Throws a TypeError if it is not one. */
export function readParserModel(gzipped: Uint8Array): ParserModel {
  const bytes = gunzipSync(gzipped);
  const magicLength = Buffer.byteLength(MAGIC);
  if (bytes.subarray(0, magicLength).toString('utf8') !== MAGIC) throw new TypeError('not a Dossier parser model file');
  const jsonLength = bytes.readUInt32LE(magicLength);
  let at = magicLength + 4;
  const header = JSON.parse(bytes.subarray(at, at + jsonLength).toString('utf8')) as Header;
  at += jsonLength;
  const take = (n: number): Uint8Array => {
    const copy = new Uint8Array(n);
    copy.set(bytes.subarray(at, at + n));
    at += n;
    return copy;
  };
  const weights = header.blocks.map(({ classes, rows, slots, scale }) => {
    const deltas = new Uint32Array(take(rows * 4).buffer);
    const lengths = take(rows);
    const slotClass = take(slots);
    const low = take(slots);
    const high = take(slots);
    const keys = new Int32Array(rows);
    const rowStart = new Int32Array(rows + 1);
    let key = 0;
    for (let r = 0; r < rows; r++) {
      key = (key + deltas[r]) >>> 0;
      keys[r] = key | 0;
      rowStart[r + 1] = rowStart[r] + lengths[r];
    }
    const slotWeight = new Float32Array(slots);
    for (let i = 0; i < slots; i++) slotWeight[i] = (((high[i] << 24) >> 16) | low[i]) * scale;
    return buildWeights(classes, keys, rowStart, slotClass, slotWeight);
  });
  const tagger = header.tags && weights[1] ? { tags: header.tags, weights: weights[1] } : null;
  return { labels: header.labels, weights: weights[0], tagger, meta: header.meta };
}
