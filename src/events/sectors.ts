/**
 * Actor sectors as event data codes them (CAMEO's and PLOVER's agent codes), the words that
 * name each in English news, and the bodies a capital or seat of power stands for ("the
 * Kremlin" → RUS GOV). Data, not code: general vocabulary, not the names of any one article.
 */

/** The sector codes Dossier gives, each with what it covers. */
export const SECTORS = {
  GOV: 'government: heads of state and government, ministers, ministries, officials, diplomats',
  MIL: 'military: armed forces, troops, officers, defence bodies',
  REB: 'rebels, insurgents, militants, separatists and armed groups against a government',
  OPP: 'political opposition: opposition parties, leaders and dissidents',
  PTY: 'political parties',
  LEG: 'legislature: parliaments, lawmakers, senators',
  JUD: 'judiciary: courts, judges, prosecutors',
  COP: 'police and security services',
  SPY: 'intelligence services',
  MED: 'media: news outlets, agencies, journalists',
  BUS: 'business: companies, banks, executives',
  CVL: 'civilians: residents, people, crowds, protesters',
  REF: 'refugees and displaced people',
  LAB: 'labour: unions and workers',
  EDU: 'education: students, universities, teachers',
  REL: 'religious bodies and leaders',
  HRI: 'human-rights groups and activists',
  IGO: 'intergovernmental organisations (UN, NATO, EU…)',
  NGO: 'non-governmental organisations',
} as const;

/** A sector code. */
export type Sector = keyof typeof SECTORS;

/**
 * Words that name an actor's sector, lower case, by sector. A word marked strong below decides
 * the sector wherever it stands in the phrase ("rebel commander" is REB, "opposition leader"
 * OPP); otherwise the last sector word of the phrase, its head in English, decides.
 */
export const SECTOR_WORDS: Readonly<Record<Sector, readonly string[]>> = {
  GOV: [
    'government', 'governments', 'president', 'presidents', 'vice-president', 'minister', 'ministers', 'ministry', 'premier', 'chancellor', 'prime', 'cabinet',
    'administration', 'official', 'officials', 'authorities', 'authority', 'diplomat', 'diplomats', 'envoy', 'envoys', 'ambassador', 'embassy', 'consul', 'negotiator',
    'negotiators', 'spokesman', 'spokeswoman', 'spokesperson', 'secretary', 'king', 'queen', 'emir', 'sultan', 'monarch', 'governor', 'mayor', 'regime', 'state',
    'delegation', 'leader', 'leaders', 'aide', 'aides', 'adviser', 'advisor', 'presidency', 'kremlin', 'council', 'secretary-general', 'undersecretary',
  ],
  MIL: [
    'military', 'army', 'armies', 'troops', 'troop', 'soldier', 'soldiers', 'forces', 'navy', 'naval', 'marines', 'airforce', 'general', 'generals', 'commander',
    'commanders', 'colonel', 'officer', 'officers', 'battalion', 'brigade', 'artillery', 'warplanes', 'jets', 'aircraft', 'helicopters', 'tanks', 'defence', 'defense', 'pentagon',
  ],
  REB: ['rebel', 'rebels', 'insurgent', 'insurgents', 'militant', 'militants', 'guerrilla', 'guerrillas', 'separatist', 'separatists', 'militia', 'militias', 'fighters', 'gunmen', 'jihadists'],
  OPP: ['opposition', 'dissident', 'dissidents'],
  PTY: ['party', 'parties'],
  LEG: ['parliament', 'parliamentary', 'lawmaker', 'lawmakers', 'legislator', 'legislators', 'legislature', 'senate', 'senator', 'senators', 'congress', 'congressman', 'mp', 'mps', 'deputies', 'assembly'],
  JUD: ['court', 'courts', 'judge', 'judges', 'prosecutor', 'prosecutors', 'tribunal', 'judiciary'],
  COP: ['police', 'policemen', 'policeman', 'riot-police', 'gendarmes'],
  SPY: ['intelligence', 'spy', 'spies', 'agents'],
  MED: ['media', 'newspaper', 'newspapers', 'agency', 'journalist', 'journalists', 'reporter', 'reporters', 'correspondent', 'broadcaster', 'television', 'tv', 'radio', 'editor', 'press'],
  BUS: ['company', 'companies', 'firm', 'firms', 'corporation', 'business', 'businesses', 'businessman', 'bank', 'banks', 'investors', 'executive', 'executives', 'ceo', 'industry'],
  CVL: ['civilians', 'civilian', 'residents', 'people', 'villagers', 'citizens', 'crowd', 'crowds', 'protesters', 'demonstrators', 'public', 'population'],
  REF: ['refugees', 'refugee', 'displaced', 'asylum-seekers', 'migrants'],
  LAB: ['workers', 'union', 'unions', 'strikers', 'labour', 'labor'],
  EDU: ['students', 'student', 'university', 'universities', 'teachers', 'school', 'schools'],
  REL: ['church', 'clergy', 'bishop', 'imam', 'cleric', 'clerics', 'priest', 'mosque', 'pope', 'patriarch'],
  HRI: ['human-rights', 'activist', 'activists', 'watchdog'],
  IGO: ['peacekeepers', 'peacekeeping', 'inspectors', 'observers'],
  NGO: ['ngo', 'ngos', 'charity', 'charities'],
};

/** Sector words that decide the sector wherever they stand in the phrase. */
export const STRONG_SECTOR_WORDS: ReadonlySet<string> = new Set([
  'rebel', 'rebels', 'insurgent', 'insurgents', 'militant', 'militants', 'separatist', 'separatists', 'guerrilla', 'guerrillas', 'militia', 'opposition',
  'police', 'intelligence', 'military', 'army', 'navy', 'parliament', 'parliamentary', 'court', 'media', 'refugee', 'refugees', 'human-rights',
]);

