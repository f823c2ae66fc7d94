/**
 * What a line of page furniture is, as the `boilerplate:<kind>` reason of its Removal.
 */
export type BoilerplateKind = 'comments' | 'blog-footer' | 'share' | 'subscribe' | 'cookies' | 'advertising' | 'related';

/**
 * One pattern of page furniture. A block matches when the whole block (trimmed, at most
 * `maxChars` long) matches `pattern`. `tail` marks the start of a trailing section (a comment
 * section): the matching block and everything after it go, when it sits in the last part of
 * the article.
 */
export interface BoilerplatePattern {
  kind: BoilerplateKind;
  lang: string;
  pattern: RegExp;
  maxChars: number;
  tail?: boolean;
}

const SHORT = 120;
const SENTENCE = 400;

/**
 * Page furniture of news sites and blog platforms (Blogger, WordPress and the like) in
 * English, German, French, Spanish, Swedish and Russian. Data, not code: add a row to
 * teach the cleaner a new footer.
 */
export const BOILERPLATE_PATTERNS: readonly BoilerplatePattern[] = [
  // comment sections: their headers open a section that runs to the end
  { kind: 'comments', lang: 'en', pattern: /^(?:no|\d+|one|two|three) comments?:?$/i, maxChars: SHORT, tail: true },
  { kind: 'comments', lang: 'en', pattern: /^(?:post a comment|leave a (?:comment|reply)|add a comment|comments?(?: \(\d+\))?|reader comments|join the discussion|show comments|view comments)\.?:?$/i, maxChars: SHORT, tail: true },
  { kind: 'comments', lang: 'de', pattern: /^(?:keine|\d+|ein|zwei|drei) kommentare?:?$/i, maxChars: SHORT, tail: true },
  { kind: 'comments', lang: 'de', pattern: /^(?:kommentar veröffentlichen|kommentar schreiben|kommentieren|kommentare|hinterlasse einen kommentar|schreibe einen kommentar|leserkommentare)\.?:?$/i, maxChars: SHORT, tail: true },
  { kind: 'comments', lang: 'fr', pattern: /^(?:aucun|\d+|un|deux|trois) commentaires?\s?:?$/i, maxChars: SHORT, tail: true },
  { kind: 'comments', lang: 'fr', pattern: /^(?:publier un commentaire|laisser un commentaire|ajouter un commentaire|commentaires|réagir)\s?\.?:?$/i, maxChars: SHORT, tail: true },
  { kind: 'comments', lang: 'es', pattern: /^(?:no hay|\d+|un|dos|tres) comentarios?:?$/i, maxChars: SHORT, tail: true },
  { kind: 'comments', lang: 'es', pattern: /^(?:publicar un comentario|deja un comentario|dejar un comentario|añadir un comentario|comentarios)\.?:?$/i, maxChars: SHORT, tail: true },
  { kind: 'comments', lang: 'sv', pattern: /^(?:inga|\d+|en|ett|två|tre) kommentar(?:er)?:?$/i, maxChars: SHORT, tail: true },
  { kind: 'comments', lang: 'sv', pattern: /^(?:skicka en kommentar|lämna en kommentar|kommentera|kommentarer)\.?:?$/i, maxChars: SHORT, tail: true },
  { kind: 'comments', lang: 'ru', pattern: /^(?:нет|\d+) комментари(?:ев|я|й):?$/i, maxChars: SHORT, tail: true },
  { kind: 'comments', lang: 'ru', pattern: /^(?:отправить комментарий|оставить комментарий|добавить комментарий|комментарии)\.?:?$/i, maxChars: SHORT, tail: true },
  { kind: 'comments', lang: 'nl', pattern: /^(?:geen|\d+|een|twee|drie) (?:opmerkingen|opmerking|reacties?):?$/i, maxChars: SHORT, tail: true },
  { kind: 'comments', lang: 'nl', pattern: /^(?:een reactie posten|reactie plaatsen|laat een reactie achter|reageer|reacties)\.?:?$/i, maxChars: SHORT, tail: true },
  { kind: 'comments', lang: 'pt', pattern: /^(?:nenhum|\d+|um|dois|três) comentários?:?$/i, maxChars: SHORT, tail: true },
  { kind: 'comments', lang: 'pt', pattern: /^(?:postar um comentário|deixe um comentário|comentários)\.?:?$/i, maxChars: SHORT, tail: true },
  { kind: 'comments', lang: 'it', pattern: /^(?:nessun|\d+|un|due|tre) comment[io]:?$/i, maxChars: SHORT, tail: true },
  { kind: 'comments', lang: 'it', pattern: /^(?:posta un commento|lascia un commento|commenti)\.?:?$/i, maxChars: SHORT, tail: true },

  // blog platform footers
  { kind: 'blog-footer', lang: 'en', pattern: /^(?:posted by .{1,80}? at .{1,40}|labels?: .{1,200}|newer post\s*older post\s*home|subscribe to: post comments \(atom\)|email this\s*blogthis!?.*|share to (?:twitter|facebook|pinterest).*)$/i, maxChars: SENTENCE },
  { kind: 'blog-footer', lang: 'de', pattern: /^(?:eingestellt von .{1,80}? um .{1,40}|labels: .{1,200}|neuerer post\s*älterer post\s*startseite|abonnieren: kommentare zum post \(atom\)|diesen post per e-mail versenden.*)$/i, maxChars: SENTENCE },
  { kind: 'blog-footer', lang: 'fr', pattern: /^(?:publié par .{1,80}? à .{1,40}|libellés\s?: .{1,200}|article plus récent\s*article plus ancien\s*accueil|inscription à\s?: publier les commentaires \(atom\))$/i, maxChars: SENTENCE },
  { kind: 'blog-footer', lang: 'es', pattern: /^(?:publicado por .{1,80}? en .{1,40}|etiquetas: .{1,200}|entrada más reciente\s*entrada antigua\s*página principal|suscribirse a: enviar comentarios \(atom\))$/i, maxChars: SENTENCE },
  { kind: 'blog-footer', lang: 'sv', pattern: /^(?:upplagd av .{1,80}? kl\.? .{1,40}|etiketter: .{1,200}|senare inlägg\s*äldre inlägg\s*startsida|prenumerera på: kommentarer till inlägget \(atom\))$/i, maxChars: SENTENCE },
  { kind: 'blog-footer', lang: 'ru', pattern: /^(?:автор: .{1,80}? на? .{1,40}|ярлыки: .{1,200}|следующее\s*предыдущее\s*главная страница|подписаться на: комментарии к сообщению \(atom\))$/i, maxChars: SENTENCE },

  // share and follow buttons
  { kind: 'share', lang: 'en', pattern: /^(?:share(?: this(?: article| story| post)?)?|share on (?:x|twitter|facebook|linkedin|whatsapp|telegram|reddit|email)(?:\s*\|?\s*share on \w+)*|tweet|email|print|copy link|follow us on .{1,60})\.?:?$/i, maxChars: SHORT },
  { kind: 'share', lang: 'de', pattern: /^(?:teilen|artikel teilen|auf (?:facebook|x|twitter|whatsapp) teilen|drucken|link kopieren|folgen sie uns auf .{1,60})\.?:?$/i, maxChars: SHORT },
  { kind: 'share', lang: 'fr', pattern: /^(?:partager(?: cet article)?|partager sur (?:facebook|x|twitter|whatsapp)|imprimer|copier le lien|suivez-nous sur .{1,60})\.?:?$/i, maxChars: SHORT },
  { kind: 'share', lang: 'es', pattern: /^(?:compartir(?: este artículo)?|compartir en (?:facebook|x|twitter|whatsapp)|imprimir|copiar enlace|síguenos en .{1,60})\.?:?$/i, maxChars: SHORT },
  { kind: 'share', lang: 'sv', pattern: /^(?:dela(?: artikeln)?|dela på (?:facebook|x|twitter)|skriv ut|kopiera länk|följ oss på .{1,60})\.?:?$/i, maxChars: SHORT },
  { kind: 'share', lang: 'ru', pattern: /^(?:поделиться|поделиться в .{1,30}|распечатать|скопировать ссылку|подписывайтесь на нас в .{1,60})\.?:?$/i, maxChars: SHORT },

  // newsletter and subscription calls
  { kind: 'subscribe', lang: 'en', pattern: /^(?:subscribe(?: now| today)?|sign up(?: for (?:our|the) .{1,60})?|subscribe to (?:our|the) .{1,60}|get (?:our|the) .{1,40} newsletter.*|already a subscriber\?.*|support (?:our|independent) journalism.*)[.!]?$/i, maxChars: SENTENCE },
  { kind: 'subscribe', lang: 'de', pattern: /^(?:newsletter abonnieren|jetzt abonnieren|abonnieren sie (?:unseren|den) .{1,60}|melden sie sich .{1,60} an)[.!]?$/i, maxChars: SENTENCE },
  { kind: 'subscribe', lang: 'fr', pattern: /^(?:abonnez-vous.{0,80}|inscrivez-vous à (?:notre|la) newsletter.*|s'abonner)[.!]?$/i, maxChars: SENTENCE },
  { kind: 'subscribe', lang: 'es', pattern: /^(?:suscríbete.{0,80}|suscribirse|apúntate a (?:nuestra|la) newsletter.*)[.!]?$/i, maxChars: SENTENCE },
  { kind: 'subscribe', lang: 'sv', pattern: /^(?:prenumerera(?: på (?:vårt|vår) .{1,40})?|bli prenumerant.*)[.!]?$/i, maxChars: SENTENCE },
  { kind: 'subscribe', lang: 'ru', pattern: /^(?:подписаться|подпишитесь на (?:нашу|наш) .{1,60})[.!]?$/i, maxChars: SENTENCE },

  // cookie notices
  { kind: 'cookies', lang: 'en', pattern: /^(?:.{0,80}\b(?:we|this (?:web)?site) uses? cookies\b.*|accept(?: all)? cookies|cookie (?:policy|settings|preferences)|manage cookies)$/i, maxChars: SENTENCE },
  { kind: 'cookies', lang: 'de', pattern: /^(?:.{0,80}\b(?:wir verwenden|diese (?:web)?seite verwendet|nutzt) cookies\b.*|cookies akzeptieren|alle akzeptieren|cookie-einstellungen)$/i, maxChars: SENTENCE },
  { kind: 'cookies', lang: 'fr', pattern: /^(?:.{0,80}\b(?:nous utilisons|ce site utilise) des cookies\b.*|accepter les cookies|tout accepter|paramètres des cookies)$/i, maxChars: SENTENCE },
  { kind: 'cookies', lang: 'es', pattern: /^(?:.{0,80}\b(?:utilizamos|usamos|este sitio (?:web )?utiliza) cookies\b.*|aceptar cookies|aceptar todas|configuración de cookies)$/i, maxChars: SENTENCE },
  { kind: 'cookies', lang: 'sv', pattern: /^(?:.{0,80}\b(?:vi använder|webbplatsen använder) (?:kakor|cookies)\b.*|godkänn (?:alla )?(?:kakor|cookies)|acceptera alla)$/i, maxChars: SENTENCE },
  { kind: 'cookies', lang: 'ru', pattern: /^(?:.{0,80}\b(?:мы используем|сайт использует) (?:файлы )?cookie.*|принять (?:все )?cookie.*)$/i, maxChars: SENTENCE },

  // advertising labels and related-content teasers
  { kind: 'advertising', lang: '*', pattern: /^(?:advertisement|advertising|sponsored(?: content)?|anzeige|werbung|publicité|publicidad|annons|реклама)$/i, maxChars: SHORT },
  { kind: 'related', lang: 'en', pattern: /^(?:read more|related(?: articles| stories)?|more on this story|you may also like|recommended|most read|most popular|see also)\s?:?.{0,100}$/i, maxChars: SHORT },
  { kind: 'related', lang: 'de', pattern: /^(?:mehr zum thema|lesen sie auch|weiterlesen|das könnte sie auch interessieren|meistgelesen)\s?:?.{0,100}$/i, maxChars: SHORT },
  { kind: 'related', lang: 'fr', pattern: /^(?:lire aussi|à lire aussi|voir aussi|les plus lus)\s?:?.{0,100}$/i, maxChars: SHORT },
  { kind: 'related', lang: 'es', pattern: /^(?:lee también|leer más|te puede interesar|lo más leído)\s?:?.{0,100}$/i, maxChars: SHORT },
  { kind: 'related', lang: 'sv', pattern: /^(?:läs också|läs mer|mest läst)\s?:?.{0,100}$/i, maxChars: SHORT },
  { kind: 'related', lang: 'ru', pattern: /^(?:читайте также|читать далее|самое читаемое)\s?:?.{0,100}$/i, maxChars: SHORT },
];
