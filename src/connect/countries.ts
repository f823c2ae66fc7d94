import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nameKey } from '../entities/name-forms.ts';

/** The country table that `build-countries.ts` writes. */
export const COUNTRIES_PATH = fileURLToPath(new URL('./data/countries.tsv', import.meta.url));

/** A country as corpus entities know it. */
export interface Country {
  /** ISO 3166 alpha-3. */
  code: string;
  /** English common name: the canonical name of the country's corpus entity. */
  name: string;
}

interface CountryIndex {
  byForm: Map<string, Country>;
  byDemonym: Map<string, Country>;
  byCode: Map<string, Country>;
}

let index: CountryIndex | undefined;

function load(): CountryIndex {
  const byForm = new Map<string, Country>();
  const byDemonym = new Map<string, Country>();
  const byCode = new Map<string, Country>();
  for (const line of readFileSync(COUNTRIES_PATH, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [code, name, forms = '', demonyms = ''] = line.split('\t');
    const country = { code, name };
    byCode.set(code, country);
    // the first country to claim a form keeps it ("Congo" stays with the common name's owner)
    for (const form of [name, ...forms.split('|')]) if (form && !byForm.has(nameKey(form))) byForm.set(nameKey(form), country);
    for (const d of demonyms.split('|')) {
      if (!d) continue;
      if (!byDemonym.has(nameKey(d))) byDemonym.set(nameKey(d), country);
      if (!byDemonym.has(nameKey(`${d}s`))) byDemonym.set(nameKey(`${d}s`), country);
    }
  }
  // a country's own name wins over another's alternative spelling
  for (const c of byCode.values()) byForm.set(nameKey(c.name), c);
  return { byForm, byDemonym, byCode };
}

/**
 * The country a place name names, in any of the forms the table knows ("U.S.", "US",
 * "United States", "America", "Russland"), or undefined.
 *
 * @example countryByName('U.S.')?.code // 'USA'
 */
export function countryByName(name: string): Country | undefined {
  index ??= load();
  return index.byForm.get(nameKey(name));
}

/** The country of a nationality word ("Russian", "Ukrainians"), or undefined. */
export function countryByDemonym(word: string): Country | undefined {
  index ??= load();
  return index.byDemonym.get(nameKey(word));
}

/** The country with an ISO 3166 alpha-3 code, or undefined. */
export function countryByCode(code: string): Country | undefined {
  index ??= load();
  return index.byCode.get(code);
}
