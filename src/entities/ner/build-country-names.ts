/**
 * Writes `model/countries-de.txt`: the German names of the world's countries (common and
 * official, from the `world-countries` devDependency), which `german-names.ts` reads as
 * places. The NER model's own gazetteer has their English and native names only ("Russia",
 * "Россия"), not the German ones ("Russland", "Österreich").
 *
 *   node --import tsx src/entities/ner/build-country-names.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { COUNTRIES_DE_PATH } from './paths.ts';

interface Country {
  translations: Record<string, { common: string; official: string } | undefined>;
}

const require = createRequire(import.meta.url);
const countries = require('world-countries') as Country[];
const version = (JSON.parse(readFileSync(join(dirname(require.resolve('world-countries')), 'package.json'), 'utf8')) as { version: string }).version;
const names = new Set<string>();
for (const c of countries) {
  const de = c.translations.deu;
  if (de) names.add(de.common).add(de.official);
}
const header = [
  `# German country names, common and official: world-countries ${version} (translations.deu), ODbL-1.0`,
  '# rebuild: node --import tsx src/entities/ner/build-country-names.ts',
];
writeFileSync(COUNTRIES_DE_PATH, [...header, ...[...names].sort()].join('\n') + '\n');
console.log(`${names.size} names → ${COUNTRIES_DE_PATH}`);
