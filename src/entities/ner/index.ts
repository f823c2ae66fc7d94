export { loadNerModel, tagTokens, entitySpans } from './tagger.ts';
export type { EntitySpan } from '../../learn/spans.ts';
export type { NerModel } from './model.ts';
