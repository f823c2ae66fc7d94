import type { DomBlock } from './dom-blocks.ts';

/**
 * Short blocks whose wording marks them as furniture that sits inside an article's container:
 * captions and credits, bylines and datelines, calls to share, subscribe or comment, paywall
 * notices, disclaimers, blog-post footers and copyright notices. Each rule applies only to
 * blocks of at most `maxWords` words, so a paragraph that merely mentions a newsletter stays.
 */
export interface PhraseRule {
  reason: string;
  maxWords: number;
  pattern: RegExp;
}

/**
 * Headings that announce the end of an article: what follows is teasers, sharing or comments.
 * (A table of contents is not one: the article follows it.) Matched anywhere in a block of
 * at most eight words.
 */
export const END_MARKERS: RegExp =
  /^(related|recommended|see also|comments?|\d+ comments?|kommentare?|\d+ kommentare?)[\s\p{P}]*$|\b(related (posts|articles|stories|content|links)|read (more|next)|more from|you (may|might) (also )?like|also read|share this|share (this )?(article|story|post)|leave a (reply|comment)|join the discussion|könnte (sie|dich) (auch )?interessieren|auch interessant|mehr zum thema|mehr zu diesem thema|weitere (artikel|beiträge|themen|nachrichten|links|informationen zum thema)|weiterführende[rn]? links?|lesen sie (auch|mehr|weiter)|zum weiterlesen|empfohlene (beiträge|artikel)|ähnliche (artikel|beiträge)|(artikel|beitrag) (mit anderen )?teilen|diese[nr]? (artikel|beitrag) teilen|schreibe einen kommentar|hinterlasse einen kommentar|veja também|leia também|lea también|te puede interesar|artículos relacionados|noticias relacionadas|à lire aussi|lire aussi|sur le même sujet|dans la même rubrique|potrebbe interessarti|leggi anche|czytaj (też|także)|zobacz (też|także))\b/iu;

