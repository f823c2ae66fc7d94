import type { EventStatus, EventType } from '../doc/doc.ts';
import { PLOVER_BY_TYPE } from './plover.ts';

/**
 * The CAMEO event codes (CAMEO 1.1b3 codebook: the twenty root codes, their three-digit codes
 * and the four-digit ones event coders use most) with their names, and the PLOVER type and
 * mode each maps to. The mapping follows the PLOVER specification's table from CAMEO: 02 and
 * 10 → DEMAND, 03 → AGREE, 04 → CONSULT, 05 → SUPPORT (057, signing an agreement, too, as the
 * gold records code it), 06 → COOPERATE, 07 → AID, 08 → CONCEDE (084 release and 087
 * de-escalation → RETREAT), 09 → INVESTIGATE, 11 → DISAPPROVE, 12 → REJECT, 13 → THREATEN,
 * 14 → PROTEST, 15 → MOBILIZE, 16 → SANCTION, 17 → COERCE, 18 → ASSAULT, 19 and 20 → FIGHT.
 * The 01 statements are no event in PLOVER (null). Facts from the two codebooks, written here
 * by hand; the names also seed the trigger lexicon (src/events/lexicon/build-lexicon.ts).
 */
export interface CameoCode {
  code: string;
  name: string;
  type: EventType | null;
  mode?: string;
}

type Row = readonly [code: string, name: string, type: EventType | null, mode?: string];

