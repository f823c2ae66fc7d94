import type { EventType } from '../doc/doc.ts';

/**
 * The PLOVER event types with one line each (after the PLOVER specification and the
 * categories of its gold records, version 0.5b1), their modes, and whether the type is
 * cooperative, verbal conflict or material conflict (which decides how an intention to act
 * is coded: see src/events/cameo.ts). Data, not code.
 */
export interface PloverCategory {
  type: EventType;
  /** One line on what the type covers. */
  gloss: string;
  /** Cooperation, verbal conflict or material conflict (PLOVER's quad classes). */
  quad: 'verbal-coop' | 'material-coop' | 'verbal-conflict' | 'material-conflict';
  /** The modes PLOVER defines for the type (its gold records' values), empty where it defines none. */
  modes: readonly string[];
}

/** Every PLOVER type, in the specification's order (cooperation first, then conflict). */
export const PLOVER_CATEGORIES: readonly PloverCategory[] = [
  { type: 'AGREE', quad: 'verbal-coop', modes: [], gloss: 'agree to, offer, promise or otherwise say it will cooperate, concede or meet (CAMEO 03 and 057)' },
  { type: 'CONSULT', quad: 'verbal-coop', modes: ['visit', 'host', 'phone', 'third-party', 'multilateral'], gloss: 'meet, visit, host, telephone, negotiate or mediate (CAMEO 04)' },
  { type: 'SUPPORT', quad: 'verbal-coop', modes: [], gloss: 'praise, endorse, defend verbally, rally support for, recognise, apologise or forgive (CAMEO 05)' },
  { type: 'COOPERATE', quad: 'material-coop', modes: [], gloss: 'cooperate economically, militarily or judicially, share intelligence, extradite (CAMEO 06)' },
  { type: 'AID', quad: 'material-coop', modes: [], gloss: 'give economic, military or humanitarian aid, protection or asylum (CAMEO 07)' },
  { type: 'CONCEDE', quad: 'material-coop', modes: [], gloss: 'ease restrictions, sanctions, curfews or bans, accede to demands for reform (CAMEO 08 but release and de-escalation)' },
  { type: 'RETREAT', quad: 'material-coop', modes: ['release', 'withdraw', 'ceasefire', 'resign', 'return'], gloss: 'release people or property, withdraw, declare a ceasefire, demobilise, surrender, resign (CAMEO 084, 087)' },
  { type: 'INVESTIGATE', quad: 'material-coop', modes: [], gloss: 'investigate crime, corruption, abuses, military action or war crimes (CAMEO 09)' },
  { type: 'DEMAND', quad: 'verbal-conflict', modes: [], gloss: 'demand, ask for or urge cooperation, aid, reform, yielding or talks (CAMEO 02 and 10; later PLOVER: REQUEST)' },
  { type: 'DISAPPROVE', quad: 'verbal-conflict', modes: [], gloss: 'criticise, denounce, accuse, complain, sue or find guilty (CAMEO 11; later PLOVER: ACCUSE)' },
  { type: 'REJECT', quad: 'verbal-conflict', modes: [], gloss: 'reject, refuse or veto a request, proposal, plan or mediation; defy norms (CAMEO 12)' },
  { type: 'THREATEN', quad: 'verbal-conflict', modes: ['violence', 'restrict', 'relations', 'curfew', 'martial-law', 'political'], gloss: 'threaten force, sanctions, broken relations or repression, or give an ultimatum (CAMEO 13)' },
  { type: 'PROTEST', quad: 'verbal-conflict', modes: ['demo-org', 'demo-spon', 'strike-hun', 'strike-gen', 'obstruct', 'riot', 'riot-spon'], gloss: 'demonstrate, rally, go on hunger strike or strike, block passage, riot (CAMEO 14)' },
  { type: 'MOBILIZE', quad: 'material-conflict', modes: ['troops', 'police', 'weapons'], gloss: 'raise alert, mobilise or reinforce troops, police or cyber forces (CAMEO 15)' },
  { type: 'SANCTION', quad: 'material-conflict', modes: [], gloss: 'reduce or break relations, cut aid, impose embargoes or sanctions, halt talks, expel diplomats or observers (CAMEO 16)' },
  { type: 'COERCE', quad: 'material-conflict', modes: ['arrest', 'detain', 'deport', 'confiscate', 'destroy', 'ban', 'censor', 'curfew', 'martial-law', 'restrict'], gloss: 'seize or destroy property, arrest, detain, deport, ban, censor, impose curfews or repress (CAMEO 17)' },
  { type: 'ASSAULT', quad: 'material-conflict', modes: ['beat', 'torture', 'sexual', 'primitive', 'explosives', 'suicide-attack', 'assassinate'], gloss: 'abduct, beat, torture, bomb or assassinate outside combat (CAMEO 18)' },
  { type: 'FIGHT', quad: 'material-conflict', modes: ['firearms', 'heavy-weapons', 'explosives', 'assassinate', 'deport', 'other'], gloss: 'use military force: fight, shell, bomb from the air, occupy, blockade, violate a ceasefire (CAMEO 19, 20)' },
];

/** The PLOVER types by name. */
export const PLOVER_BY_TYPE: ReadonlyMap<EventType, PloverCategory> = new Map(PLOVER_CATEGORIES.map((c) => [c.type, c]));

/** The PLOVER type names, in PLOVER_CATEGORIES' order. */
export const EVENT_TYPES: readonly EventType[] = PLOVER_CATEGORIES.map((c) => c.type);

/** Whether a string names a PLOVER type. */
export function isEventType(s: string): s is EventType {
  return PLOVER_BY_TYPE.has(s as EventType);
}
