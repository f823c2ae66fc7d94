/**
 * Weights of the parser's linear model, sparse by feature: a feature hash finds a row, a row
 * holds (action, weight) slots for the actions that feature ever voted on. Most features vote
 * on a handful of the hundred-odd actions, so scoring a configuration reads a few hundred
 * numbers, and the file stays small.
 */
export interface ParserWeights {
  /** Number of actions. */
  classes: number;
  /** Row r: its feature hash `keys[r]`, its slots `rowStart[r]..rowStart[r + 1]` (`slotClass`, `slotWeight`). */
  keys: Int32Array;
  rowStart: Int32Array;
  slotClass: Uint8Array;
  slotWeight: Float32Array;
  /**
   * The same, laid out for scoring: open addressing over places of PLACE ints (16 bytes, a
   * quarter of a cache line): the key (0: an empty place), the row's length and where its slots
   * past the first INLINE go in `overflow`, then up to INLINE slots, each `weight << 8 | action`
   * with the weight in steps of WEIGHT_STEP. Most rows hold one or two slots, so a feature
   * costs one memory read, where separate key and slot arrays cost two or more; rows with more
   * slots are the common features, whose overflow stays in the cache.
   */
  table: Int32Array;
  mask: number;
  overflow: Int32Array;
}

/** Stored and scored weights are multiples of this (a perceptron's weights move in steps of 1). */
export const WEIGHT_STEP = 0.5;

const PLACE = 4;
const INLINE = PLACE - 2;

/** The value a table of `[key, value]` pairs holds for a feature hash, or -1 (the trainer's table). */
export function findRow(table: Int32Array, mask: number, key: number): number {
  let i = (key ^ (key >>> 16)) & mask;
  for (;;) {
    const k = table[2 * i];
    if (k === key) return table[2 * i + 1];
    if (k === 0) return -1;
    i = (i + 1) & mask;
  }
}

// Where the first passes of scoring leave what they read, so that the reads are not dropped as unused.
let touched = 0;

/**
 * Adds the votes of `count` features to `scores` (which the caller zeroes), in units of
 * WEIGHT_STEP: integers, so the sums need no conversion to floating point (the slots' adds are
 * most of a parse's time).
 */
export function scoreFeatures(w: ParserWeights, features: Int32Array, count: number, scores: Int32Array): void {
  const { table, mask, overflow } = w;
  // First every feature's place is read in a loop whose reads do not wait on one another, so
  // the processor fetches them from memory side by side; the second loop then finds them in
  // the cache. With the tables far bigger than the cache, this is most of the time saved.
  let touch = 0;
  for (let f = 0; f < count; f++) {
    const key = features[f];
    touch ^= table[((key ^ (key >>> 16)) & mask) * PLACE];
  }
  touched = touch;
  for (let f = 0; f < count; f++) {
    const key = features[f];
    let at = ((key ^ (key >>> 16)) & mask) * PLACE;
    for (;;) {
      const k = table[at];
      if (k === key) break;
      if (k === 0) {
        at = -1;
        break;
      }
      at = (at + PLACE) & (mask * PLACE + PLACE - 1);
    }
    if (at < 0) continue;
    const meta = table[at + 1];
    const length = meta & 255;
    const inline = length < INLINE ? length : INLINE;
    for (let s = at + 2, e = at + 2 + inline; s < e; s++) {
      const v = table[s];
      scores[v & 255] += v >> 8;
    }
    if (length > INLINE) {
      for (let s = meta >>> 8, e = s + length - INLINE; s < e; s++) {
        const v = overflow[s];
        scores[v & 255] += v >> 8;
      }
    }
  }
}

/** Builds ParserWeights from rows given as parallel arrays (keys, and each row's classes and weights). */
export function buildWeights(classes: number, keys: Int32Array, rowStart: Int32Array, slotClass: Uint8Array, slotWeight: Float32Array): ParserWeights {
  let places = 1024;
  while (places < keys.length * 1.4) places *= 2;
  const table = new Int32Array(places * PLACE);
  const mask = places - 1;
  let spill = 0;
  for (let r = 0; r < keys.length; r++) spill += Math.max(0, rowStart[r + 1] - rowStart[r] - INLINE);
  if (spill >= 1 << 24) throw new TypeError('buildWeights: too many weights');
  const overflow = new Int32Array(spill);
  let next = 0;
  for (let r = 0; r < keys.length; r++) {
    const key = keys[r];
    const from = rowStart[r];
    const length = rowStart[r + 1] - from;
    if (length > 255) throw new TypeError('buildWeights: a row of more than 255 weights');
    let at = ((key ^ (key >>> 16)) & mask) * PLACE;
    while (table[at] !== 0) at = (at + PLACE) % (places * PLACE);
    table[at] = key;
    table[at + 1] = length | (next << 8);
    for (let k = 0; k < length; k++) {
      const v = (Math.round(slotWeight[from + k] / WEIGHT_STEP) << 8) | slotClass[from + k];
      if (k < INLINE) table[at + 2 + k] = v;
      else overflow[next++] = v;
    }
  }
  return { classes, keys, rowStart, slotClass, slotWeight, table, mask, overflow };
}

