// @ts-check
// A sentence's dependency parse: one line on the cue's verb and its subject, arcs as SVG, and a list.

import { useEffect, useRef } from 'preact/hooks';
import { html } from '../html.js';

/**
 * @typedef {import('../types.js').ParsedWord} ParsedWord
 * @typedef {import('../types.js').SentenceParse} SentenceParse
 * @typedef {import('../types.js').Span} Span
 * @typedef {import('../types.js').Speaker} Speaker
 */

/** Relations that mark a subject in Universal Dependencies. */
const SUBJECT_RELATIONS = new Set(['nsubj', 'nsubj:pass', 'nsubj:outer', 'csubj', 'csubj:pass']);

/**
 * A sentence's parse as a person reads it: one line on the cue's verb and its subject, the
 * arcs from each word to the word it depends on, and the same as a list.
 * @param {{ parse: SentenceParse, cue: Span, speaker: Speaker }} props
 */
export function ParseView({ parse, cue, speaker }) {
  const { words } = parse;
  const inCue = words.map((w, i) => ({ w, i })).filter(({ w }) => w.start < cue.end && w.end > cue.start);
  const verb = (inCue.find(({ w }) => w.pos === 'VERB') ?? inCue.find(({ w }) => w.pos === 'AUX') ?? inCue[0])?.i ?? -1;
  // an auxiliary's subject is its verb's
  const served = verb >= 0 && /^(?:aux|cop)/.test(words[verb].rel) ? words[verb].head : verb;
  const subject = words.findIndex((w) => SUBJECT_RELATIONS.has(w.rel) && (w.head === verb || w.head === served));
  const marks = new Set([verb, subject].filter((i) => i >= 0));
  const explain =
    verb < 0
      ? 'The cue has no word of its own in this sentence.'
      : subject >= 0
        ? html`The subject of <strong>“${words[verb].text}”</strong> is <strong>“${words[subject].text}”</strong>${` (${words[subject].rel})`}${speaker.name
              ? `; the speaker is read from it: ${speaker.name}.`
              : '.'}`
        : html`The parse gives <strong>“${words[verb].text}”</strong> no subject; the speaker was read from the words the tagger marked as the source.`;
  return html`
    <p class="parse-explain">${explain}</p>
    <${ArcDiagram} words=${words} marks=${marks} />
    <details class="parse-details">
      <summary>Every word, its relation and its head</summary>
      <ol class="parse-list">
        ${words.map((w, i) => html`<li class=${marks.has(i) ? 'is-marked' : undefined}>${`${w.text} — ${w.head < 0 ? 'root' : `${w.rel} of “${words[w.head].text}”`}`}</li>`)}
      </ol>
    </details>
  `;
}

/**
 * Arcs from each word to its head over the words in a row, as SVG (text as text).
 * @param {{ words: ParsedWord[], marks: Set<number> }} props marks: the words to mark (the cue's verb, its subject)
 */
function ArcDiagram({ words, marks }) {
  const box = useRef(/** @type {HTMLDivElement | null} */ (null));
  const CHAR = 7.4;
  const GAP = 16;
  const LEVEL = 18;
  /** @type {number[]} */
  const x = [];
  let at = 8;
  for (const w of words) {
    const width = Math.max(2, w.text.length) * CHAR;
    x.push(at + width / 2);
    at += width + GAP;
  }
  const arcs = words.map((w, i) => ({ i, h: w.head })).filter(({ h }) => h >= 0);
  const height = (/** @type {{ i: number, h: number }} */ a) => Math.min(10, Math.abs(a.i - a.h));
  // a cubic arc with both control points at y rises three quarters of the way to y
  const top = 0.75 * LEVEL * Math.max(1, ...arcs.map(height)) + 16;
  // a long sentence scrolls: once shown, the marked words (the cue's verb, its subject) are in view
  useEffect(() => {
    const marked = [...marks].map((i) => x[i]);
    const node = box.current;
    if (!marked.length || !node) return;
    const centre = (Math.min(...marked) + Math.max(...marked)) / 2;
    const frame = requestAnimationFrame(() => {
      node.scrollLeft = Math.max(0, centre - node.clientWidth / 2);
    });
    return () => cancelAnimationFrame(frame);
  }, []);
  // a box that scrolls sideways takes the focus, so that the arrow keys scroll it too
  return html`
    <div class="parse-scroll" tabindex="0" role="group" aria-label="The parse of the sentence: scroll sideways for the rest" ref=${box}>
      <svg class="parse-arcs" width=${Math.ceil(at)} height=${top + 30} role="img" aria-label="Dependency arcs of the sentence">
        ${arcs.map((a) => {
          const from = x[a.h];
          const to = x[a.i];
          const y = top - LEVEL * height(a);
          return html`
            <path d=${`M ${from} ${top} C ${from} ${y}, ${to} ${y}, ${to} ${top - 4}`} class=${marks.has(a.i) && marks.has(a.h) ? 'parse-arc is-marked' : 'parse-arc'} />
            <text x=${(from + to) / 2} y=${top - 0.75 * (top - y) - 3} class="parse-rel">${words[a.i].rel}</text>
          `;
        })}
        ${words.map((w, i) => html`<text x=${x[i]} y=${top + 18} class=${marks.has(i) ? 'parse-word is-marked' : 'parse-word'}>${w.text}</text>`)}
      </svg>
    </div>
  `;
}
