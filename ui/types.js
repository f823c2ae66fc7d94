// @ts-check
// The shapes of the API's answers and of the page's routes, for the editor's type checks (JSDoc only).

/**
 * @typedef {{ start: number, end: number }} Span
 * @typedef {{
 *   id: string, title: string | null, outlet: string | null, published: string | null,
 *   language: string | null, source: string | null, url: string | null, format: string,
 *   chars: number, words: number, flags: string[], removed: number, removedShare: number | null, ingestedAt: string, copies?: number
 * }} ArticleSummary
 * @typedef {{ text: string, hit: boolean }} SnippetPiece
 * @typedef {ArticleSummary & { snippet: SnippetPiece[], score: number }} SearchHit
 * @typedef {Span & { kind: 'title' | 'heading' | 'paragraph' | 'list-item' | 'quote' | 'preformatted', level?: number }} Block
 * @typedef {Span & { headline: Span | null }} Entry
 * @typedef {{ raw: Span, text: string, reason: string, detail?: string }} Removal
 * @typedef {{ origin: string, severity: 'info' | 'warning' | 'error', text: string, span?: Span }} Message
 * @typedef {{ chars: number, words: number, removedShare: number, articleRemovedShare?: number, languageConfidence: number, flags: string[] }} Quality
 * @typedef {{
 *   url?: string, title?: string, byline?: string, outlet?: string, published?: string,
 *   language?: string, languageConfidence?: number, description?: string, source?: string
 * }} Meta
 * @typedef {'PER' | 'ORG' | 'LOC' | 'NORP' | 'EVENT' | 'MISC'} EntityType
 * @typedef {Span & { type: EntityType, entity: number }} Mention
 * @typedef {{ type: EntityType, name: string, aliases: string[], mentions: number[], roles: (Span & { text: string })[], corpusEntity?: string | null }} Entity
 * @typedef {{
 *   story: { id: string, title: string | null } | null,
 *   duplicates: { group: string, original: string, members: { id: string, title: string | null, outlet: string | null, share: number, kind: string | null }[] } | null,
 *   statements: { quote: number, id: string, reports: number }[]
 * }} CorpusFacts
 * @typedef {{ id: string, title: string | null, outlet: string | null, published: string | null, excerpt: string, copies: number }} CorpusArticle
 * @typedef {{ name: string, entity: number | null, span: Span | null, how: 'named' | 'role' | 'pronoun' | 'continued' | 'unknown' }} Speaker
 * @typedef {{
 *   content: Span, cue: Span | null, source: Span | null, kind: 'direct' | 'indirect' | 'mixed' | 'partial',
 *   speaker: Speaker, via: (Span & { name: string, entity: number | null })[],
 *   date?: string | null, dateFrom?: 'article' | 'sentence' | null
 * }} Quote
 * @typedef {Span & { text: string, pos: string, head: number, rel: string }} ParsedWord
 * @typedef {{ sentence: Span, words: ParsedWord[] }} SentenceParse
 * @typedef {{ kind: 'document' | 'text' | 'entry' | 'none', value?: string, span?: Span }} TimexAnchor
 * @typedef {Span & { type: 'DATE' | 'TIME' | 'DURATION' | 'SET', value: string, mod?: string, anchor: TimexAnchor | null }} Timex
 * @typedef {{
 *   schema: string, id: string, format: string, meta: Meta, text: string, blocks: Block[],
 *   entries: Entry[], removed: Removal[], messages: Message[], quality: Quality | null,
 *   sentences?: Span[], mentions?: Mention[], entities?: Entity[], quotes?: Quote[], timexes?: Timex[], events?: ArticleEvent[], corpus?: CorpusFacts
 * }} Article
 * @typedef {Span & { text: string, entity: number | null, country: string | null, sector: string | null }} EventActor
 * @typedef {{
 *   type: string, mode: string | null, context: string | null, cameo: string, trigger: Span, source: EventActor[], target: EventActor[],
 *   where: (Span & { name: string, entity: number | null, country: string | null }) | null,
 *   when: { value: string | null, from: 'timex' | 'article' | 'none', timex: number | null },
 *   status: 'asserted' | 'negated' | 'future' | 'hypothetical', reportedBy: number | null, sentence: number, summary: string,
 *   corpusEvent?: { id: string, reports: number } | null
 * }} ArticleEvent
 * @typedef {Span & { text: string, name: string | null, entity: number | null, corpusEntity: string | null, country: string | null, sector: string | null }} EventActorRow
 * @typedef {{
 *   articleId: string, articleTitle: string | null, outlet: string | null, index: number, type: string, mode: string | null, context: string | null,
 *   cameo: string, status: 'asserted' | 'negated' | 'future' | 'hypothetical', trigger: string, source: EventActorRow[], target: EventActorRow[],
 *   place: (Span & { name: string, country: string | null }) | null, date: string | null, dateFrom: 'timex' | 'article' | 'none',
 *   reportedBy: number | null, sentence: string, spans: { trigger: Span, sentence: Span }, summary: string,
 *   corpusEvent: { id: string, reports: number } | null
 * }} EventRow
 * @typedef {{
 *   id: string, type: string, first: string | null, last: string | null, stated: boolean, reports: number, articles: number,
 *   summary: string, shown: { articleId: string, index: number }, outlets: string[],
 *   reportList: EventRow[], reportTotal: number, disagreements: Array<{ field: 'date' | 'place', values: Array<{ value: string, reports: number }> }>,
 *   links: Array<{ a: { articleId: string, index: number }, b: { articleId: string, index: number }, score: number, evidence: string }>
 * }} CorpusEventDetail
 * @typedef {Omit<CorpusEventDetail, 'reportList' | 'reportTotal' | 'disagreements' | 'links'>} CorpusEventSummary
 * @typedef {'outlet' | 'language' | 'story' | 'entity' | 'type'} FacetName
 * @typedef {{ value: string, label: string | null, count: number, entityType?: EntityType }} FacetValue
 * @typedef {Record<FacetName, FacetValue[]>} Facets
 * @typedef {{ total: number, articles: ArticleSummary[], facets?: Facets }} ListResponse
 * @typedef {{ query: string, total: number, hits: SearchHit[], facets?: Facets }} SearchResponse
 * @typedef {{ from?: string, to?: string }} DateRange
 * @typedef {DateRange & { outlet?: string, language?: string, story?: string, entity?: string[], type?: string[] }} ListFilters
 * @typedef {{ name: 'quotes', page: number, speaker?: string, via?: string, sort?: string }} QuotesRoute
 * @typedef {{ name: 'timeline', story?: string, entity?: string, type?: string, country?: string, outlet?: string, from?: string, to?: string }} TimelineRoute
 * @typedef {{ name: 'events', page: number, type?: string, actor?: string, entity?: string, country?: string, from?: string, to?: string, fold?: string, min?: string, sort?: string }} EventsRoute
 * @typedef {({ name: 'list', page: number } & ListFilters) | ({ name: 'search', query: string, page: number } & ListFilters) | { name: 'article', id: string, event?: number, quote?: number } | { name: 'entity', id: string } | { name: 'story', id: string, since?: string } | { name: 'event', id: string } | EventsRoute | QuotesRoute | TimelineRoute | { name: 'add' }} Route
 * @typedef {Extract<Route, { name: 'list' | 'search' }>} ListRoute
 */


export {};