/** Furniture phrases for short blocks, as a table. */
export const PHRASE_RULES: readonly PhraseRule[] = [
  {
    reason: 'caption',
    maxWords: 14,
    pattern:
      /^[\s([]*(bild|bilder|foto|fotos|photo|photos|photograph|image|images|credit|credits|crédito|crédits?|créditos?|quelle|quellen|quellenangaben|source|sources|fuente|fonte|beitragsbild|titelbild|abbildung|grafik|illustration|foto ?credit)\b\s*[:/]|(^|\s)(foto|fotos|photo|bild|image|credits?( photos?)?|crédits?( photos?)?|photograph|picture)\s*(:|by\b|via\b|\/|©)|getty ?images|shutterstock|istockphoto|\bdpa\/|imago ?images|^©|^\(c\)\s/iu,
  },
  {
    reason: 'byline',
    maxWords: 8,
    // case-sensitive on purpose: a capital after "von"/"by" is a name
    pattern: /^([Vv]on|VON|[Bb]y|BY|[Pp]ar|[Pp]or|[Dd]i|[Aa]utor(in|en)?|[Aa]uthors?|[Pp]osted by|[Ww]ritten by|[Gg]eschrieben von|[Ee]rstellt von|[Vv]eröffentlicht von)\s*:?\s+\p{Lu}/u,
  },
  {
    reason: 'dateline',
    maxWords: 10,
    pattern:
      /^(erstellt|veröffentlicht|aktualisiert|zuletzt aktualisiert|geändert|stand|published|updated|posted|last modified|last updated|publié|mis à jour|publicado|actualizado|pubblicato)\b(\s*(am|on|le|el|il))?\s*(:|\d|\p{L}+,? \d)/iu,
  },
  {
    reason: 'teaser',
    maxWords: 30,
    pattern:
      /^[\s»›>]*(read more|read also|see also|also read|related|more on this|lesen sie (auch|mehr)|auch lesen|mehr dazu|mehr zum thema|siehe auch|zum thema|vea también|mire|le puede interesar|lea también|lee también|leia também|veja também|à lire aussi|lire aussi|voir aussi|leggi anche|czytaj (też|także)|zobacz (też|także))\s*[:»›]/iu,
  },
  {
    reason: 'call-to-action',
    maxWords: 16,
    pattern: /(newsletter|abonnieren|subscribe|sign up|anmelden|registrieren|jetzt (lesen|teilen|bestellen)|folge(n sie)? uns|follow us|teilen:|share:|diesen artikel|artikel teilen|nicht eingeloggt|logged in|cookies?|javascript|werbung|anzeige|advertisement|sponsored|all rights reserved|alle rechte vorbehalten|externer inhalt|external content|abonn|subskryp|subskrybu|suscr[ií]b|assinante|assine|weiterlesen|lire la suite|pour lire|to (view|read) the (full|rest)|permalink|permalien|letter to the editor|leserbrief)/iu,
  },
  {
    // a paywall notice runs longer than a call to action, and its wording is narrower
    reason: 'paywall',
    maxWords: 40,
    pattern: /to (view|read|continue reading) (the|this) (full|entire|rest of (the|this)) (story|article)|already a subscriber|please (subscribe|log in)|subscribe to (read|continue)|bereits abonnent|déjà abonné|ya eres suscriptor|já é assinante/iu,
  },
  {
    reason: 'disclaimer',
    maxWords: 60,
    pattern:
      /^[\s(]*(disclaimer|haftungsausschluss|editorial note|editor'?s note|advertiser disclosure|affiliate disclosure|transparenzhinweis|hinweis der redaktion|anmerkung der redaktion)\s*:|meinung des autors|not necessarily (reflect|those of)|opinions expressed (here|in this)|provision vom händler|affiliate[- ]links?|earn (a )?(small )?commission/iu,
  },
  {
    // the blog-software footer of a post: where it was filed, how it was tagged
    reason: 'post-meta',
    maxWords: 40,
    pattern:
      /this entry was posted|dieser eintrag wurde .{0,40}veröffentlicht|verschlagwortet mit|abgelegt unter|filed under|bookmark the permalink|lesezeichen (für|auf) den permalink|^(tags|schlagw(ö|o)rter|schlagworte|stichw(ö|o)rter|kategorien?|categories|étiquettes|etiquetas)\s*:/iu,
  },
  {
    reason: 'copyright',
    maxWords: 60,
    pattern: /^[\s(]*(©|\(c\)\s|copyright\b)|copyrighted property|written permission|without (prior )?permission|nachdruck (nur|verboten)|reproduction interdite/iu,
  },
];

/** The furniture reason of a short block, or null. */
export function phraseReason(block: Pick<DomBlock, 'words'>): string | null {
  const text = block.words.join(' ');
  for (const rule of PHRASE_RULES) {
    if (block.words.length <= rule.maxWords && rule.pattern.test(text)) return rule.reason;
  }
  return null;
}

/** Blocks long enough to be article prose whatever surrounds them. */
const PROSE_WORDS = 25;

/** Whether a block sits in a table cell, where a word such as "Comment" is a column's name, not a section's. */
function inTableCell(block: Pick<DomBlock, 'element'>): boolean {
  return block.element.closest('td, th') !== null;
}

/**
 * Drops furniture blocks from an extracted article: short blocks matching the phrase table,
 * and everything after an end marker ("Related articles", "Mehr zum Thema", "Kommentare")
 * up to the next block long enough to be prose. An end marker stands on its own: in a table
 * cell it is a column header.
 */
export function filterBlocks(blocks: readonly DomBlock[]): DomBlock[] {
  const out: DomBlock[] = [];
  let skipping = false;
  for (const block of blocks) {
    const text = block.words.join(' ');
    if (block.words.length <= 8 && END_MARKERS.test(text) && !inTableCell(block)) {
      skipping = true;
      continue;
    }
    if (skipping) {
      if (block.words.length < PROSE_WORDS || block.linkChars > block.chars * 0.3) continue;
      skipping = false;
    }
    if (phraseReason(block)) continue;
    out.push(block);
  }
  return out;
}
