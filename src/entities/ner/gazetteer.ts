/** Longest phrase, in tokens, that a gazetteer matches. */
export const MAX_PHRASE_TOKENS = 6;

/**
 * Lists of names (countries, cities, given names...) matched against token sequences,
 * case-insensitively. `phrases` maps a lower-cased phrase (tokens joined by one space) to
 * a bit set of the lists that hold it; `names` gives the list behind each bit.
 */
export interface Gazetteer {
  names: string[];
  phrases: Map<string, number>;
  /** Lower-cased first token of a phrase → the most tokens any phrase starting with it has. */
  firstTokens: Map<string, number>;
}

/**
 * Builds a gazetteer from named lists of phrases. Phrases are split on white space and
 * lower-cased; those longer than MAX_PHRASE_TOKENS are dropped. At most 31 lists.
 *
 * @example buildGazetteer({ country: ['France', 'New Zealand'] })
 */
export function buildGazetteer(lists: Record<string, Iterable<string>>): Gazetteer {
  const names = Object.keys(lists);
  if (names.length > 31) throw new TypeError('buildGazetteer takes at most 31 lists');
  const phrases = new Map<string, number>();
  const firstTokens = new Map<string, number>();
  names.forEach((name, bit) => {
    for (const phrase of lists[name]) {
      const tokens = phrase.toLowerCase().split(/\s+/).filter(Boolean);
      if (tokens.length === 0 || tokens.length > MAX_PHRASE_TOKENS) continue;
      const key = tokens.join(' ');
      phrases.set(key, (phrases.get(key) ?? 0) | (1 << bit));
      firstTokens.set(tokens[0], Math.max(firstTokens.get(tokens[0]) ?? 0, tokens.length));
    }
  });
  return { names, phrases, firstTokens };
}

/**
 * Matches a sentence against a gazetteer. Returns, per token, the BILOU positions it holds
 * in matched phrases as strings like `country:U` or `city:B` (an empty array where nothing
 * matched). Every match counts, not only the longest.
 */
export function matchGazetteer(gazetteer: Gazetteer, lowerWords: readonly string[]): string[][] {
  const out: string[][] = lowerWords.map(() => []);
  for (let i = 0; i < lowerWords.length; i++) {
    const maxLength = gazetteer.firstTokens.get(lowerWords[i]);
    if (maxLength === undefined) continue;
    let key = lowerWords[i];
    for (let length = 1; length <= maxLength && i + length <= lowerWords.length; length++) {
      if (length > 1) key += ' ' + lowerWords[i + length - 1];
      const bits = gazetteer.phrases.get(key);
      if (bits === undefined) continue;
      for (let bit = 0; bit < gazetteer.names.length; bit++) {
        if ((bits & (1 << bit)) === 0) continue;
        const name = gazetteer.names[bit];
        if (length === 1) {
          out[i].push(`${name}:U`);
          continue;
        }
        out[i].push(`${name}:B`);
        for (let k = i + 1; k < i + length - 1; k++) out[k].push(`${name}:I`);
        out[i + length - 1].push(`${name}:L`);
      }
    }
  }
  return out;
}

/** A gazetteer in a form that JSON can hold: each list's phrases, lower-cased. */
export interface GazetteerData {
  lists: Record<string, string[]>;
}

/** The plain-data form of a gazetteer, for the model file. */
export function gazetteerToData(gazetteer: Gazetteer): GazetteerData {
  const lists: Record<string, string[]> = {};
  for (const name of gazetteer.names) lists[name] = [];
  for (const [phrase, bits] of gazetteer.phrases) {
    gazetteer.names.forEach((name, bit) => {
      if (bits & (1 << bit)) lists[name].push(phrase);
    });
  }
  for (const name of gazetteer.names) lists[name].sort();
  return { lists };
}

/** Rebuilds a gazetteer from its plain-data form. */
export function gazetteerFromData(data: GazetteerData): Gazetteer {
  return buildGazetteer(data.lists);
}
