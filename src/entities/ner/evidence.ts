import { hashString } from '../../learn/hash.ts';
import { labelsToSpans } from '../../learn/spans.ts';

const TYPES_SEEN = new Map<string, number>();

function h(name: string): number {
  let v = TYPES_SEEN.get(name);
  if (v === undefined) {
    v = hashString(name);
    TYPES_SEEN.set(name, v);
  }
  return v;
}

/**
 * Document-level evidence for the second pass, from the first pass's labels: for each
 * token, the first pass's own label there and next to it, and how the same word (lower
 * case) was labelled elsewhere in the document: the majority entity type, whether it was
 * only ever outside entities, and the majority type of spans it started or ended.
 * Returns hashed features per token, per sentence.
 */
export function documentEvidence(sentences: readonly (readonly string[])[], firstPass: readonly (readonly string[])[]): number[][][] {
  const byWord = new Map<string, Map<string, number>>();
  const note = (key: string, what: string): void => {
    let m = byWord.get(key);
    if (!m) {
      m = new Map();
      byWord.set(key, m);
    }
    m.set(what, (m.get(what) ?? 0) + 1);
  };
  const lowers = sentences.map((words) => words.map((w) => w.toLowerCase()));
  // For each word: the longest first-pass span it sits in, and where it first occurs.
  const longest = new Map<string, { length: number; type: string; at: string }>();
  const firstSeen = new Map<string, { at: string; type: string }>();
  for (let s = 0; s < sentences.length; s++) {
    for (const span of labelsToSpans(firstPass[s])) {
      for (let i = span.start; i < span.end; i++) {
        const known = longest.get(lowers[s][i]);
        if (!known || span.end - span.start > known.length) longest.set(lowers[s][i], { length: span.end - span.start, type: span.type, at: `${s}:${span.start}` });
      }
    }
    for (let i = 0; i < sentences[s].length; i++) {
      if (firstSeen.has(lowers[s][i])) continue;
      const label = firstPass[s][i];
      firstSeen.set(lowers[s][i], { at: `${s}:${i}`, type: label === 'O' ? 'O' : label.slice(2) });
    }
  }
  for (let s = 0; s < sentences.length; s++) {
    for (let i = 0; i < sentences[s].length; i++) {
      const label = firstPass[s][i];
      note(lowers[s][i], label === 'O' ? 'O' : label.slice(2));
    }
  }
  const out: number[][][] = [];
  for (let s = 0; s < sentences.length; s++) {
    const labels = firstPass[s];
    const sentenceOut: number[][] = [];
    for (let i = 0; i < sentences[s].length; i++) {
      const features: number[] = [];
      const own = labels[i];
      features.push(h(`e:self=${own}`));
      features.push(h(`e:left=${i > 0 ? labels[i - 1] : '^'}`));
      features.push(h(`e:right=${i + 1 < labels.length ? labels[i + 1] : '$'}`));
      const counts = byWord.get(lowers[s][i]);
      const ownType = own === 'O' ? 'O' : own.slice(2);
      if (counts) {
        let others = 0;
        let bestType = '';
        let bestCount = 0;
        let entityCount = 0;
        for (const [type, count] of counts) {
          const c = type === ownType ? count - 1 : count;
          others += c;
          if (type !== 'O') entityCount += c;
          if (type !== 'O' && c > bestCount) {
            bestCount = c;
            bestType = type;
          }
        }
        if (others > 0) {
          if (entityCount === 0) features.push(h('e:doc=onlyO'));
          else {
            features.push(h(`e:doc=${bestType}`));
            features.push(h(`e:doc=${bestType}|self=${ownType}`));
            if (bestCount === others) features.push(h(`e:doc=all${bestType}`));
          }
        }
      }
      const span = longest.get(lowers[s][i]);
      if (span && span.length > 1) {
        features.push(h(`e:longest=${span.type}`));
        features.push(h(`e:longest=${span.type}|self=${ownType}`));
      }
      const first = firstSeen.get(lowers[s][i]);
      if (first && first.at !== `${s}:${i}`) features.push(h(`e:first=${first.type}|self=${ownType}`));
      sentenceOut.push(features);
    }
    out.push(sentenceOut);
  }
  return out;
}
