/**
 * Attachment scores as the CoNLL 2018 shared task counts them: every word, punctuation
 * included. UAS: the right head; LAS: the right head and relation, the relation compared in
 * full (`nsubj:pass`) and, as the shared task does, on its universal part only (`nsubj`).
 */
export class AttachmentScore {
  words = 0;
  heads = 0;
  labelled = 0;
  labelledUniversal = 0;

  /** Counts one word: was its head right, and its relation (full, and universal part). */
  add(headRight: boolean, relation: string, gold: string): void {
    this.words++;
    if (!headRight) return;
    this.heads++;
    if (relation === gold) this.labelled++;
    if (universal(relation) === universal(gold)) this.labelledUniversal++;
  }

  get uas(): number {
    return this.words ? (100 * this.heads) / this.words : 0;
  }

  get las(): number {
    return this.words ? (100 * this.labelled) / this.words : 0;
  }

  /** LAS comparing only the universal part of the relation (CoNLL 2018's LAS). */
  get lasUniversal(): number {
    return this.words ? (100 * this.labelledUniversal) / this.words : 0;
  }
}

/** The universal part of a UD relation: `nsubj:pass` → `nsubj`. */
export function universal(relation: string): string {
  const colon = relation.indexOf(':');
  return colon < 0 ? relation : relation.slice(0, colon);
}
