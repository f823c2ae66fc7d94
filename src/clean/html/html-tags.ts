/**
 * Elements that start a new line of text when rendered: text on either side of them never
 * runs together into one word. The lexer and the DOM walker share this set, so that the
 * words they see agree.
 */
export const BREAKING_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'menu', 'nav', 'ol', 'option', 'p',
  'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
  'body', 'html', 'head', 'legend', 'select', 'button', 'textarea', 'iframe', 'img', 'video',
  'audio', 'picture', 'canvas', 'svg', 'object', 'embed', 'input', 'label',
]);

/** Elements whose content is never visible text (raw text elements and the like). */
export const INVISIBLE_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'title', 'xmp', 'iframe', 'noembed',
  'noframes', 'plaintext',
]);

/** Elements that cannot have content, so they never open a nesting level. */
export const VOID_TAGS: ReadonlySet<string> = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source',
  'track', 'wbr', 'keygen', 'basefont', 'bgsound', 'frame',
]);
