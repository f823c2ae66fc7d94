/**
 * What marks an element as page furniture rather than article text: a `reason` code (used in
 * `boilerplate:<reason>` removals) and a pattern tested against each lower-cased token of the
 * element's `class` and its `id`. Patterns are anchored to whole tokens, since fragments
 * mislead: WordPress puts `tag-<slug>` and `category-<slug>` on the article itself, and page
 * builders wrap text in `elementor-widget-text-editor`.
 */
export interface BoilerplatePattern {
  reason: string;
  pattern: RegExp;
}

/** The class/id token patterns, most specific first. */
export const BOILERPLATE_PATTERNS: readonly BoilerplatePattern[] = [
  {
    reason: 'comments',
    pattern:
      /^(comments?|comment-?(list|form|area|section|wrap(per)?|container|respond|block|s-?area|s-?section|s-?wrap(per)?|s-?container|s-?list|s-?block)|commentlist|commentform|disqus\w*|respond|reply-?form|leave-?a-?reply|kommentare?|user-?comments|article-?comments|post-?comments)$/,
  },
  {
    reason: 'share',
    pattern:
      /^(share|sharing|social|sociable)(-?(bar|buttons?|links?|icons?|media|tools?|box|container|wrap(per)?|widget|this|area))?$|^(shariff|sharedaddy|addthis|a2a_|addtoany|ssba|share-?(bar|buttons?|links?|tools?|box|icons?))\w*|^(social-?(share|sharing|media|links?|icons?|buttons?|bar))\w*$|^follow-?us$|^teilen$/,
  },
  {
    reason: 'related',
    pattern:
      /^(related|related-?(posts?|articles?|content|stories|news|links?|items?)|more-?(stories|articles|news|posts)|also-?read|you-?may-?(also-?)?like|outbrain\w*|taboola\w*|plista\w*|yarpp\w*|jp-relatedposts|crp_related|post-?navigation|nav-?links|prev-?next|read-?more-?(box|links))$/,
  },
  {
    reason: 'navigation',
    pattern:
      /^(nav|navbar|navigation|subnav|menu|menubar|main-?menu|breadcrumbs?|breadcrumb-?\w+|pagination|pager|skip-?links?|main-?nav(igation)?|site-?nav(igation)?|top-?nav|nav-?menu|mega-?menu|primary-?menu|footer-?menu|header-?menu)$/,
  },
  {
    reason: 'sidebar',
    pattern: /^(sidebar|side-?bar|sidebar-?(left|right|primary|secondary|\d+|wrap(per)?|inner|content|widgets?)|(left|right|primary|secondary)-?sidebar|widget[-_]\w+|widget-?area)$/,
  },
  { reason: 'footer', pattern: /^(footer|site-?footer|page-?footer|global-?footer|colophon|copyright|site-?info|footer-?\w+)$/ },
  { reason: 'header', pattern: /^(site-?header|page-?header|global-?header|masthead|top-?bar|logo)$/ },
  { reason: 'cookie', pattern: /^(cookie\w*|consent\w*|gdpr\w*|cmp[-_]\w+|cookie-?(banner|notice|consent|bar))$|^(privacy-?(banner|notice)|datenschutz-?hinweis)$/ },
  { reason: 'newsletter', pattern: /^(newsletter\w*|subscribe\w*|subscription-?(box|form|banner)|signup\w*|sign-?up-?\w*|donate|donation\w*|abo-?box)$/ },
  {
    reason: 'advertising',
    pattern: /^(ad|ads|adv|advert|adverts|advertisement|advertising|anzeige|werbung|sponsored|banner-?ad|ad-?(slot|unit|container|wrapper|box|banner|zone)|adsense|google_ads?\w*|dfp-?\w*)$/,
  },
  {
    reason: 'metadata',
    pattern:
      /^(byline|post-?meta|entry-?meta|article-?meta|postmetadata|post-?info|entry-?utility|entry-?footer|post-?footer|article-?footer|tags|tag-?cloud|tagcloud|tag-?list|post-?tags|entry-?tags|article-?tags|author-?(box|bio|info|description|details|profile|card)|(post|article|entry)-?authors?(-?bio)?|about-?(the-?)?author|saboxplugin-?\w*|dateline|rating|ratings|post-?ratings)$/,
  },
  { reason: 'disclaimer', pattern: /^((editorial|affiliate|legal)-?disclaimer|disclaimer|ad-?disclosure|affiliate-?(info|disclosure|notice|hint)|community-?notice)$/ },
  { reason: 'media', pattern: /^(caption|wp-caption(-text)?|(photo|image|img|media|picture|figure)-?(caption|credits?)|credits?|caption-?(text|credit|source)|icaption\w*)$/ },
  { reason: 'embed', pattern: /^(twitter-?tweet|instagram-?media|tiktok-?embed|fb-?post)$/ },
  // not `noprint`: it hides from the printer only, and marks text on screen such as "[citation needed]"
  { reason: 'interface', pattern: /^(modal|popup|pop-?up|overlay|lightbox|login|search|searchform|search-?form|hidden|screen-?reader-?text|sr-only|visually-?hidden)$/ },
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
  const tokens = nameTokens(names);
  for (const { reason, pattern } of BOILERPLATE_PATTERNS) {
    for (const token of tokens) if (pattern.test(token)) return reason;
  }
  return null;
}

/**
 * The tokens of a class/id string, each with its BEM parts (`c-sheet__tags--wide` also
 * yields `c-sheet` and `tags`) and underscores read as hyphens (`related_posts`).
 */
function nameTokens(names: string): string[] {
  const out: string[] = [];
  for (const raw of names.split(/\s+/)) {
    out.push(raw);
    const token = raw.replace(/_(?!_)/g, '-').replace(/^-+|-+$/g, '');
    if (token !== raw) out.push(token);
    if (/__|--/.test(raw)) for (const part of raw.split(/__|--/)) if (part) out.push(part.replace(/_/g, '-'));
  }
  return out;
}
