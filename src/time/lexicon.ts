import type { Holiday } from './calendar.ts';

/**
 * The words the time tagger reads, as data: month and weekday names in the languages Dossier
 * cleans (English, German, French, Spanish, Swedish, Russian), words for today, yesterday and
 * tomorrow, numbers, units, and the modifiers TIMEX3 names.
 */

/** Month names and abbreviations, lower case, to the month number. */
export const MONTHS: Readonly<Record<string, number>> = {
  // English
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  'jan.': 1, jan: 1, 'feb.': 2, feb: 2, 'mar.': 3, 'apr.': 4, apr: 4, 'jun.': 6, 'jul.': 7, 'aug.': 8, aug: 8, 'sep.': 9, 'sept.': 9, sept: 9, 'oct.': 10, oct: 10, 'nov.': 11, nov: 11, 'dec.': 12, dec: 12,
  // German
  januar: 1, jänner: 1, februar: 2, märz: 3, mai: 5, juni: 6, juli: 7, oktober: 10, dezember: 12,
  // French
  janvier: 1, février: 2, mars: 3, avril: 4, juin: 6, juillet: 7, août: 8, septembre: 9, octobre: 10, novembre: 11, décembre: 12,
  // Spanish
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
  // Swedish
  januari: 1, februari: 2, maj: 5, augusti: 8,
  // Russian (nominative and genitive)
  январь: 1, января: 1, февраль: 2, февраля: 2, март: 3, марта: 3, апрель: 4, апреля: 4, мая: 5, май: 5, июнь: 6, июня: 6, июль: 7, июля: 7,
  август: 8, августа: 8, сентябрь: 9, сентября: 9, октябрь: 10, октября: 10, ноябрь: 11, ноября: 11, декабрь: 12, декабря: 12,
};

/** English month words that are also common words: a month only when capitalised. */
export const AMBIGUOUS_MONTHS: ReadonlySet<string> = new Set(['may', 'march', 'jan', 'dec', 'oct', 'nov', 'sept', 'aug', 'apr', 'feb']);

/** Weekday names to ISO weekday numbers (Monday 1). */
export const WEEKDAYS: Readonly<Record<string, number>> = {
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
  'mon.': 1, 'tue.': 2, 'tues.': 2, 'wed.': 3, 'thu.': 4, 'thurs.': 4, 'fri.': 5, 'sat.': 6, 'sun.': 7,
  montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6, sonnabend: 6, sonntag: 7,
  lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6, dimanche: 7,
  lunes: 1, martes: 2, miércoles: 3, jueves: 4, viernes: 5, sábado: 6, domingo: 7,
  måndag: 1, tisdag: 2, onsdag: 3, torsdag: 4, fredag: 5, lördag: 6, söndag: 7,
  måndagen: 1, tisdagen: 2, onsdagen: 3, torsdagen: 4, fredagen: 5, lördagen: 6, söndagen: 7,
  понедельник: 1, вторник: 2, среда: 3, среду: 3, четверг: 4, пятница: 5, пятницу: 5, суббота: 6, субботу: 6, воскресенье: 7,
};

/** Words for a day counted from the anchor: today 0, yesterday -1, tomorrow 1. */
export const DAY_WORDS: Readonly<Record<string, number>> = {
  today: 0, yesterday: -1, tomorrow: 1,
  heute: 0, gestern: -1, morgen: 1, vorgestern: -2, übermorgen: 2,
  "aujourd'hui": 0, 'aujourd’hui': 0, hier: -1, demain: 1,
  hoy: 0, ayer: -1, mañana: 1,
  idag: 0, igår: -1, imorgon: 1, 'i dag': 0, 'i går': -1, 'i morgon': 1,
  сегодня: 0, вчера: -1, завтра: 1,
};

/** References without a date of their own. */
export const REFS: Readonly<Record<string, string>> = {
  now: 'PRESENT_REF', currently: 'PRESENT_REF', nowadays: 'PRESENT_REF', 'these days': 'PRESENT_REF', 'at present': 'PRESENT_REF', current: 'PRESENT_REF',
  recently: 'PAST_REF', 'the past': 'PAST_REF', lately: 'PAST_REF', recent: 'PAST_REF',
  'recent years': 'PAST_REF', 'recent months': 'PAST_REF', 'recent weeks': 'PAST_REF', 'recent days': 'PAST_REF', 'recent decades': 'PAST_REF',
  soon: 'FUTURE_REF', 'the future': 'FUTURE_REF', 'the near future': 'FUTURE_REF', 'the distant future': 'FUTURE_REF',
  jetzt: 'PRESENT_REF', maintenant: 'PRESENT_REF', ahora: 'PRESENT_REF', nu: 'PRESENT_REF', сейчас: 'PRESENT_REF',
};

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40,
  fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, 'a couple of': 2, 'a couple': 2, couple: 2, half: 0.5,
};

