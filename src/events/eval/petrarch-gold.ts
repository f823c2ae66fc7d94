import { readFileSync } from 'node:fs';

/**
 * Reader of PETRARCH's validation records (`PETR.UnitTest.records.xml`,
 * `PETR2_GSR_validation.xml`): `<Sentence>` records with `<EventCoding>` lines (source and
 * target actor codes, a CAMEO event code, or `noevents="True"`) and the sentence in `<Text>`.
 * The files are not well-formed XML (the validation file closes its `<Sentence .../>` tag at
 * once and still ends the record with `</Sentence>`; both keep `#` comment blocks outside
 * comments), so records are read from one `<Sentence` to the next.
 */

/** One expected coding: actor codes as PETRARCH writes them (`USAGOV`, `---REB`, `IGOUNO`) and the CAMEO code. */
export interface PetrarchCoding {
  source: string;
  target: string;
  cameo: string;
}

/** One sentence with its expected codings (none when the record says `noevents`). */
export interface PetrarchRecord {
  id: string;
  /** `YYYYMMDD` as the record writes it. */
  date: string;
  category: string;
  text: string;
  codings: PetrarchCoding[];
  /** The record says no event is coded from this sentence. */
  noEvents: boolean;
  /** Errors the coder is expected to raise instead of coding (`dateline`, `bad_input_parse`, `sentencediscard`…). */
  errors: string[];
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The sentence a CoNLL-U parse spells: its word forms, a space after each unless `SpaceAfter=No`. */
export function wordsOfParse(conllu: string): string {
  let out = '';
  for (const line of conllu.split('\n')) {
    const cols = line.trim().split('\t');
    if (cols.length < 10 || !/^\d+$/.test(cols[0])) continue;
    out += cols[1] + (cols[9].includes('SpaceAfter=No') ? '' : ' ');
  }
  return decode(out.trim());
}

/** Parses the records of a PETRARCH validation file, in file order. Comments are dropped first. */
export function parsePetrarchRecords(xml: string): PetrarchRecord[] {
  const body = xml.replace(/<!--[\s\S]*?-->/g, '');
  const out: PetrarchRecord[] = [];
  const starts = [...body.matchAll(/<Sentence\s[^>]*>/g)];
  for (let k = 0; k < starts.length; k++) {
    const open = starts[k];
    const from = (open.index ?? 0) + open[0].length;
    const to = k + 1 < starts.length ? (starts[k + 1].index ?? body.length) : body.length;
    const chunk = body.slice(from, to);
    const attrs = attributes(open[0]);
    const text = /<Text>([\s\S]*?)<\/Text>/.exec(chunk);
    if (!attrs.id || !text) continue;
    const codings: PetrarchCoding[] = [];
    let noEvents = false;
    const errors: string[] = [];
    for (const m of chunk.matchAll(/<EventCoding\b[^>]*>/g)) {
      const a = attributes(m[0]);
      if (/^true$/i.test(a.noevents ?? '')) noEvents = true;
      else if (a.error) errors.push(a.error);
      else if (a.eventcode) codings.push({ source: a.sourcecode ?? '', target: a.targetcode ?? '', cameo: a.eventcode });
    }
    let plain = decode(text[1]).replace(/\s+/g, ' ').trim();
    // one validation record leaves <Text> empty: its words are those of its CoNLL-U parse
    if (!plain) plain = wordsOfParse(/<Parse>([\s\S]*?)<\/Parse>/.exec(chunk)?.[1] ?? '');
    out.push({ id: attrs.id, date: attrs.date ?? '', category: attrs.category ?? '', text: plain, codings, noEvents, errors });
  }
  return out;
}

/** Reads a PETRARCH validation file. */
export function readPetrarchRecords(path: string): PetrarchRecord[] {
  return parsePetrarchRecords(readFileSync(path, 'utf8'));
}

/** A PETRARCH actor code split into its country (three letters, `---` for none, or IGO/NGO/IMG…) and the three-letter codes after it. */
export function splitActorCode(code: string): { country: string; roles: string[] } {
  const country = code.slice(0, 3);
  const roles: string[] = [];
  for (let i = 3; i + 3 <= code.length; i += 3) roles.push(code.slice(i, i + 3));
  return { country, roles };
}
