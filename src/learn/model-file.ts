import { gunzipSync, gzipSync } from 'node:zlib';
import type { PassWeights } from './perceptron.ts';

interface BlobRef {
  offset: number;
  length: number;
}

interface PassHeader {
  bits: number;
  labelCount: number;
  scale: number;
  rowCount: number;
  buckets: BlobRef;
  masks: BlobRef;
  values: BlobRef;
  transitions: number[];
}

/**
 * Writes a model file: a magic line, a JSON header (whatever the model needs besides its
 * weights) and, per pass of weights, the used feature buckets (delta-coded), a label bit
 * mask per row and the non-zero weights quantised to 16 bits, all gzipped.
 *
 * @example writeModelBytes('DOSSIER-QUOTES/1\n', { labels }, [weights])
 */
export function writeModelBytes(magic: string, header: object, passes: readonly PassWeights[]): Buffer {
  const blobs: Buffer[] = [];
  let blobOffset = 0;
  const addBlob = (bytes: Uint8Array): BlobRef => {
    const ref = { offset: blobOffset, length: bytes.byteLength };
    blobs.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    blobOffset += bytes.byteLength;
    return ref;
  };
  const passHeaders: PassHeader[] = passes.map((pass) => {
    const L = pass.labelCount;
    let maxAbs = 0;
    for (const v of pass.rows) maxAbs = Math.max(maxAbs, Math.abs(v));
    const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
    const buckets: number[] = [];
    for (let b = 0; b < pass.rowOf.length; b++) if (pass.rowOf[b] >= 0) buckets.push(b);
    const deltas = new Uint32Array(buckets.length);
    const masks = new Uint32Array(buckets.length);
    const values: number[] = [];
    let previous = 0;
    buckets.forEach((b, k) => {
      deltas[k] = b - previous;
      previous = b;
      const row = pass.rowOf[b] * L;
      let mask = 0;
      for (let y = 0; y < L; y++) {
        const q = Math.round(pass.rows[row + y] / scale);
        if (q === 0) continue;
        mask |= 1 << y;
        values.push(q);
      }
      masks[k] = mask >>> 0;
    });
    return {
      bits: pass.bits,
      labelCount: L,
      scale,
      rowCount: buckets.length,
      buckets: addBlob(new Uint8Array(deltas.buffer)),
      masks: addBlob(new Uint8Array(masks.buffer)),
      values: addBlob(new Uint8Array(Int16Array.from(values).buffer)),
      transitions: Array.from(pass.transitions),
    };
  });
  const json = Buffer.from(JSON.stringify({ ...header, passes: passHeaders }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return gzipSync(Buffer.concat([Buffer.from(magic, 'utf8'), length, json, ...blobs]), { level: 9 });
}

/**
 * Reads a model file written by writeModelBytes: its header (without `passes`) and its
 * weights. Throws a TypeError if the bytes do not start with `magic`.
 */
export function readModelBytes<H>(magic: string, gzipped: Uint8Array, what: string): { header: H; passes: PassWeights[] } {
  const bytes = gunzipSync(gzipped);
  const magicLength = Buffer.byteLength(magic);
  if (bytes.subarray(0, magicLength).toString('utf8') !== magic) throw new TypeError(`not a ${what} file`);
  const jsonLength = bytes.readUInt32LE(magicLength);
  const jsonStart = magicLength + 4;
  const { passes: passHeaders, ...header } = JSON.parse(bytes.subarray(jsonStart, jsonStart + jsonLength).toString('utf8')) as { passes: PassHeader[] };
  const blobStart = jsonStart + jsonLength;
  const blob = (ref: BlobRef): Uint8Array => {
    const copy = new Uint8Array(ref.length);
    copy.set(bytes.subarray(blobStart + ref.offset, blobStart + ref.offset + ref.length));
    return copy;
  };
  const passes = passHeaders.map((p): PassWeights => {
    const L = p.labelCount;
    const deltas = new Uint32Array(blob(p.buckets).buffer);
    const masks = new Uint32Array(blob(p.masks).buffer);
    const values = new Int16Array(blob(p.values).buffer);
    const rowOf = new Int32Array(1 << p.bits).fill(-1);
    const rows = new Float32Array(p.rowCount * L);
    let bucket = 0;
    let v = 0;
    for (let k = 0; k < p.rowCount; k++) {
      bucket += deltas[k];
      rowOf[bucket] = k;
      const mask = masks[k];
      for (let y = 0; y < L; y++) if (mask & (1 << y)) rows[k * L + y] = values[v++] * p.scale;
    }
    return { bits: p.bits, labelCount: L, rowOf, rows, transitions: Float64Array.from(p.transitions) };
  });
  return { header: header as H, passes };
}
