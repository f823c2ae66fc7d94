import { parseHTML } from 'linkedom';

/**
 * Parses HTML into a linkedom Document that always has `<html>` and `<body>`: linkedom keeps
 * a fragment's first element as the root (or fails on bare text), so a page without its own
 * `<html>` element is parsed again inside a minimal skeleton. Throws only if linkedom does.
 *
 * @example parseDocument('<p>Hi</p>').body.textContent // 'Hi'
 */
export function parseDocument(html: string): Document {
  const first = tryParse(html);
  if (first && first.documentElement?.localName === 'html' && first.body) return first;
  const wrapped = tryParse(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  if (wrapped && wrapped.body) return wrapped;
  throw new Error('linkedom could not build a document');
}

function tryParse(html: string): Document | null {
  try {
    return parseHTML(html).document as unknown as Document;
  } catch {
    return null;
  }
}