const ROWS: readonly Row[] = [
  ['01', 'make public statement', null], ['010', 'make statement', null], ['011', 'decline comment', null], ['012', 'make pessimistic comment', null],
  ['013', 'make optimistic comment', null], ['014', 'consider policy option', null], ['015', 'acknowledge or claim responsibility', null],
  ['016', 'deny responsibility', null], ['017', 'engage in symbolic act', null], ['018', 'make empathetic comment', null], ['019', 'express accord', null],

  ['02', 'appeal', 'DEMAND'], ['020', 'make an appeal or request', 'DEMAND'], ['021', 'appeal for material cooperation', 'DEMAND'],
  ['022', 'appeal for diplomatic cooperation', 'DEMAND'], ['023', 'appeal for aid', 'DEMAND'], ['024', 'appeal for political reform', 'DEMAND'],
  ['025', 'appeal to yield', 'DEMAND'], ['026', 'appeal to others to meet or negotiate', 'DEMAND'], ['027', 'appeal to others to settle dispute', 'DEMAND'],
  ['028', 'appeal to others to engage in or accept mediation', 'DEMAND'],

  ['03', 'express intent to cooperate', 'AGREE'], ['030', 'express intent to cooperate', 'AGREE'], ['031', 'express intent to engage in material cooperation', 'AGREE'],
  ['032', 'express intent to engage in diplomatic cooperation', 'AGREE'], ['033', 'express intent to provide material aid', 'AGREE'],
  ['034', 'express intent to institute political reform', 'AGREE'], ['035', 'express intent to yield', 'AGREE'], ['036', 'express intent to meet or negotiate', 'AGREE'],
  ['037', 'express intent to settle dispute', 'AGREE'], ['038', 'express intent to accept mediation', 'AGREE'], ['039', 'express intent to mediate', 'AGREE'],

  ['04', 'consult', 'CONSULT'], ['040', 'consult', 'CONSULT'], ['041', 'discuss by telephone', 'CONSULT', 'phone'], ['042', 'make a visit', 'CONSULT', 'visit'],
  ['043', 'host a visit', 'CONSULT', 'host'], ['044', 'meet at a third location', 'CONSULT', 'third-party'], ['045', 'mediate', 'CONSULT', 'multilateral'],
  ['046', 'engage in negotiation', 'CONSULT'],

  ['05', 'engage in diplomatic cooperation', 'SUPPORT'], ['050', 'engage in diplomatic cooperation', 'SUPPORT'], ['051', 'praise or endorse', 'SUPPORT'],
  ['052', 'defend verbally', 'SUPPORT'], ['053', 'rally support on behalf of', 'SUPPORT'], ['054', 'grant diplomatic recognition', 'SUPPORT'],
  ['055', 'apologize', 'SUPPORT'], ['056', 'forgive', 'SUPPORT'], ['057', 'sign formal agreement', 'SUPPORT'],

  ['06', 'engage in material cooperation', 'COOPERATE'], ['060', 'engage in material cooperation', 'COOPERATE'], ['061', 'cooperate economically', 'COOPERATE'],
  ['062', 'cooperate militarily', 'COOPERATE'], ['063', 'engage in judicial cooperation', 'COOPERATE'], ['064', 'share intelligence or information', 'COOPERATE'],

  ['07', 'provide aid', 'AID'], ['070', 'provide aid', 'AID'], ['071', 'provide economic aid', 'AID'], ['072', 'provide military aid', 'AID'],
  ['073', 'provide humanitarian aid', 'AID'], ['074', 'provide military protection or peacekeeping', 'AID'], ['075', 'grant asylum', 'AID'],

  ['08', 'yield', 'CONCEDE'], ['080', 'yield', 'CONCEDE'], ['081', 'ease administrative sanctions', 'CONCEDE'], ['0813', 'ease curfew', 'CONCEDE'],
  ['0814', 'ease state of emergency or martial law', 'CONCEDE'], ['082', 'ease political dissent', 'CONCEDE'],
  ['083', 'accede to requests or demands for political reform', 'CONCEDE'], ['084', 'return or release', 'RETREAT', 'release'],
  ['0841', 'return or release persons', 'RETREAT', 'release'], ['0842', 'return or release property', 'RETREAT', 'return'],
  ['085', 'ease economic sanctions, boycott or embargo', 'CONCEDE'], ['086', 'allow international involvement', 'CONCEDE'],
  ['087', 'de-escalate military engagement', 'RETREAT'], ['0871', 'declare truce or ceasefire', 'RETREAT', 'ceasefire'],
  ['0872', 'ease military blockade', 'RETREAT'], ['0873', 'demobilize armed forces', 'RETREAT'], ['0874', 'retreat or surrender militarily', 'RETREAT', 'withdraw'],

  ['09', 'investigate', 'INVESTIGATE'], ['090', 'investigate', 'INVESTIGATE'], ['091', 'investigate crime or corruption', 'INVESTIGATE'],
  ['092', 'investigate human rights abuses', 'INVESTIGATE'], ['093', 'investigate military action', 'INVESTIGATE'], ['094', 'investigate war crimes', 'INVESTIGATE'],

  ['10', 'demand', 'DEMAND'], ['100', 'demand', 'DEMAND'], ['101', 'demand material cooperation', 'DEMAND'], ['102', 'demand diplomatic cooperation', 'DEMAND'],
  ['103', 'demand material aid', 'DEMAND'], ['104', 'demand political reform', 'DEMAND'], ['105', 'demand that target yields', 'DEMAND'],
  ['106', 'demand meeting or negotiation', 'DEMAND'], ['107', 'demand settling of dispute', 'DEMAND'], ['108', 'demand mediation', 'DEMAND'],

  ['11', 'disapprove', 'DISAPPROVE'], ['110', 'disapprove', 'DISAPPROVE'], ['111', 'criticize or denounce', 'DISAPPROVE'], ['112', 'accuse', 'DISAPPROVE'],
  ['1121', 'accuse of crime or corruption', 'DISAPPROVE'], ['1122', 'accuse of human rights abuses', 'DISAPPROVE'], ['1123', 'accuse of aggression', 'DISAPPROVE'],
  ['1124', 'accuse of war crimes', 'DISAPPROVE'], ['1125', 'accuse of espionage or treason', 'DISAPPROVE'], ['113', 'rally opposition against', 'DISAPPROVE'],
  ['114', 'complain officially', 'DISAPPROVE'], ['115', 'bring lawsuit against', 'DISAPPROVE'], ['116', 'find guilty or liable', 'DISAPPROVE'],

  ['12', 'reject', 'REJECT'], ['120', 'reject', 'REJECT'], ['121', 'reject material cooperation', 'REJECT'], ['122', 'reject request for material aid', 'REJECT'],
  ['123', 'reject request for political reform', 'REJECT'], ['124', 'refuse to yield', 'REJECT'], ['125', 'reject proposal to meet, discuss or negotiate', 'REJECT'],
  ['126', 'reject mediation', 'REJECT'], ['127', 'reject plan or agreement to settle dispute', 'REJECT'], ['128', 'defy norms or law', 'REJECT'], ['129', 'veto', 'REJECT'],

  ['13', 'threaten', 'THREATEN'], ['130', 'threaten', 'THREATEN'], ['131', 'threaten non-force', 'THREATEN', 'relations'],
  ['1311', 'threaten to reduce or stop aid', 'THREATEN', 'relations'], ['1312', 'threaten sanctions, boycott or embargo', 'THREATEN', 'restrict'],
  ['1313', 'threaten to reduce or break relations', 'THREATEN', 'relations'], ['132', 'threaten with administrative sanctions', 'THREATEN', 'restrict'],
  ['1323', 'threaten to impose curfew', 'THREATEN', 'curfew'], ['1324', 'threaten to impose state of emergency or martial law', 'THREATEN', 'martial-law'],
  ['133', 'threaten political dissent or protest', 'THREATEN', 'political'], ['134', 'threaten to halt negotiations', 'THREATEN', 'relations'],
  ['135', 'threaten to halt mediation', 'THREATEN', 'relations'], ['136', 'threaten to halt international involvement', 'THREATEN', 'relations'],
  ['137', 'threaten with repression', 'THREATEN', 'violence'], ['138', 'threaten to use military force', 'THREATEN', 'violence'],
  ['1381', 'threaten blockade', 'THREATEN', 'restrict'], ['1382', 'threaten occupation', 'THREATEN', 'violence'], ['1384', 'threaten conventional attack', 'THREATEN', 'violence'],
  ['1385', 'threaten attack with weapons of mass destruction', 'THREATEN', 'violence'], ['139', 'give ultimatum', 'THREATEN'],

  ['14', 'protest', 'PROTEST'], ['140', 'engage in political dissent', 'PROTEST'], ['141', 'demonstrate or rally', 'PROTEST', 'demo-org'],
  ['142', 'conduct hunger strike', 'PROTEST', 'strike-hun'], ['143', 'conduct strike or boycott', 'PROTEST', 'strike-gen'], ['144', 'obstruct passage or block', 'PROTEST', 'obstruct'],
  ['145', 'protest violently or riot', 'PROTEST', 'riot'],

  ['15', 'exhibit force posture', 'MOBILIZE'], ['150', 'demonstrate military or police power', 'MOBILIZE'], ['151', 'increase police alert status', 'MOBILIZE', 'police'],
  ['152', 'increase military alert status', 'MOBILIZE', 'troops'], ['153', 'mobilize or increase police power', 'MOBILIZE', 'police'],
  ['154', 'mobilize or increase armed forces', 'MOBILIZE', 'troops'], ['155', 'mobilize or increase cyber forces', 'MOBILIZE', 'troops'],

  ['16', 'reduce relations', 'SANCTION'], ['160', 'reduce relations', 'SANCTION'], ['161', 'reduce or break diplomatic relations', 'SANCTION'],
  ['162', 'reduce or stop material aid', 'SANCTION'], ['163', 'impose embargo, boycott or sanctions', 'SANCTION'], ['164', 'halt negotiations', 'SANCTION'],
  ['165', 'halt mediation', 'SANCTION'], ['166', 'expel or withdraw', 'SANCTION'],

  ['17', 'coerce', 'COERCE'], ['170', 'coerce', 'COERCE'], ['171', 'seize or damage property', 'COERCE', 'confiscate'], ['1711', 'confiscate property', 'COERCE', 'confiscate'],
  ['1712', 'destroy property', 'COERCE', 'destroy'], ['172', 'impose administrative sanctions', 'COERCE', 'restrict'], ['1721', 'impose restrictions on political freedoms', 'COERCE', 'censor'],
  ['1722', 'ban political parties or politicians', 'COERCE', 'ban'], ['1723', 'impose curfew', 'COERCE', 'curfew'], ['1724', 'impose state of emergency or martial law', 'COERCE', 'martial-law'],
  ['173', 'arrest, detain or charge with legal action', 'COERCE', 'arrest'], ['174', 'expel or deport individuals', 'COERCE', 'deport'],
  ['175', 'use tactics of violent repression', 'COERCE'], ['176', 'attack cybernetically', 'COERCE'],

  ['18', 'assault', 'ASSAULT'], ['180', 'use unconventional violence', 'ASSAULT'], ['181', 'abduct, hijack or take hostage', 'ASSAULT'],
  ['182', 'physically assault', 'ASSAULT', 'beat'], ['1821', 'sexually assault', 'ASSAULT', 'sexual'], ['1822', 'torture', 'ASSAULT', 'torture'],
  ['1823', 'kill by physical assault', 'ASSAULT', 'beat'], ['183', 'conduct suicide, car or other non-military bombing', 'ASSAULT', 'explosives'],
  ['1831', 'carry out suicide bombing', 'ASSAULT', 'suicide-attack'], ['1832', 'carry out vehicular bombing', 'ASSAULT', 'explosives'],
  ['1833', 'carry out roadside bombing', 'ASSAULT', 'explosives'], ['184', 'use as human shield', 'ASSAULT'], ['185', 'attempt to assassinate', 'ASSAULT', 'assassinate'],
  ['186', 'assassinate', 'ASSAULT', 'assassinate'],

  ['19', 'fight', 'FIGHT'], ['190', 'use conventional military force', 'FIGHT'], ['191', 'impose blockade or restrict movement', 'FIGHT'],
  ['192', 'occupy territory', 'FIGHT', 'heavy-weapons'], ['193', 'fight with small arms and light weapons', 'FIGHT', 'firearms'],
  ['194', 'fight with artillery and tanks', 'FIGHT', 'heavy-weapons'], ['195', 'employ aerial weapons', 'FIGHT', 'heavy-weapons'], ['196', 'violate ceasefire', 'FIGHT', 'other'],

  ['20', 'use unconventional mass violence', 'FIGHT'], ['200', 'use unconventional mass violence', 'FIGHT'], ['201', 'engage in mass expulsion', 'FIGHT', 'deport'],
  ['202', 'engage in mass killings', 'FIGHT', 'other'], ['203', 'engage in ethnic cleansing', 'FIGHT', 'other'], ['204', 'use weapons of mass destruction', 'FIGHT', 'other'],
];

