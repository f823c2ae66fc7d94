import { countryByDemonym, countryByName } from '../connect/countries.ts';
import { nameKey } from '../entities/name-forms.ts';

/**
 * Places that are no country but name a page's section as often as its site: world regions,
 * continents, the nations of the United Kingdom. A site's name that is one of them ("World",
 * "Europe") is a section's name, not the outlet's.
 */
const REGIONS: readonly string[] = [
  'World', 'Europe', 'Asia', 'Africa', 'Americas', 'North America', 'South America', 'Latin America',
  'Central America', 'Middle East', 'Near East', 'Far East', 'Asia Pacific', 'Asia-Pacific', 'APAC', 'Oceania',
  'Caribbean', 'Arctic', 'Antarctica', 'Scandinavia', 'Nordics', 'Balkans', 'Eastern Europe', 'Western Europe',
  'Central Europe', 'Central Asia', 'South Asia', 'Southeast Asia', 'East Asia', 'Gulf', 'Sub-Saharan Africa',
  'European Union', 'EU', 'England', 'Scotland', 'Wales', 'Northern Ireland',
];

let regionKeys: Set<string> | undefined;

/**
 * True when a site's name is a place, not an outlet: a country in any form the country table
 * knows ("U.S.", "Deutschland"), a region (REGIONS), or a bare nationality ("American"). News
 * sites name a section this way in `og:site_name` ("U.S." on a wire's national page). A
 * nationality after an article is a newspaper's name ("The Australian") and is kept.
 *
 * @example isPlaceName('U.S.') // true
 * @example isPlaceName('The Australian') // false
 */
export function isPlaceName(name: string): boolean {
  regionKeys ??= new Set(REGIONS.map(nameKey));
  const key = nameKey(name);
  if (!key) return false;
  if (regionKeys.has(key) || countryByName(name)) return true;
  return !/^the\s/i.test(name.trim()) && countryByDemonym(name) !== undefined;
}

/**
 * The outlet an address names where nothing better does: its host, lower-cased, without a
 * leading `www.` (`https://www.apnews.com/article/x` → `apnews.com`). Undefined for an
 * address that is no web address or has no named host (an IP address, `localhost`).
 */
export function hostOutlet(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const host = parsed.hostname.toLowerCase().replace(/^www\d*\./, '').replace(/\.$/, '');
  if (!host.includes('.') || /^[\d.]+$/.test(host) || host.startsWith('[')) return undefined;
  return host;
}
