/**
 * Word lists the attribution assembly reads. Data, not code: each is general vocabulary of
 * news reporting in English, not the names in any one article.
 */

/**
 * Words before a name that make it the channel a statement went through: "quoted by TASS",
 * "told NBC News", "according to Reuters", "in an interview with CNN", "writes ... for
 * CNN", "on Truth Social". Read nearest first.
 */
export const CHANNEL_WORDS: ReadonlySet<string> = new Set(['by', 'to', 'told', 'tells', 'telling', 'with', 'for', 'on', 'via', 'through', 'according', 'from']);

/** Nouns that, after "the", refer back to an outlet already named: "the newspaper writes", "the channel reports". */
export const OUTLET_NOUNS: ReadonlySet<string> = new Set([
  'newspaper', 'paper', 'daily', 'channel', 'broadcaster', 'network', 'agency', 'outlet', 'magazine', 'station', 'website', 'site', 'publication', 'tabloid', 'weekly',
]);

/** Personal pronouns that can stand as a speaker, with the kind of antecedent they take. */
export const SPEAKER_PRONOUNS: ReadonlyMap<string, 'person' | 'thing' | 'group'> = new Map([
  ['he', 'person'], ['she', 'person'], ['him', 'person'], ['her', 'person'], ['i', 'person'],
  ['it', 'thing'], ['they', 'group'], ['we', 'group'],
]);

/** Verbs that report speech or writing, base forms; `speechForms` adds their inflections. */
const SPEECH_VERBS = [
  'say', 'tell', 'write', 'report', 'add', 'continue', 'note', 'state', 'claim', 'argue', 'explain', 'warn', 'insist', 'announce', 'confirm', 'deny',
  'reply', 'respond', 'comment', 'tweet', 'post', 'declare', 'stress', 'emphasise', 'emphasize', 'suggest', 'acknowledge', 'admit', 'predict', 'threaten',
  'promise', 'assert', 'urge', 'recall', 'ask', 'point', 'quote', 'cite', 'describe', 'call', 'accuse', 'allege', 'maintain', 'concede', 'complain',
  'conclude', 'contend', 'demand', 'disclose', 'estimate', 'observe', 'reveal', 'remark', 'repeat', 'reiterate', 'signal', 'testify', 'vow', 'wonder',
  'caution', 'counter', 'criticise', 'criticize', 'brief', 'inform', 'answer', 'mention', 'joke', 'boast',
];
const IRREGULAR: Record<string, string[]> = { say: ['says', 'said', 'saying'], tell: ['tells', 'told', 'telling'], write: ['writes', 'wrote', 'written', 'writing'] };

/** Every inflected form of the speech verbs ("says", "said", "saying", "warned", "denies"). */
export const SPEECH_FORMS: ReadonlySet<string> = new Set(
  SPEECH_VERBS.flatMap((v) => {
    if (IRREGULAR[v]) return [v, ...IRREGULAR[v]];
    const stem = v.endsWith('e') ? v.slice(0, -1) : v;
    const third = /(s|sh|ch|x|z)$/.test(v) ? `${v}es` : /[^aeiou]y$/.test(v) ? `${v.slice(0, -1)}ies` : `${v}s`;
    const past = v.endsWith('e') ? `${v}d` : /[^aeiou]y$/.test(v) ? `${v.slice(0, -1)}ied` : `${v}ed`;
    return [v, third, past, `${stem}ing`];
  }),
);

/** Cue words that report without a verb: "according to", a colon, a quotation dash. */
export const SPEECH_PARTICLES: ReadonlySet<string> = new Set(['according', ':', '-', '–', '—', '―']);
