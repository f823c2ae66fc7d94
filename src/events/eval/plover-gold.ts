import { readFileSync } from 'node:fs';
import type { Span } from '../../doc/span.ts';

/**
 * Reader of the PLOVER gold-standard records (`PLOVER_GSR_CAMEO.txt`, a JSON array; format
 * notes in `PLOVER_GSR_CAMEO_readme.tex`): one English sentence per record, coded with its
 * PLOVER event type, mode, context, source and target actors (code, sector) and a marked-up
 * copy of the sentence. The DOCUMENT records, which document the file, are skipped.
 */

/** An actor as a PLOVER record codes it: its words, its code (ISO 3166 alpha-3, or IGO, NGO…) and sector. */
export interface GoldActor {
  text: string;
  code: string;
  sector?: string;
}

/** A marked stretch of the sentence: `SRC`, `TAR`, `SRC/TAR` (reciprocal), `EVT` or `LOC`, with its span in `text`. */
export interface GoldMark extends Span {
  kind: 'SRC' | 'TAR' | 'SRC/TAR' | 'EVT' | 'LOC';
  text: string;
}

/** One coded sentence. */
export interface PloverGold {
  id: string;
  /** The event type as the file writes it (AGREE, DEMAND, DISAPPROVE…). */
  event: string;
  /** The words the coders took as the event ("agreed cooperate"). */
  eventText: string;
  mode?: string;
  context?: string;
  text: string;
  source: GoldActor[];
  target: GoldActor[];
  location?: { name: string; country?: string };
  /** The markup's marks, in text order, each found in `text` (marks the sentence does not hold as written are left out). */
  marks: GoldMark[];
}

/** The file's shape, as far as this reader relies on it. */
interface RawRecord {
  id?: unknown;
  event?: unknown;
  eventText?: unknown;
  mode?: unknown;
  context?: unknown;
  text?: unknown;
  source?: unknown;
  target?: unknown;
  eventLoc?: unknown;
  textInfo?: { markup?: unknown };
}

const MARK = /\((SRC\/TAR|SRC|TAR|EVT|LOC):\s*([^()]*?)\s*\)/g;

function actors(value: unknown): GoldActor[] {
  if (!Array.isArray(value)) return []; // the file writes "" (or a stray word) for no actor
  const out: GoldActor[] = [];
  for (const a of value) {
    if (!a || typeof a !== 'object') continue;
    const { actorText, code, sector } = a as Record<string, unknown>;
    if (typeof actorText !== 'string' || typeof code !== 'string') continue;
    out.push(typeof sector === 'string' && sector ? { text: actorText, code, sector } : { text: actorText, code });
  }
  return out;
}

/** The marks of a markup string, located in the plain sentence in order. */
export function readMarks(markup: string, text: string): GoldMark[] {
  const marks: GoldMark[] = [];
  let from = 0;
  for (const m of markup.matchAll(MARK)) {
    const words = m[2];
    if (!words) continue;
    const at = text.indexOf(words, from);
    if (at < 0) continue;
    marks.push({ kind: m[1] as GoldMark['kind'], text: words, start: at, end: at + words.length });
    from = at + words.length;
  }
  return marks;
}

/** Parses the file's JSON text into coded sentences, in file order, without the DOCUMENT records. */
export function parsePloverGold(json: string): PloverGold[] {
  const data: unknown = JSON.parse(json);
  if (!Array.isArray(data)) throw new TypeError('PLOVER gold: the file is not a JSON array');
  const out: PloverGold[] = [];
  for (const raw of data as RawRecord[]) {
    if (raw.event === 'DOCUMENT') continue;
    if (typeof raw.id !== 'string' || typeof raw.event !== 'string' || typeof raw.text !== 'string') {
      throw new TypeError(`PLOVER gold: a record without id, event or text (${JSON.stringify(raw.id ?? null)})`);
    }
    const record: PloverGold = {
      id: raw.id,
      event: raw.event,
      eventText: typeof raw.eventText === 'string' ? raw.eventText : '',
      text: raw.text,
      source: actors(raw.source),
      target: actors(raw.target),
      marks: typeof raw.textInfo?.markup === 'string' ? readMarks(raw.textInfo.markup, raw.text) : [],
    };
    if (typeof raw.mode === 'string' && raw.mode) record.mode = raw.mode;
    if (typeof raw.context === 'string' && raw.context) record.context = raw.context;
    const loc = raw.eventLoc as Record<string, unknown> | undefined;
    if (loc && typeof loc.name === 'string') {
      const cc = loc['country code'];
      record.location = typeof cc === 'string' ? { name: loc.name, country: cc } : { name: loc.name };
    }
    out.push(record);
  }
  return out;
}

/** Reads the gold file at `path`. */
export function readPloverGold(path: string): PloverGold[] {
  return parsePloverGold(readFileSync(path, 'utf8'));
}
