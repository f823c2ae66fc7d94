import type { Doc, EntityType, Token } from '../doc/doc.ts';
import { packMap, unpackMap } from '../doc/offset-map.ts';
import type { Span } from '../doc/span.ts';

/** The Doc layers a store keeps, each with its compact JSON form. */
type LayerName = 'map' | 'blocks' | 'entries' | 'sentences' | 'tokens' | 'mentions' | 'entities' | 'quotes' | 'removed' | 'messages';

interface Codec {
  encode(doc: Doc): unknown;
  decode(data: unknown, doc: Doc): void;
}

function packSpans(spans: readonly Span[]): number[] {
  const out = new Array<number>(spans.length * 2);
  spans.forEach((s, i) => {
    out[2 * i] = s.start;
    out[2 * i + 1] = s.end;
  });
  return out;
}

function unpackSpans(flat: readonly number[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push({ start: flat[i], end: flat[i + 1] });
  return out;
}

/**
 * Encoders for every stored layer: spans as flat number arrays, tokens as parallel arrays,
 * the rest as they are. Backends store `encode`'s result as JSON, one row per layer.
 */
export const LAYER_CODECS: Record<LayerName, Codec> = {
  map: { encode: (d) => packMap(d.map), decode: (x, d) => void (d.map = unpackMap(x as number[])) },
  blocks: { encode: (d) => d.blocks, decode: (x, d) => void (d.blocks = x as Doc['blocks']) },
  entries: { encode: (d) => d.entries, decode: (x, d) => void (d.entries = x as Doc['entries']) },
  sentences: { encode: (d) => packSpans(d.sentences), decode: (x, d) => void (d.sentences = unpackSpans(x as number[])) },
  tokens: {
    encode: (d) => ({ spans: packSpans(d.tokens), pos: d.tokens.map((t) => t.pos), type: d.tokens.map((t) => t.type) }),
    decode(x, d) {
      const { spans, pos, type } = x as { spans: number[]; pos: string[]; type: string[] };
      d.tokens = unpackSpans(spans).map((s, i): Token => ({ ...s, pos: pos[i], type: type[i] }));
    },
  },
  mentions: {
    encode: (d) => ({ spans: packSpans(d.mentions), type: d.mentions.map((m) => m.type), entity: d.mentions.map((m) => m.entity) }),
    decode(x, d) {
      const { spans, type, entity } = x as { spans: number[]; type: EntityType[]; entity: number[] };
      d.mentions = unpackSpans(spans).map((s, i) => ({ ...s, type: type[i], entity: entity[i] }));
    },
  },
  entities: { encode: (d) => d.entities, decode: (x, d) => void (d.entities = x as Doc['entities']) },
  quotes: { encode: (d) => d.quotes, decode: (x, d) => void (d.quotes = x as Doc['quotes']) },
  removed: { encode: (d) => d.removed, decode: (x, d) => void (d.removed = x as Doc['removed']) },
  messages: { encode: (d) => d.messages, decode: (x, d) => void (d.messages = x as Doc['messages']) },
};

/** Every stored layer's name; an article stored with fewer was stored by an older Dossier. */
export const LAYER_NAMES = Object.keys(LAYER_CODECS) as LayerName[];
