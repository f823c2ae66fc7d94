// The installed command runs the compiled code in dist/, not the TypeScript the other tests
// run: this test builds it into a temporary folder as `npm run build` does (tsc, then the
// assets: model files, data tables) and runs it on part of the sample corpus, so that a file
// the build forgets to copy fails here rather than on a user's first `npm start`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
let out: string;

before(() => {
  out = mkdtempSync(join(tmpdir(), 'dossier-build-'));
  const tsc = spawnSync(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', join(REPO, 'tsconfig.build.json'), '--outDir', join(out, 'dist')], { cwd: REPO, encoding: 'utf8' });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  const copy = spawnSync(process.execPath, [join(REPO, 'scripts/copy-assets.js'), join(out, 'dist')], { cwd: REPO, encoding: 'utf8' });
  assert.equal(copy.status, 0, copy.stderr);
  // beside dist/ as in an install: the package's own files and its dependencies
  writeFileSync(join(out, 'package.json'), JSON.stringify({ type: 'module' }));
  symlinkSync(join(REPO, 'node_modules'), join(out, 'node_modules'), 'dir');
  for (const folder of ['sample', 'ui']) symlinkSync(join(REPO, folder), join(out, folder), 'dir');
});
after(() => rmSync(out, { recursive: true, force: true }));

/** Runs the built CLI. */
function dossier(args: string[]) {
  const script = `import(${JSON.stringify(join(out, 'dist/cli/main.js'))}).then((m) => m.main(['node', 'dossier', ...${JSON.stringify(args)}]))`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: out, encoding: 'utf8' });
}

test('the built command ingests, connects and lists stories and entities', () => {
  const db = join(out, 'dossier.db');
  const sample = ['meridian-korvath-solvane-drevin.txt', 'korvath-envoy-dam-rewritten.txt', 'meridian-orrenland-names-envoy.txt'].map((f) => join(REPO, 'sample', f));
  const ingest = dossier(['ingest', ...sample, '--db', db]);
  assert.equal(ingest.status, 0, ingest.stderr);
  assert.match(ingest.stdout, /^connected 3 articles /m);
  const entities = dossier(['entities', '--type', 'PER', '--db', db]);
  assert.equal(entities.status, 0, entities.stderr);
  assert.match(entities.stdout, /Henrik Solvane/);
  const duplicates = dossier(['duplicates', '--db', db]);
  assert.match(duplicates.stdout, /^ {2}copy /m);
});
