/**
 * Lemmas of English verbs and nouns for lexicon look-ups (wink-nlp's tokens carry no lemma):
 * WordNet's "morphy" detachment rules, a table of irregular verbs, and undoubling of a final
 * consonant ("stopped" → "stop"). Data and rules of English, not of any text.
 */

/** Irregular verb forms (simple past and participle, lower case) → the verb. */
export const IRREGULAR_VERBS: Readonly<Record<string, string>> = Object.fromEntries(
  (
    'arose:arise arisen:arise awoke:awake was:be were:be been:be bore:bear borne:bear beat:beat beaten:beat became:become began:begin begun:begin ' +
    'bent:bend bit:bite bitten:bite bled:bleed blew:blow blown:blow broke:break broken:break brought:bring built:build burnt:burn bought:buy caught:catch ' +
    'chose:choose chosen:choose came:come cost:cost crept:creep cut:cut dealt:deal dug:dig did:do done:do drew:draw drawn:draw drank:drink drove:drive ' +
    'driven:drive ate:eat eaten:eat fell:fall fallen:fall fed:feed felt:feel fought:fight found:find fled:flee flung:fling flew:fly flown:fly forbade:forbid ' +
    'forbidden:forbid forgot:forget forgotten:forget forgave:forgive forgiven:forgive froze:freeze frozen:freeze got:get gotten:get gave:give given:give ' +
    'went:go gone:go grew:grow grown:grow hung:hang had:have heard:hear hid:hide hidden:hide hit:hit held:hold hurt:hurt kept:keep knew:know known:know ' +
    'laid:lay led:lead left:leave lent:lend let:let lay:lie lain:lie lit:light lost:lose made:make meant:mean met:meet paid:pay put:put quit:quit ' +
    'rode:ride ridden:ride rang:ring rung:ring rose:rise risen:rise ran:run said:say saw:see seen:see sought:seek sold:sell sent:send set:set shook:shake ' +
    'shaken:shake shed:shed shot:shoot shut:shut sang:sing sung:sing sank:sink sunk:sink sat:sit slept:sleep slid:slide spoke:speak spoken:speak ' +
    'spent:spend spread:spread stood:stand stole:steal stolen:steal struck:strike stricken:strike strove:strive swore:swear sworn:swear swept:sweep ' +
    'took:take taken:take taught:teach tore:tear torn:tear told:tell thought:think threw:throw thrown:throw understood:understand undertook:undertake ' +
    'undertaken:undertake upheld:uphold withdrew:withdraw withdrawn:withdraw withheld:withhold won:win wrote:write written:write overthrew:overthrow ' +
    'overthrown:overthrow overtook:overtake overtaken:overtake overran:overrun shut:shut shelled:shell blew:blow wound:wind slew:slay slain:slay ' +
    'forsook:forsake forsaken:forsake forwent:forgo foresaw:foresee foreseen:foresee rebuilt:rebuild retook:retake retaken:retake sped:speed'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/** Irregular noun plurals (lower case) → the noun. */
const IRREGULAR_NOUNS: Readonly<Record<string, string>> = {
  men: 'man', women: 'woman', people: 'people', children: 'child', crises: 'crisis', analyses: 'analysis', theses: 'thesis', bases: 'base', media: 'media',
};

const VERB_RULES: readonly (readonly [string, string])[] = [['ies', 'y'], ['es', 'e'], ['es', ''], ['s', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']];
const NOUN_RULES: readonly (readonly [string, string])[] = [['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y'], ['s', '']];

/**
 * The forms a word may be the inflection of, the word itself first: for a verb "shelled" →
 * ["shelled", "shelle", "shell"]; with a doubled consonant also the undoubled stem ("stopped"
 * → "stop"). The caller keeps the first one its lexicon knows.
 */
export function lemmaCandidates(word: string, pos: 'verb' | 'noun'): string[] {
  const w = word.toLowerCase();
  const out = [w];
  const irregular = pos === 'verb' ? IRREGULAR_VERBS[w] : IRREGULAR_NOUNS[w];
  if (irregular) out.push(irregular);
  for (const [suffix, ending] of pos === 'verb' ? VERB_RULES : NOUN_RULES) {
    if (w.length > suffix.length + 1 && w.endsWith(suffix)) {
      const stem = w.slice(0, -suffix.length) + ending;
      out.push(stem);
      // "stopped", "planning": a doubled final consonant before -ed/-ing
      if (ending === '' && (suffix === 'ed' || suffix === 'ing') && stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2] && !/[aeiou]/.test(stem[stem.length - 1])) {
        out.push(stem.slice(0, -1));
      }
    }
  }
  return out;
}