/** Every CAMEO code of the table, by code. */
export const CAMEO_CODES: ReadonlyMap<string, CameoCode> = new Map(
  ROWS.map(([code, name, type, mode]) => [code, mode ? { code, name, type, mode } : { code, name, type }]),
);

/** The root (two-digit) CAMEO code of any code ("0841" → "08"). */
export function cameoRoot(code: string): string {
  if (!/^\d{2,4}$/.test(code)) throw new TypeError(`not a CAMEO code: ${JSON.stringify(code)}`);
  return code.slice(0, 2);
}

/**
 * The PLOVER type a CAMEO code maps to: its own row, else its parent's (four digits → three →
 * root); null for the 01 statements and codes the table does not know.
 */
export function ploverOfCameo(code: string): EventType | null {
  for (let n = code.length; n >= 2; n--) {
    const row = CAMEO_CODES.get(code.slice(0, n));
    if (row) return row.type;
  }
  return null;
}

/** The base CAMEO code (root + 0) that stands for a PLOVER type when nothing finer is known. */
export const CAMEO_OF_TYPE: Readonly<Record<EventType, string>> = {
  AGREE: '030', CONSULT: '040', SUPPORT: '050', COOPERATE: '060', AID: '070', CONCEDE: '080', RETREAT: '087', INVESTIGATE: '090',
  DEMAND: '100', DISAPPROVE: '110', REJECT: '120', THREATEN: '130', PROTEST: '140', MOBILIZE: '150', SANCTION: '160', COERCE: '170',
  ASSAULT: '180', FIGHT: '190',
};

