/**
 * Writes `data/countries.tsv`: for each country, its ISO 3166 alpha-3 code, its English
 * common name, the other names an article may write (official name, alternative spellings of
 * three letters or more, the common names in German, French, Spanish, Swedish and Russian) and
 * its English demonyms, from the `world-countries` devDependency, plus the short forms that
 * English news writes and the package lacks (COMMON_FORMS). Corpus entities read it at run time
 * to make "U.S.", "US", "United States" and "America" one place.
 *
 *   node --import tsx src/connect/build-countries.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { COUNTRIES_PATH } from './countries.ts';

interface Country {
  cca3: string;
  name: { common: string; official: string };
  altSpellings: string[];
  independent: boolean | null;
  demonyms?: { eng?: { f: string; m: string } };
  translations: Record<string, { common: string; official: string } | undefined>;
}

/** Languages whose common country names are kept (the languages Dossier reads dates and names in). */
const LANGUAGES = ['deu', 'fra', 'spa', 'swe', 'rus'];

/**
 * Forms English news uses that the package does not list: dotted abbreviations, two-letter
 * forms that stand for a country in running text, and everyday names. Data, by hand.
 */
const COMMON_FORMS: Record<string, string[]> = {
  USA: ['U.S.', 'U.S.A.', 'US', 'America', 'the States'],
  GBR: ['U.K.', 'UK', 'Britain', 'Great Britain', 'England and Wales'],
  ARE: ['UAE', 'U.A.E.', 'Emirates'],
  RUS: ['Russian Federation'],
  KOR: ['South Korea', 'Republic of Korea'],
  PRK: ['North Korea', 'DPRK'],
  CZE: ['Czech Republic'],
  NLD: ['Holland'],
  COD: ['DR Congo', 'DRC', 'Congo-Kinshasa'],
  COG: ['Congo-Brazzaville'],
  CIV: ["Cote d'Ivoire"],
  TUR: ['Turkey', 'Turkiye'],
  MMR: ['Burma'],
  SWZ: ['Swaziland'],
  MKD: ['Macedonia'],
  VAT: ['the Vatican', 'Holy See'],
  PSE: ['Palestinian territories'],
};

const require = createRequire(import.meta.url);
const countries = require('world-countries') as Country[];
const version = (JSON.parse(readFileSync(join(dirname(require.resolve('world-countries')), 'package.json'), 'utf8')) as { version: string }).version;

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
const demonymsOf = (c: Country) => new Set([c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter((d): d is string => !!d));
// a demonym that a sovereign state shares with a territory ("American": the Northern Mariana
// Islands) stays with the state
const sovereignDemonyms = new Set(countries.filter((c) => c.independent).flatMap((c) => [...demonymsOf(c)]));
const lines: string[] = [];
for (const c of [...countries].sort((a, b) => a.cca3.localeCompare(b.cca3))) {
  const forms = new Set<string>([c.name.official, ...c.altSpellings.filter((s) => s.length >= 3 && !/ˈ|ʁ|'.*'/.test(s)), ...(COMMON_FORMS[c.cca3] ?? [])]);
  for (const lang of LANGUAGES) {
    const t = c.translations[lang];
    if (t) forms.add(t.common);
  }
  forms.delete(c.name.common);
  const demonyms = [...demonymsOf(c)].filter((d) => c.independent || !sovereignDemonyms.has(d));
  lines.push([c.cca3, clean(c.name.common), [...forms].map(clean).filter(Boolean).join('|'), demonyms.join('|')].join('\t'));
}
const header = [
  `# code\tname\tother names (|)\tdemonyms (|): world-countries ${version}, ODbL-1.0, plus common English forms`,
  '# rebuild: node --import tsx src/connect/build-countries.ts',
];
writeFileSync(COUNTRIES_PATH, [...header, ...lines].join('\n') + '\n');
console.log(`${lines.length} countries → ${COUNTRIES_PATH}`);
