/**
 * Word lists the attribution assembly reads. Data, not code: each is general vocabulary of
 * news reporting in English, not the names in any one article.
 */

/** Words that make an organisation's name an outlet's: "Sky News", "Washington Post", "Russian News Agency". */
export const MEDIA_NAME_WORDS: ReadonlySet<string> = new Set([
  'news', 'times', 'post', 'journal', 'telegraph', 'guardian', 'herald', 'tribune', 'gazette', 'daily', 'weekly', 'chronicle', 'observer', 'independent',
  'express', 'mirror', 'mail', 'sun', 'standard', 'economist', 'magazine', 'review', 'press', 'agency', 'wire', 'radio', 'tv', 'television', 'broadcasting',
  'broadcaster', 'channel', 'network', 'media', 'newspaper', 'online', 'today', 'inquirer', 'bulletin', 'dispatch', 'courier', 'monitor', 'insider', 'report',
]);

/**
 * Outlets known by a bare name or acronym that carries no media word: wire agencies,
 * broadcasters and papers that news copy cites most. Lower case.
 */
export const KNOWN_OUTLETS: ReadonlySet<string> = new Set([
  'reuters', 'afp', 'ap', 'associated press', 'tass', 'ria novosti', 'ria', 'interfax', 'xinhua', 'bloomberg', 'dpa', 'ansa', 'efe', 'kyodo', 'yonhap', 'anadolu',
  'ukrinform', 'unian', 'tt', 'ntb', 'ritzau', 'stt', 'bbc', 'cnn', 'nbc', 'cbs', 'abc', 'msnbc', 'fox', 'npr', 'pbs', 'itv', 'rt', 'sputnik', 'al jazeera',
  'politico', 'axios', 'vox', 'breitbart', 'huffpost', 'huffington post', 'buzzfeed', 'cnbc', 'euronews', 'deutsche welle', 'dw', 'le monde', 'der spiegel',
  'spiegel', 'bild', 'kommersant', 'izvestia', 'vedomosti', 'meduza', 'svt', 'svd', 'dn', 'aftonbladet', 'expressen', 'yle', 'nrk', 'zdf', 'ard',
  'truth social', 'twitter', 'facebook', 'telegram', 'instagram', 'youtube', 'tiktok', 'truthsocial', 'financial times', 'ft', 'wsj', 'nyt',
]);

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