/**
 * An averaged perceptron (Collins 2002; Freund and Schapire 1999) over the sparse rows, for
 * training. Averaging uses the usual trick: beside each weight w, u sums step × change, and
 * the average after T steps is w − u / T.
 */
export class PerceptronWeights {
  readonly classes: number;
  private table: Int32Array;
  private mask: number;
  private used = 0;
  private keys: Int32Array;
  private rowStart: Int32Array;
  private rowLength: Int32Array;
  private rowCapacity: Int32Array;
  private rows = 0;
  private slotClass: Uint8Array;
  private slotWeight: Float32Array;
  private slotTotal: Float64Array;
  private slots = 0;
  private found = new Int32Array(256);
  /** Training steps so far (one per configuration seen). */
  step = 1;

  constructor(classes: number) {
    if (classes > 256) throw new TypeError('PerceptronWeights holds at most 256 actions');
    this.classes = classes;
    this.table = new Int32Array(2 << 20);
    this.mask = (1 << 20) - 1;
    this.keys = new Int32Array(1 << 16);
    this.rowStart = new Int32Array(1 << 16);
    this.rowLength = new Int32Array(1 << 16);
    this.rowCapacity = new Int32Array(1 << 16);
    this.slotClass = new Uint8Array(1 << 20);
    this.slotWeight = new Float32Array(1 << 20);
    this.slotTotal = new Float64Array(1 << 20);
  }

  /** Number of feature rows. */
  get rowCount(): number {
    return this.rows;
  }

  /** Adds the current (not averaged) votes of the features to `scores` (which the caller zeroes). */
  score(features: Int32Array, count: number, scores: Float32Array): void {
    const { table, mask, rowStart, rowLength, slotClass, slotWeight } = this;
    if (this.found.length < count) this.found = new Int32Array(count);
    const found = this.found;
    // Three passes, each over loads that do not wait on one another (see scoreFeatures).
    let touch = 0;
    for (let f = 0; f < count; f++) {
      const key = features[f];
      touch ^= table[2 * ((key ^ (key >>> 16)) & mask)];
    }
    for (let f = 0; f < count; f++) {
      const r = findRow(table, mask, features[f]);
      found[f] = r;
      if (r >= 0) touch ^= rowStart[r] ^ rowLength[r];
    }
    for (let f = 0; f < count; f++) {
      const r = found[f];
      if (r >= 0) touch ^= slotClass[rowStart[r]] ^ (slotWeight[rowStart[r]] | 0);
    }
    touched = touch;
    for (let f = 0; f < count; f++) {
      const r = found[f];
      if (r < 0) continue;
      for (let s = rowStart[r], e = s + rowLength[r]; s < e; s++) scores[slotClass[s]] += slotWeight[s];
    }
  }

  /** One perceptron update: every feature votes +1 more for `good` and 1 less for `bad`. */
  update(features: Int32Array, count: number, good: number, bad: number): void {
    for (let f = 0; f < count; f++) {
      const r = this.rowOf(features[f]);
      this.add(r, good, 1);
      this.add(r, bad, -1);
    }
  }

  /** The averaged weights, without slots whose averaged weight is at most `threshold` in magnitude. */
  averaged(threshold = 0): ParserWeights {
    const T = this.step;
    const keys: number[] = [];
    const starts: number[] = [0];
    const classes: number[] = [];
    const weights: number[] = [];
    for (let r = 0; r < this.rows; r++) {
      const before = classes.length;
      for (let s = this.rowStart[r], e = s + this.rowLength[r]; s < e; s++) {
        const v = this.slotWeight[s] - this.slotTotal[s] / T;
        if (Math.abs(v) <= threshold) continue;
        classes.push(this.slotClass[s]);
        weights.push(v);
      }
      if (classes.length === before) continue;
      keys.push(this.keys[r]);
      starts.push(classes.length);
    }
    return buildWeights(this.classes, Int32Array.from(keys), Int32Array.from(starts), Uint8Array.from(classes), Float32Array.from(weights));
  }

