/**
 * News outlets and platforms by name: what makes a name an outlet's, for the attribution
 * assembly (the channels a quote came through) and for typing names (an outlet is an
 * organisation, whatever the tagger made of "Al Jazeera" or "Washington Post"). Data, not
 * code: general vocabulary of news reporting, not the names in any one article.
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

/** A name in lower case without a possessive ending or a leading "the". */
function outletKey(name: string): string {
  return name.toLowerCase().replace(/[’']s?$/u, '').replace(/^the\s+/, '').trim();
}

/** Whether an organisation's name reads as a news outlet or platform. */
export function isOutletName(name: string): boolean {
  const key = outletKey(name);
  if (KNOWN_OUTLETS.has(key)) return true;
  return key.split(/\s+/).some((w) => MEDIA_NAME_WORDS.has(w));
}

/**
 * Media words that end an outlet's name ("Washington Post", "Sky News"); those that also
 * end names of other kinds ("English Channel", "Gold Standard", "Mueller Report") are left out.
 */
const OUTLET_LAST_WORDS: ReadonlySet<string> = new Set([...MEDIA_NAME_WORDS].filter((w) => !['channel', 'standard', 'report', 'review', 'sun', 'daily', 'weekly', 'online', 'network'].includes(w)));

/**
 * Whether a name the tagger typed as a person, place or other name is a news outlet, and so
 * an organisation: a known outlet's name of two words or more ("Al Jazeera", "Der Spiegel");
 * for places and other names also a one-word known outlet ("Yonhap") or a name of two words
 * or more ending in a media word ("Washington Post", "NBC News"). A person keeps a one-word
 * or media-word name: "Fox", "Jim Courier" and "Tomas Post" are people too.
 */
export function isOutletOrganisation(name: string, type: string): boolean {
  if (type === 'ORG') return false;
  const key = outletKey(name);
  const words = key.split(/\s+/);
  if (KNOWN_OUTLETS.has(key)) return words.length > 1 || type !== 'PER';
  return type !== 'PER' && words.length > 1 && OUTLET_LAST_WORDS.has(words[words.length - 1]);
}
