/**
 * English irregular verb forms (simple past and past participle, lower case) and the verb they
 * belong to: wink-nlp's tokens carry neither tense nor lemma, so the time stage reads a past
 * form here and the event lexicon a verb's lemma. Data of English, not of any text.
 */
export const IRREGULAR_VERBS: ReadonlyMap<string, string> = new Map(
  (
    'arose:arise arisen:arise awoke:awake was:be were:be been:be bore:bear borne:bear beat:beat beaten:beat became:become began:begin ' +
    'begun:begin bent:bend bit:bite bitten:bite bled:bleed blew:blow blown:blow broke:break broken:break brought:bring built:build burnt:burn ' +
    'bought:buy caught:catch chose:choose chosen:choose came:come cost:cost crept:creep cut:cut dealt:deal dug:dig did:do done:do drew:draw ' +
    'drawn:draw drank:drink drove:drive driven:drive ate:eat eaten:eat fell:fall fallen:fall fed:feed felt:feel fought:fight found:find ' +
    'fled:flee flung:fling flew:fly flown:fly forbade:forbid forbidden:forbid forgot:forget forgotten:forget forgave:forgive forgiven:forgive ' +
    'froze:freeze frozen:freeze got:get gotten:get gave:give given:give went:go gone:go grew:grow grown:grow hung:hang had:have heard:hear ' +
    'hid:hide hidden:hide hit:hit held:hold hurt:hurt kept:keep knew:know known:know laid:lay led:lead left:leave lent:lend let:let lay:lie ' +
    'lain:lie lit:light lost:lose made:make meant:mean met:meet paid:pay put:put quit:quit rode:ride ridden:ride rang:ring rung:ring rose:rise ' +
    'risen:rise ran:run said:say saw:see seen:see sought:seek sold:sell sent:send set:set shook:shake shaken:shake shed:shed shot:shoot ' +
    'shut:shut sang:sing sung:sing sank:sink sunk:sink sat:sit slept:sleep slid:slide spoke:speak spoken:speak spent:spend spread:spread ' +
    'stood:stand stole:steal stolen:steal struck:strike stricken:strike strove:strive swore:swear sworn:swear swept:sweep took:take taken:take ' +
    'taught:teach tore:tear torn:tear told:tell thought:think threw:throw thrown:throw understood:understand undertook:undertake ' +
    'undertaken:undertake upheld:uphold withdrew:withdraw withdrawn:withdraw withheld:withhold won:win wrote:write written:write ' +
    'overthrew:overthrow overthrown:overthrow overtook:overtake overtaken:overtake overran:overrun shelled:shell wound:wind slew:slay slain:slay ' +
    'forsook:forsake forsaken:forsake forwent:forgo foresaw:foresee foreseen:foresee rebuilt:rebuild retook:retake retaken:retake sped:speed ' +
    'bet:bet bid:bid burst:burst clung:cling dreamt:dream ground:grind knelt:kneel leapt:leap learnt:learn read:read shone:shine showed:show ' +
    'shrank:shrink slung:sling spun:spin spat:spit split:split sprang:spring stuck:stick stung:sting swam:swim swung:swing thrust:thrust ' +
    'trod:tread upset:upset woke:wake wore:wear wove:weave wept:weep withstood:withstand born:bear become:become drunk:drink shown:show ' +
    'shrunk:shrink striven:strive swum:swim trodden:tread woken:wake worn:wear woven:weave overcame:overcome oversaw:oversee mistook:mistake ' +
    'misled:mislead'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);