  /**
   * The sum of several perceptrons' averaged weights (the same actions, features hashed alike),
   * without slots whose summed weight is at most `threshold` in magnitude: one linear model whose
   * scores are the members' scores added, so parsing with it costs what parsing with one costs,
   * give or take the rows only some members have.
   */
  static summedAverages(members: readonly PerceptronWeights[], threshold = 0): ParserWeights {
    const classes = members[0].classes;
    if (members.some((m) => m.classes !== classes)) throw new TypeError('summedAverages: members with different actions');
    const sum = new Float64Array(classes);
    const used = new Uint8Array(classes);
    const keys: number[] = [];
    const starts: number[] = [0];
    const slotClasses: number[] = [];
    const weights: number[] = [];
    members.forEach((m, k) => {
      for (let r = 0; r < m.rows; r++) {
        const key = m.keys[r];
        // a key is summed once, at the first member that has it
        let seen = false;
        for (let j = 0; j < k && !seen; j++) seen = members[j].findRow(key) >= 0;
        if (seen) continue;
        for (let j = k; j < members.length; j++) {
          const other = members[j];
          const row = j === k ? r : other.findRow(key);
          if (row < 0) continue;
          const T = other.step;
          for (let s = other.rowStart[row], e = s + other.rowLength[row]; s < e; s++) {
            const c = other.slotClass[s];
            sum[c] += other.slotWeight[s] - other.slotTotal[s] / T;
            used[c] = 1;
          }
        }
        const before = slotClasses.length;
        for (let c = 0; c < classes; c++) {
          if (!used[c]) continue;
          if (Math.abs(sum[c]) > threshold) {
            slotClasses.push(c);
            weights.push(sum[c]);
          }
          sum[c] = 0;
          used[c] = 0;
        }
        if (slotClasses.length === before) continue;
        keys.push(key);
        starts.push(slotClasses.length);
      }
    });
    return buildWeights(classes, Int32Array.from(keys), Int32Array.from(starts), Uint8Array.from(slotClasses), Float32Array.from(weights));
  }

  /** The row of a feature hash, or -1. */
  private findRow(key: number): number {
    return findRow(this.table, this.mask, key);
  }

  private rowOf(key: number): number {
    let i = (key ^ (key >>> 16)) & this.mask;
    for (;;) {
      const k = this.table[2 * i];
      if (k === key) return this.table[2 * i + 1];
      if (k === 0) break;
      i = (i + 1) & this.mask;
    }
    const r = this.rows++;
    if (r >= this.keys.length) this.growRows();
    this.keys[r] = key;
    this.rowStart[r] = this.slots;
    this.rowLength[r] = 0;
    this.rowCapacity[r] = 0;
    this.table[2 * i] = key;
    this.table[2 * i + 1] = r;
    if (++this.used * 2 > this.mask) this.growTable();
    return r;
  }

  private add(r: number, cls: number, delta: number): void {
    const start = this.rowStart[r];
    const length = this.rowLength[r];
    for (let s = start; s < start + length; s++) {
      if (this.slotClass[s] === cls) {
        this.slotWeight[s] += delta;
        this.slotTotal[s] += this.step * delta;
        return;
      }
    }
    if (length === this.rowCapacity[r]) this.moveRow(r, Math.max(2, length * 2));
    const s = this.rowStart[r] + this.rowLength[r]++;
    this.slotClass[s] = cls;
    this.slotWeight[s] = delta;
    this.slotTotal[s] = this.step * delta;
  }

  // Gives row r a bigger place at the end of the slots (the old place is left unused).
  private moveRow(r: number, capacity: number): void {
    const needed = this.slots + capacity;
    if (needed > this.slotClass.length) {
      let size = this.slotClass.length * 2;
      while (size < needed) size *= 2;
      this.slotClass = grow(this.slotClass, new Uint8Array(size));
      this.slotWeight = grow(this.slotWeight, new Float32Array(size));
      this.slotTotal = grow(this.slotTotal, new Float64Array(size));
    }
    const from = this.rowStart[r];
    const length = this.rowLength[r];
    const to = this.slots;
    this.slotClass.copyWithin(to, from, from + length);
    this.slotWeight.copyWithin(to, from, from + length);
    this.slotTotal.copyWithin(to, from, from + length);
    this.rowStart[r] = to;
    this.rowCapacity[r] = capacity;
    this.slots += capacity;
  }

  private growRows(): void {
    const size = this.keys.length * 2;
    this.keys = grow(this.keys, new Int32Array(size));
    this.rowStart = grow(this.rowStart, new Int32Array(size));
    this.rowLength = grow(this.rowLength, new Int32Array(size));
    this.rowCapacity = grow(this.rowCapacity, new Int32Array(size));
  }

  private growTable(): void {
    const places = (this.mask + 1) * 2;
    const table = new Int32Array(places * 2);
    const mask = places - 1;
    for (let r = 0; r < this.rows; r++) {
      const key = this.keys[r];
      let i = (key ^ (key >>> 16)) & mask;
      while (table[2 * i] !== 0) i = (i + 1) & mask;
      table[2 * i] = key;
      table[2 * i + 1] = r;
    }
    this.table = table;
    this.mask = mask;
  }
}

function grow<T extends Uint8Array | Int32Array | Float32Array | Float64Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}
