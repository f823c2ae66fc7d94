import type { IngestProgress } from '../ingest/ingest.ts';

const WIDTH = 24;
const REDRAW_MS = 100;

/**
 * A one-line progress bar on a terminal's standard error: inputs done, articles stored and
 * articles per second. Draws nothing when standard error is not a terminal.
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): { update: (p: IngestProgress) => void; done: () => void } {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  let last = 0;
  let drawn = false;
  const draw = (p: IngestProgress) => {
    const share = p.inputsTotal ? p.inputsDone / p.inputsTotal : 0;
    const filled = Math.round(share * WIDTH);
    const rate = p.elapsed > 0 ? (p.ingested + p.skipped) / p.elapsed : 0;
    const line = `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${p.inputsDone}/${p.inputsTotal} inputs  ${p.ingested} stored  ${p.skipped} skipped  ${p.failed} failed  ${rate.toFixed(1)} articles/s`;
    stream.write(`\r\x1b[2K${line.slice(0, (stream.columns || 120) - 1)}`);
    drawn = true;
  };
  return {
    update(p) {
      const now = performance.now();
      if (now - last < REDRAW_MS && p.inputsDone < p.inputsTotal) return;
      last = now;
      draw(p);
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