/** Vague quantities: the count stays X, the value says so (`PXY`). */
export const VAGUE_NUMBERS: ReadonlySet<string> = new Set(['a few', 'few', 'several', 'many', 'some', 'dozens of', 'hundreds of', 'a number of']);

export type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'fortnight' | 'month' | 'quarter' | 'year' | 'decade' | 'century';

export const UNIT_CODES: Readonly<Record<Unit, { code: string; time: boolean; factor: number }>> = {
  second: { code: 'S', time: true, factor: 1 }, minute: { code: 'M', time: true, factor: 1 }, hour: { code: 'H', time: true, factor: 1 },
  day: { code: 'D', time: false, factor: 1 }, week: { code: 'W', time: false, factor: 1 }, fortnight: { code: 'W', time: false, factor: 2 },
  month: { code: 'M', time: false, factor: 1 }, quarter: { code: 'Q', time: false, factor: 1 }, year: { code: 'Y', time: false, factor: 1 },
  decade: { code: 'DE', time: false, factor: 1 }, century: { code: 'CE', time: false, factor: 1 },
};

/** Words before a length of time and the TIMEX3 mod they give. */
export const DURATION_MODS: Readonly<Record<string, string>> = {
  about: 'APPROX', around: 'APPROX', roughly: 'APPROX', approximately: 'APPROX', some: 'APPROX', almost: 'EQUAL_OR_LESS', nearly: 'EQUAL_OR_LESS',
  'up to': 'EQUAL_OR_LESS', 'no more than': 'EQUAL_OR_LESS', 'more than': 'MORE_THAN', 'less than': 'LESS_THAN', 'at least': 'EQUAL_OR_MORE',
};

/** Words before a date and the part of it they point at. */
export const DATE_MODS: Readonly<Record<string, string>> = {
  early: 'START', 'earlier': 'START', 'the beginning of': 'START', 'the start of': 'START', 'beginning of': 'START', 'start of': 'START',
  late: 'END', later: 'END', 'the end of': 'END', 'end of': 'END', 'mid-': 'MID', mid: 'MID', 'the middle of': 'MID', 'middle of': 'MID',
  'ende': 'END', 'anfang': 'START', 'mitte': 'MID', 'fin': 'END', 'début': 'START', 'finales de': 'END', 'principios de': 'START', 'slutet av': 'END', 'början av': 'START',
};

export const PARTS_OF_DAY: Readonly<Record<string, string>> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI' };

export const SEASONS: Readonly<Record<string, string>> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' };

export const SET_WORDS: Readonly<Record<string, string>> = { hourly: 'PT1H', daily: 'P1D', nightly: 'P1D', weekly: 'P1W', monthly: 'P1M', quarterly: 'P1Q', annually: 'P1Y', yearly: 'P1Y' };

/**
 * Named days with a date of their own (US holidays where the name is American). Ambiguous
 * national days ("Independence Day") are left out: the country decides the date.
 */
export const HOLIDAYS: Readonly<Record<string, Holiday>> = {
  Christmas: { fixed: '12-25' }, 'Christmas Day': { fixed: '12-25' }, 'Christmas Eve': { fixed: '12-24' }, 'Boxing Day': { fixed: '12-26' },
  "New Year's Day": { fixed: '01-01' }, 'New Year’s Day': { fixed: '01-01' }, "New Year's Eve": { fixed: '12-31' }, 'New Year’s Eve': { fixed: '12-31' },
  'Orthodox Christmas': { fixed: '01-07' }, "Valentine's Day": { fixed: '02-14' }, 'Valentine’s Day': { fixed: '02-14' }, Halloween: { fixed: '10-31' },
  "International Women's Day": { fixed: '03-08' }, 'International Women’s Day': { fixed: '03-08' }, 'Victory Day': { fixed: '05-09' },
  'Easter': { easter: 0 }, 'Easter Sunday': { easter: 0 }, 'Easter Monday': { easter: 1 }, 'Good Friday': { easter: -2 },
  Thanksgiving: { month: 11, weekday: 4, n: 4 }, 'Thanksgiving Day': { month: 11, weekday: 4, n: 4 },
  'Labor Day': { month: 9, weekday: 1, n: 1 }, 'Memorial Day': { month: 5, weekday: 1, n: -1 },
  Heiligabend: { fixed: '12-24' }, Weihnachten: { fixed: '12-25' }, Silvester: { fixed: '12-31' }, Ostern: { easter: 0 },
  Noël: { fixed: '12-25' }, 'Jour de l’An': { fixed: '01-01' }, Pâques: { easter: 0 }, Navidad: { fixed: '12-25' }, Nochebuena: { fixed: '12-24' },
  julafton: { fixed: '12-24' }, juldagen: { fixed: '12-25' }, nyårsafton: { fixed: '12-31' }, påsk: { easter: 0 },
  Рождество: { fixed: '01-07' }, 'День Победы': { fixed: '05-09' },
};
