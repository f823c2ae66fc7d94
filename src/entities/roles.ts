/**
 * Words that name a role or title when they stand before or after a person's name
 * ("President", "spokesman", "envoy"). Lower case; multi-word roles are matched word by word,
 * so "foreign minister" needs only "minister" here. Data, not code.
 */
export const ROLE_WORDS: ReadonlySet<string> = new Set([
  // heads of state and government
  'president', 'vice-president', 'premier', 'chancellor', 'king', 'queen', 'prince', 'princess', 'emperor', 'sultan', 'emir', 'sheikh', 'pope', 'monarch', 'dictator', 'leader',
  // ministers and officials
  'minister', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'envoy', 'ambassador', 'diplomat', 'negotiator', 'mediator', 'representative', 'official', 'officials',
  'adviser', 'advisor', 'aide', 'counsellor', 'counselor', 'commissioner', 'delegate', 'consul', 'attaché', 'undersecretary', 'deputy', 'head', 'chief', 'director', 'governor', 'mayor',
  'senator', 'congressman', 'congresswoman', 'lawmaker', 'legislator', 'mp', 'speaker', 'chairman', 'chairwoman', 'chair', 'chairperson', 'ceo', 'founder', 'owner', 'executive',
  // military and security
  'general', 'commander', 'colonel', 'lieutenant', 'captain', 'major', 'admiral', 'marshal', 'sergeant', 'officer', 'soldier', 'rebel', 'militant', 'warlord',
  // press and analysis
  'correspondent', 'reporter', 'journalist', 'editor', 'columnist', 'analyst', 'commentator', 'anchor', 'host', 'presenter', 'writer', 'photographer',
  // law and scholarship
  'judge', 'prosecutor', 'lawyer', 'attorney', 'professor', 'researcher', 'scientist', 'economist', 'expert', 'historian',
  // church
  'bishop', 'archbishop', 'cardinal', 'patriarch', 'imam', 'rabbi', 'priest',
  // other
  'smuggler', 'activist', 'candidate', 'nominee', 'opponent', 'critic', 'ally', 'prisoner', 'detainee', 'victim', 'witness', 'resident', 'coach', 'player', 'striker', 'manager',
]);

/** Honorifics: titles that are never part of the name itself. */
export const HONORIFICS: ReadonlySet<string> = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dr', 'dr.', 'sir', 'dame', 'lord', 'lady', 'prof', 'prof.', 'gen', 'gen.', 'col', 'col.', 'lt', 'lt.', 'sgt', 'sgt.', 'capt', 'capt.', 'rev', 'rev.', 'st.']);

/**
 * Words that may stand inside a role phrase before a name without being roles themselves:
 * "special envoy", "foreign minister", "former president", "economic negotiator".
 */
export const ROLE_MODIFIERS: ReadonlySet<string> = new Set([
  'special', 'foreign', 'prime', 'defence', 'defense', 'interior', 'finance', 'economy', 'economic', 'trade', 'justice', 'health', 'energy', 'education', 'culture', 'agriculture',
  'former', 'acting', 'interim', 'senior', 'top', 'chief', 'deputy', 'vice', 'assistant', 'general', 'supreme', 'national', 'security', 'state', 'presidential', 'military', 'political',
  'press', 'regional', 'local', 'opposition', 'rebel', 'government', 'foreign-policy', 'technology', 'veteran', 'new', 'then', 'outgoing', 'incoming',
  'longtime', 'long-time', 'of', 'for', 'the', 'and', 'affairs', 'staff', 'intelligence', 'armed', 'forces', 'navy', 'army', 'air', 'force', 'public', 'international', 'chief-of-staff',
  'at-large',
]);
