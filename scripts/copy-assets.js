// Part of `npm run build`: copies the files tsc does not emit (trained model files under
// src/**/model/) to the same place under dist/, so the compiled code finds them beside it.
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

function walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (!e.isDirectory()) continue;
    if (e.name === 'model') cpSync(path, join('dist', path.slice('src/'.length)), { recursive: true });
    else walk(path);
  }
}
walk('src');
