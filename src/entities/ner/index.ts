export { loadNerModel, tagTokens, entitySpans } from './tagger.ts';
export type { EntitySpan } from './spans.ts';
export type { NerModel } from './model.ts';
