/**
 * Reads a V8 .cpuprofile (from `node --cpu-prof`) and sums self time per function and per
 * module, so a benchmark can say where the time goes.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** One row of a profile summary: self time in ms and as a share of the profile. */
export interface ProfileRow {
  name: string;
  ms: number;
  share: number;
}

/** Self time per function (name and location) and per module or package. */
export interface ProfileSummary {
  totalMs: number;
  functions: ProfileRow[];
  modules: ProfileRow[];
}

function location(url: string, root: string): string {
  if (!url) return '(native)';
  const path = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path);
  if (pkg) return `${pkg[1]}/${pkg[2]}`;
  return path.startsWith('/') ? relative(root, path) : path;
}

function moduleOf(url: string, root: string): string {
  if (!url) return '(native / GC / program)';
  const path = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (pkg) return `npm:${pkg[1]}`;
  if (path.startsWith('node:')) return 'node internals';
  return path.startsWith('/') ? relative(root, path) : path;
}

function rows(map: Map<string, number>, total: number, top: number): ProfileRow[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({ name, ms: us / 1000, share: us / total }));
}

/** Sums a profile's sampled self time by function and by module (top `top` of each). */
export function summariseProfile(file: string, root: string, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    total += us;
    const name = `${functionName || '(anonymous)'}  ${url ? `${location(url, root)}:${lineNumber + 1}` : ''}`.trim();
    functions.set(name, (functions.get(name) ?? 0) + us);
    const mod = moduleOf(url, root);
    modules.set(mod, (modules.get(mod) ?? 0) + us);
  }
  return { totalMs: total / 1000, functions: rows(functions, total, top), modules: rows(modules, total, top) };
}
