/** The entity types of CoNLL-2003. */
export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
