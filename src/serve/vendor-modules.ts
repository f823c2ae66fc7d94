import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The page is built with Preact and htm, loaded by the browser as the ES module files their
// packages publish: no build step, nothing copied into ui/. The server serves each file at a
// fixed path under /vendor/, found with the module resolution Node itself uses, so it works
// from src/ and dist/ alike, after a fresh `npm ci`.
//
// preact/hooks imports "preact" by its bare name, and so do the page's own modules. Browsers
// resolve bare names through an import map. Chromium does not load an import map from a file
// (`<script type="importmap" src>` is not supported), so the map is written inline in
// ui/index.html, and the Content-Security-Policy allows that exact text by its SHA-256 hash
// (`script-src 'self' 'sha256-…'`, computed here when the app is made). Any other inline
// script, or a map changed on the way, is still refused: no 'unsafe-inline', and no
// 'unsafe-eval' either (htm parses its templates without eval). The alternative, rewriting
// the libraries' import statements when serving them, would edit third-party code by pattern.

/** The served path of each library module, and the specifier Node resolves it by. */
const VENDOR_MODULES: Record<string, string> = {
  '/vendor/preact.mjs': 'preact',
  '/vendor/hooks.mjs': 'preact/hooks',
  '/vendor/htm.mjs': 'htm',
};

/**
 * The library modules the page imports, by the path they are served at, with their text.
 * A package that is missing is an error at once, when the app is made, not a blank page.
 * @example vendorModules().get('/vendor/preact.mjs') // the text of node_modules/preact/dist/preact.mjs
 */
export function vendorModules(): Map<string, string> {
  const modules = new Map<string, string>();
  for (const [path, specifier] of Object.entries(VENDOR_MODULES)) {
    modules.set(path, readFileSync(fileURLToPath(import.meta.resolve(specifier)), 'utf8'));
  }
  return modules;
}

const IMPORT_MAP = /<script type="importmap">([\s\S]*?)<\/script>/g;

/**
 * The CSP sources (`'sha256-…'`) that allow the import maps written inline in a page, each by
 * the hash of its exact text; nothing for a page without one. Only import maps are counted:
 * an inline script that runs code is never allowed.
 * @example importMapHashes('<script type="importmap">{"imports":{}}</script>') // ["'sha256-…'"]
 */
export function importMapHashes(html: string): string[] {
  return [...html.matchAll(IMPORT_MAP)].map(([, text]) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
}
