/**
 * What marks an element as page furniture rather than article text: a `reason` code (used in
 * `boilerplate:<reason>` removals) and a pattern tested against the element's lower-cased
 * `class` and `id` joined by a space. Patterns look for fragments, as class names are
 * compounds (`comment-list`, `post_share_bar`, `sidebarWidget`).
 */
export interface BoilerplatePattern {
  reason: string;
  pattern: RegExp;
}

/** The class/id patterns, most specific first. */
export const BOILERPLATE_PATTERNS: readonly BoilerplatePattern[] = [
  { reason: 'comments', pattern: /comment|disqus|kommentar|(^|[^a-z])respond([^a-z]|$)|reply-?form|leave-?a-?reply|discussion|replies/ },
  { reason: 'share', pattern: /(^|[^a-z])share|sharing|sharedaddy|shariff|social|sociable|addthis|addtoany|a2a_|teilen|syndication|follow-?us|print-?button/ },
  { reason: 'related', pattern: /related|recommend|more-?(stories|articles|news|posts)|read-?more-?(box|links)|also-?read|you-?may|teaser-?list|outbrain|taboola|plista|yarpp|jp-relatedposts|weitere-?artikel|post-?navigation|nav-?links|prev-?next/ },
  { reason: 'navigation', pattern: /(^|[^a-z])(nav|navbar|navigation|subnav|menu|menubar|breadcrumbs?|pagination|pager|skip-?link|toc)([^a-z]|$)|breadcrumb|mega-?menu|site-?nav|main-?nav|top-?nav/ },
  { reason: 'sidebar', pattern: /sidebar|side-?bar|widget|(^|[^a-z])aside([^a-z]|$)|marginal|rail([^a-z]|$)/ },
  { reason: 'footer', pattern: /footer|colophon|copyright|site-?info|impressum|legal-?notice/ },
  { reason: 'header', pattern: /(^|[^a-z])(site|page|global|top)-?header|masthead|top-?bar|(^|[^a-z])logo([^a-z]|$)/ },
  { reason: 'cookie', pattern: /cookie|consent|gdpr|(^|[^a-z])cmp[-_]|privacy-?(banner|notice)|datenschutz-?hinweis/ },
  { reason: 'newsletter', pattern: /newsletter|subscri|sign-?up|signup|paywall|(^|[^a-z])promo|membership|donate|abo-?box/ },
  { reason: 'advertising', pattern: /(^|[^a-z])(ad|ads|adv|advert|advertisement|anzeige|werbung|sponsor(ed)?|dfp|banner)([^a-z0-9]|$)|advertis|adsense|google_ad|ad-?(slot|unit|container|wrapper|box)|sponsored/ },
  { reason: 'metadata', pattern: /(^|[^a-z])(byline|post-?meta|entry-?meta|article-?meta|meta-?data|postmetadata|post-?info|entry-?utility|entry-?footer|post-?footer|article-?footer|tags?|tag-?cloud|tagcloud|categories|post-?categories|post-?tags|author-?(box|bio|info)|about-?author|dateline|timestamp|rating|ratings|vote|votes)([^a-z]|$)/ },
  { reason: 'interface', pattern: /(^|[^a-z])(modal|popup|pop-?up|overlay|lightbox|login|search|searchform|search-?form|hidden|screen-?reader-?text|sr-only|visually-?hidden|print-?only|noprint)([^a-z]|$)/ },
];

/** ARIA roles that mark furniture, with their reason. */
export const BOILERPLATE_ROLES: Readonly<Record<string, string>> = {
  navigation: 'navigation',
  banner: 'header',
  contentinfo: 'footer',
  complementary: 'sidebar',
  search: 'interface',
  dialog: 'interface',
  alertdialog: 'interface',
  menu: 'navigation',
  menubar: 'navigation',
};

/** Elements that are furniture whatever their class, with their reason. */
export const BOILERPLATE_TAGS: Readonly<Record<string, string>> = {
  nav: 'navigation',
  footer: 'footer',
  aside: 'sidebar',
  header: 'header',
  form: 'interface',
  button: 'interface',
  select: 'interface',
  input: 'interface',
  textarea: 'interface',
  label: 'interface',
  dialog: 'interface',
  menu: 'navigation',
  script: 'interface',
  style: 'interface',
  noscript: 'interface',
  template: 'interface',
  iframe: 'interface',
  svg: 'interface',
  figure: 'media',
  figcaption: 'media',
  picture: 'media',
  video: 'media',
  audio: 'media',
  object: 'media',
  embed: 'media',
  canvas: 'media',
  map: 'media',
};

/**
 * Why an element is furniture, or null when nothing marks it so.
 *
 * @example boilerplateReason(el) // 'comments' for <div id="comments">
 */
export function boilerplateReason(el: Element): string | null {
  const tagReason = BOILERPLATE_TAGS[el.localName];
  if (tagReason) return tagReason;
  const role = el.getAttribute('role');
  if (role && BOILERPLATE_ROLES[role.toLowerCase()]) return BOILERPLATE_ROLES[role.toLowerCase()];
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return 'hidden';
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return 'hidden';
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.trim().toLowerCase();
  if (!names) return null;
  for (const { reason, pattern } of BOILERPLATE_PATTERNS) if (pattern.test(names)) return reason;
  return null;
}
