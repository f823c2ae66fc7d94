// Part of `npm run build`: copies the files tsc does not emit (trained models under
// src/**/model/, data tables such as src/connect/data/) to the same place under dist/, so the
// compiled code finds them beside it. Every file under src/ that is not TypeScript or a README
// is an asset: a new table cannot be forgotten.
//   node scripts/copy-assets.js [OUT]   (OUT defaults to dist)
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2] ?? 'dist';

function walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path);
    else if (!e.name.endsWith('.ts') && e.name !== 'README.md') cpSync(path, join(out, path.slice('src/'.length)));
  }
}
walk('src');