/** CAMEO's intent codes (03x) for the cooperative act a statement of intent promises. */
const INTENT_OF: Partial<Record<EventType, string>> = {
  CONSULT: '036', SUPPORT: '032', COOPERATE: '031', AID: '033', CONCEDE: '035', RETREAT: '035', INVESTIGATE: '030', AGREE: '030',
};

/** CAMEO's threat codes (13x) for the conflictual act a threat announces. */
const THREAT_OF: Partial<Record<EventType, string>> = {
  SANCTION: '131', COERCE: '132', PROTEST: '133', MOBILIZE: '138', ASSAULT: '137', FIGHT: '138',
};

/** CAMEO's refusal codes (12x) for a cooperative act someone says they will not do. */
const REFUSAL_OF: Partial<Record<EventType, string>> = {
  CONSULT: '125', AID: '122', COOPERATE: '121', SUPPORT: '120', CONCEDE: '124', RETREAT: '124', AGREE: '127',
};

/**
 * The CAMEO code for an event of a type, its finer code where the text gave one, and its
 * status. CAMEO and the PLOVER gold records code a promise or plan of cooperation ("will
 * visit", "offered to negotiate") as an intent to cooperate (03x, PLOVER AGREE), and an
 * announced act of material conflict ("will withdraw its peacekeepers", "would blockade") as a
 * threat (13x, THREATEN), as is an announced protest ("would boycott"); a cooperative act
 * someone says they will not do (`refused`: "will not accept refugees") is a refusal (12x,
 * REJECT). A negated or hypothetical event keeps its own code otherwise.
 *
 * @example cameoFor('CONSULT', '042', 'future') // '036'
 */
export function cameoFor(type: EventType, fine: string | null, status: EventStatus, refused = false): string {
  const quad = PLOVER_BY_TYPE.get(type)?.quad;
  const cooperative = quad === 'verbal-coop' || quad === 'material-coop';
  if (refused && cooperative) return REFUSAL_OF[type] ?? '120';
  if (status === 'future') {
    if (cooperative) return INTENT_OF[type] ?? '030';
    if (quad === 'material-conflict' || type === 'PROTEST') return THREAT_OF[type] ?? '130';
  }
  return fine && ploverOfCameo(fine) === type ? fine : CAMEO_OF_TYPE[type];
}