/** Every sector word with its sector. */
export const SECTOR_OF_WORD: ReadonlyMap<string, Sector> = new Map(
  (Object.entries(SECTOR_WORDS) as [Sector, readonly string[]][]).flatMap(([sector, words]) => words.map((w) => [w, sector] as const)),
);

/**
 * Intergovernmental and non-governmental bodies by name or acronym (lower case), coded as
 * event data codes them: the `IGO`/`NGO` code where a country code would stand.
 */
export const INTERNATIONAL_BODIES: Readonly<Record<string, 'IGO' | 'NGO'>> = {
  'un': 'IGO', 'u.n.': 'IGO', 'united nations': 'IGO', 'security council': 'IGO', 'un security council': 'IGO', 'nato': 'IGO',
  'north atlantic treaty organization': 'IGO', 'eu': 'IGO', 'e.u.': 'IGO', 'european union': 'IGO', 'european commission': 'IGO', 'african union': 'IGO',
  'osce': 'IGO', 'imf': 'IGO', 'international monetary fund': 'IGO', 'world bank': 'IGO', 'who': 'IGO', 'world health organization': 'IGO',
  'iaea': 'IGO', 'international atomic energy agency': 'IGO', 'asean': 'IGO', 'arab league': 'IGO', 'opec': 'IGO', 'apec': 'IGO',
  'asia-pacific economic cooperation': 'IGO', 'g7': 'IGO', 'g20': 'IGO', 'wto': 'IGO', 'world trade organization': 'IGO', 'unhcr': 'IGO',
  'unicef': 'IGO', 'icc': 'IGO', 'international criminal court': 'IGO', 'ecowas': 'IGO', 'interpol': 'IGO', 'council of europe': 'IGO',
  'red cross': 'NGO', 'international committee of the red cross': 'NGO', 'icrc': 'NGO', 'amnesty international': 'NGO', 'human rights watch': 'NGO',
  'doctors without borders': 'NGO', 'msf': 'NGO', 'oxfam': 'NGO', 'greenpeace': 'NGO',
};

/**
 * Seats of power and bodies that stand for a country's government or forces in news copy
 * ("the Kremlin said", "the Pentagon announced"), lower case, with country and sector.
 */
export const SEATS_OF_POWER: Readonly<Record<string, readonly [country: string, sector: Sector]>> = {
  'kremlin': ['RUS', 'GOV'], 'white house': ['USA', 'GOV'], 'pentagon': ['USA', 'MIL'], 'state department': ['USA', 'GOV'], 'congress': ['USA', 'LEG'],
  'downing street': ['GBR', 'GOV'], 'whitehall': ['GBR', 'GOV'], 'elysee': ['FRA', 'GOV'], 'élysée': ['FRA', 'GOV'], 'quai d’orsay': ['FRA', 'GOV'],
  'bundestag': ['DEU', 'LEG'], 'duma': ['RUS', 'LEG'], 'state duma': ['RUS', 'LEG'], 'knesset': ['ISR', 'LEG'], 'zhongnanhai': ['CHN', 'GOV'],
  'cia': ['USA', 'SPY'], 'fbi': ['USA', 'COP'], 'fsb': ['RUS', 'SPY'], 'kgb': ['RUS', 'SPY'], 'mossad': ['ISR', 'SPY'], 'idf': ['ISR', 'MIL'],
  'sbu': ['UKR', 'SPY'], 'bankova': ['UKR', 'GOV'], 'blue house': ['KOR', 'GOV'], 'porte': ['TUR', 'GOV'], 'quirinale': ['ITA', 'GOV'],
};

/**
 * News outlets whose country is known (lower case, as src/entities/outlets.ts names them):
 * an outlet is an actor of sector MED, of its country where it has one here.
 */
export const OUTLET_COUNTRIES: Readonly<Record<string, string>> = {
  'tass': 'RUS', 'ria novosti': 'RUS', 'ria': 'RUS', 'interfax': 'RUS', 'rt': 'RUS', 'sputnik': 'RUS', 'kommersant': 'RUS', 'izvestia': 'RUS', 'vedomosti': 'RUS',
  'itar-tass': 'RUS', 'xinhua': 'CHN', 'kyodo': 'JPN', 'yonhap': 'KOR', 'anadolu': 'TUR', 'ukrinform': 'UKR', 'unian': 'UKR', 'dpa': 'DEU', 'ansa': 'ITA',
  'efe': 'ESP', 'afp': 'FRA', 'ap': 'USA', 'associated press': 'USA', 'reuters': 'GBR', 'bbc': 'GBR', 'cnn': 'USA', 'nbc': 'USA', 'nbc news': 'USA',
  'cbs': 'USA', 'abc': 'USA', 'fox': 'USA', 'fox news': 'USA', 'npr': 'USA', 'washington post': 'USA', 'new york times': 'USA', 'wall street journal': 'USA',
  'al jazeera': 'QAT', 'tt': 'SWE', 'svt': 'SWE', 'yle': 'FIN', 'nrk': 'NOR', 'zdf': 'DEU', 'ard': 'DEU', 'deutsche welle': 'DEU', 'le monde': 'FRA',
  'der spiegel': 'DEU', 'spiegel': 'DEU', 'guardian': 'GBR', 'the guardian': 'GBR', 'sky news': 'GBR', 'financial times': 'GBR', 'bloomberg': 'USA',
  'politico': 'USA', 'axios': 'USA', 'euronews': 'FRA',
};
