import type { Span } from '../doc/span.ts';

/**
 * Compact stored forms for the layers with thousands of items an article (tokens above all):
 * whole numbers as a string of base-32 digits, spans as gaps and lengths in that form, labels
 * as a list of their distinct values plus one number each. The digits are the base64url
 * characters, so JSON keeps the strings as they are and SQLite stores one byte a digit.
 */

/** Digit d (0–31) ends a number; digit 32 + d carries d and says that more digits follow. */
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE = 32;
const DIGIT_CODES = Uint8Array.from(DIGITS, (c) => c.charCodeAt(0));
/** The value of each character code below 128 as a digit, or -1. */
const DIGIT_VALUES = new Int8Array(128).fill(-1);
for (let d = 0; d < DIGITS.length; d++) DIGIT_VALUES[DIGIT_CODES[d]] = d;
/** Offsets the span form holds: any UTF-16 offset into a JavaScript string is far below this. */
const MAX_OFFSET = 2 ** 40;

/**
 * Whole numbers from 0 to 2^53 − 1 as one string, least significant digit first: numbers below
 * 32 take one character, below 1024 two.
 *
 * @example packNumbers([0, 5, 40]) // 'AFoB'
 */
export function packNumbers(numbers: ArrayLike<number>): string {
  let length = 0;
  for (let i = 0; i < numbers.length; i++) {
    let n = numbers[i];
    if (!Number.isSafeInteger(n) || n < 0) throw new TypeError(`packNumbers takes whole numbers from 0 (got ${n})`);
    length++;
    while (n >= BASE) {
      n = Math.floor(n / BASE);
      length++;
    }
  }
  // digits are ASCII: written as bytes and read as one string, far faster than appending characters
  const bytes = Buffer.allocUnsafe(length);
  let at = 0;
  for (let i = 0; i < numbers.length; i++) {
    let n = numbers[i];
    while (n >= BASE) {
      bytes[at++] = DIGIT_CODES[BASE + (n % BASE)];
      n = Math.floor(n / BASE);
    }
    bytes[at++] = DIGIT_CODES[n];
  }
  return bytes.toString('latin1');
}

/** The inverse of packNumbers. */
export function unpackNumbers(packed: string): number[] {
  const out: number[] = [];
  let n = 0;
  let scale = 1;
  for (let i = 0; i < packed.length; i++) {
    const code = packed.charCodeAt(i);
    const d = code < 128 ? DIGIT_VALUES[code] : -1;
    if (d < 0) throw new TypeError(`a packed number list has a character that is not a digit at ${i}`);
    if (d >= BASE) {
      n += (d - BASE) * scale;
      scale *= BASE;
    } else {
      out.push(n + d * scale);
      n = 0;
      scale = 1;
    }
  }
  if (scale !== 1) throw new TypeError('a packed number list ends inside a number');
  return out;
}

/**
 * Spans as two numbers each: the gap from the previous span's end (from 0 for the first),
 * zigzag-coded so that an overlap is a small number too (0, -1, 1, -2… → 0, 1, 2, 3…), and
 * the length. Sorted, adjacent spans such as tokens take about two characters each.
 * Undefined when a span is not whole numbers from 0 to 2^40 with its end at or after its start.
 */
export function packSpans(spans: readonly Span[]): string | undefined {
  const numbers = new Float64Array(spans.length * 2);
  let end = 0;
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end < s.start || s.end > MAX_OFFSET) return undefined;
    const gap = s.start - end;
    numbers[2 * i] = gap >= 0 ? 2 * gap : -2 * gap - 1;
    numbers[2 * i + 1] = s.end - s.start;
    end = s.end;
  }
  return packNumbers(numbers);
}

/** The inverse of packSpans. */
export function unpackSpans(packed: string): Span[] {
  const numbers = unpackNumbers(packed);
  if (numbers.length % 2 !== 0) throw new TypeError('a packed span list has two numbers a span');
  const out = new Array<Span>(numbers.length / 2);
  let end = 0;
  for (let i = 0; i < out.length; i++) {
    const zigzag = numbers[2 * i];
    const start = end + (zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2);
    end = start + numbers[2 * i + 1];
    out[i] = { start, end };
  }
  return out;
}

/** Labels as their distinct values, in order of first use, and each label's index among them. */
export interface PackedLabels<T> {
  values: T[];
  /** packNumbers of the indexes: one character a label while there are at most 32 values. */
  codes: string;
}

/**
 * A list of labels (parts of speech, token types) in dictionary form. Any values round-trip,
 * not only known ones; two labels are the same value when a Map would take them as one key.
 *
 * @example packLabels(['NOUN', 'VERB', 'NOUN']) // { values: ['NOUN', 'VERB'], codes: 'ABA' }
 */
export function packLabels<T>(labels: readonly T[]): PackedLabels<T> {
  const values: T[] = [];
  const index = new Map<T, number>();
  const codes = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    let k = index.get(labels[i]);
    if (k === undefined) {
      k = values.length;
      values.push(labels[i]);
      index.set(labels[i], k);
    }
    codes[i] = k;
  }
  return { values, codes: packNumbers(codes) };
}

/** The inverse of packLabels. */
export function unpackLabels<T>(packed: PackedLabels<T>): T[] {
  return unpackNumbers(packed.codes).map((k) => {
    if (k >= packed.values.length) throw new TypeError(`a packed label list has code ${k} but ${packed.values.length} values`);
    return packed.values[k];
  });
}
