import type { Doc, EntityType, Mention, Token } from '../doc/doc.ts';
import { packMap, unpackMap } from '../doc/offset-map.ts';
import type { Span } from '../doc/span.ts';
import { packLabels, packSpans, unpackLabels, unpackSpans, type PackedLabels } from './compact-form.ts';

/** The Doc layers a store keeps, each with its compact JSON form. */
type LayerName = 'map' | 'blocks' | 'entries' | 'sentences' | 'tokens' | 'mentions' | 'entities' | 'quotes' | 'timexes' | 'events' | 'removed' | 'messages';

interface Codec {
  encode(doc: Doc): unknown;
  decode(data: unknown, doc: Doc): void;
}

/**
 * Spans as stored: the compact string of packSpans, or the plain form, two numbers a span
 * (`start`, `end`), which older Dossiers wrote and which spans the compact form cannot hold
 * still take.
 */
type StoredSpans = string | number[];
/** Labels as stored: dictionary form, or one value a label as older Dossiers wrote them. */
type StoredLabels<T> = PackedLabels<T> | T[];

function storeSpans(spans: readonly Span[]): StoredSpans {
  return packSpans(spans) ?? spans.flatMap((s) => [s.start, s.end]);
}

function readSpans(stored: StoredSpans): Span[] {
  if (typeof stored === 'string') return unpackSpans(stored);
  const out: Span[] = [];
  for (let i = 0; i + 1 < stored.length; i += 2) out.push({ start: stored[i], end: stored[i + 1] });
  return out;
}

function readLabels<T>(stored: StoredLabels<T>): T[] {
  return Array.isArray(stored) ? stored : unpackLabels(stored);
}

/**
 * Encoders for every stored layer: spans, and the labels of tokens and mentions, in the
 * compact forms of compact-form.ts; the rest as they are. Backends store `encode`'s result as
 * JSON, one row per layer. `decode` reads every form a Dossier has written, telling them apart
 * by shape (a string or an array where spans are, an array or a dictionary where labels are).
 */
export const LAYER_CODECS: Record<LayerName, Codec> = {
  map: { encode: (d) => packMap(d.map), decode: (x, d) => void (d.map = unpackMap(x as number[])) },
  blocks: { encode: (d) => d.blocks, decode: (x, d) => void (d.blocks = x as Doc['blocks']) },
  entries: { encode: (d) => d.entries, decode: (x, d) => void (d.entries = x as Doc['entries']) },
  sentences: { encode: (d) => storeSpans(d.sentences), decode: (x, d) => void (d.sentences = readSpans(x as StoredSpans)) },
  tokens: {
    encode: (d) => ({ spans: storeSpans(d.tokens), pos: packLabels(d.tokens.map((t) => t.pos)), type: packLabels(d.tokens.map((t) => t.type)) }),
    decode(x, d) {
      const stored = x as { spans: StoredSpans; pos: StoredLabels<string>; type: StoredLabels<string> };
      const pos = readLabels(stored.pos);
      const type = readLabels(stored.type);
      d.tokens = readSpans(stored.spans).map((s, i): Token => ({ start: s.start, end: s.end, pos: pos[i], type: type[i] }));
    },
  },
  mentions: {
    encode: (d) => ({ spans: storeSpans(d.mentions), type: packLabels(d.mentions.map((m) => m.type)), entity: d.mentions.map((m) => m.entity) }),
    decode(x, d) {
      const stored = x as { spans: StoredSpans; type: StoredLabels<EntityType>; entity: number[] };
      const type = readLabels(stored.type);
      d.mentions = readSpans(stored.spans).map((s, i): Mention => ({ start: s.start, end: s.end, type: type[i], entity: stored.entity[i] }));
    },
  },
  entities: { encode: (d) => d.entities, decode: (x, d) => void (d.entities = x as Doc['entities']) },
  quotes: { encode: (d) => d.quotes, decode: (x, d) => void (d.quotes = x as Doc['quotes']) },
  timexes: { encode: (d) => d.timexes, decode: (x, d) => void (d.timexes = x as Doc['timexes']) },
  events: { encode: (d) => d.events, decode: (x, d) => void (d.events = x as Doc['events']) },
  removed: { encode: (d) => d.removed, decode: (x, d) => void (d.removed = x as Doc['removed']) },
  messages: { encode: (d) => d.messages, decode: (x, d) => void (d.messages = x as Doc['messages']) },
};

/** Every stored layer's name; an article stored with fewer was stored by an older Dossier. */
export const LAYER_NAMES = Object.keys(LAYER_CODECS) as LayerName[];
