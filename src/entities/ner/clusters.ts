import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/**
 * Reads word clusters written by build-clusters.ts: gzipped `word<TAB>bit path` lines.
 * A missing file gives an empty map (the tagger then works without cluster features).
 */
export function readClusters(path: string): Map<string, string> {
  const clusters = new Map<string, string>();
  if (!existsSync(path)) return clusters;
  for (const line of gunzipSync(readFileSync(path)).toString('utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) clusters.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return clusters;
}

/** The `#` header lines of a clusters file (how it was built, from what), without the `# `. */
export function clusterFileNotes(path: string): string[] {
  if (!existsSync(path)) return [];
  const notes: string[] = [];
  for (const line of gunzipSync(readFileSync(path)).toString('utf8').split('\n')) {
    if (!line.startsWith('#')) break;
    notes.push(line.replace(/^#\s*/, ''));
  }
  return notes;
}
