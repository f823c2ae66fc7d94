// @ts-check
// A sentence's dependency parse: one line on the cue's verb and its subject, arcs as SVG, and a list.

import { SVG, el } from './dom.js';

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
 * @param {SentenceParse} parse
 * @param {Span} cue
 * @param {Speaker} speaker
 * @returns {HTMLElement[]}
 */
export function parseView(parse, cue, speaker) {
  const { words } = parse;
  const inCue = words.map((w, i) => ({ w, i })).filter(({ w }) => w.start < cue.end && w.end > cue.start);
  const verb = (inCue.find(({ w }) => w.pos === 'VERB') ?? inCue.find(({ w }) => w.pos === 'AUX') ?? inCue[0])?.i ?? -1;
  // an auxiliary's subject is its verb's
  const served = verb >= 0 && /^(?:aux|cop)/.test(words[verb].rel) ? words[verb].head : verb;
  const subject = words.findIndex((w) => SUBJECT_RELATIONS.has(w.rel) && (w.head === verb || w.head === served));
  const explain = el('p', 'parse-explain');
  if (verb < 0) explain.textContent = 'The cue has no word of its own in this sentence.';
  else if (subject >= 0) {
    explain.append('The subject of ', el('strong', '', `“${words[verb].text}”`), ' is ', el('strong', '', `“${words[subject].text}”`), ` (${words[subject].rel})`);
    explain.append(speaker.name ? `; the speaker is read from it: ${speaker.name}.` : '.');
  } else explain.append('The parse gives ', el('strong', '', `“${words[verb].text}”`), ' no subject; the speaker was read from the words the tagger marked as the source.');
  const marks = new Set([verb, subject].filter((i) => i >= 0));
  const list = el('ol', 'parse-list');
  words.forEach((w) => {
    const item = el('li', marks.has(words.indexOf(w)) ? 'is-marked' : '', `${w.text} — ${w.head < 0 ? 'root' : `${w.rel} of “${words[w.head].text}”`}`);
    list.append(item);
  });
  const details = el('details', 'parse-details');
  details.append(el('summary', '', 'Every word, its relation and its head'), list);
  return [explain, arcDiagram(words, marks), details];
}

/**
 * Arcs from each word to its head over the words in a row, as SVG (text as text nodes).
 * @param {ParsedWord[]} words
 * @param {Set<number>} marks the words to mark (the cue's verb, its subject)
 */
function arcDiagram(words, marks) {
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
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'parse-arcs');
  svg.setAttribute('width', String(Math.ceil(at)));
  svg.setAttribute('height', String(top + 30));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Dependency arcs of the sentence');
  for (const a of arcs) {
    const from = x[a.h];
    const to = x[a.i];
    const y = top - LEVEL * height(a);
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', `M ${from} ${top} C ${from} ${y}, ${to} ${y}, ${to} ${top - 4}`);
    path.setAttribute('class', marks.has(a.i) && marks.has(a.h) ? 'parse-arc is-marked' : 'parse-arc');
    const label = document.createElementNS(SVG, 'text');
    label.setAttribute('x', String((from + to) / 2));
    label.setAttribute('y', String(top - 0.75 * (top - y) - 3));
    label.setAttribute('class', 'parse-rel');
    label.textContent = words[a.i].rel;
    svg.append(path, label);
  }
  words.forEach((w, i) => {
    const word = document.createElementNS(SVG, 'text');
    word.setAttribute('x', String(x[i]));
    word.setAttribute('y', String(top + 18));
    word.setAttribute('class', marks.has(i) ? 'parse-word is-marked' : 'parse-word');
    word.textContent = w.text;
    svg.append(word);
  });
  const box = el('div', 'parse-scroll');
  // a box that scrolls sideways takes the focus, so that the arrow keys scroll it too
  box.tabIndex = 0;
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', 'The parse of the sentence: scroll sideways for the rest');
  box.append(svg);
  // a long sentence scrolls: once shown, the marked words (the cue's verb, its subject) are in view
  const marked = [...marks].map((i) => x[i]);
  if (marked.length) {
    const centre = (Math.min(...marked) + Math.max(...marked)) / 2;
    requestAnimationFrame(() => {
      box.scrollLeft = Math.max(0, centre - box.clientWidth / 2);
    });
  }
  return box;
}
