import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { dataDir } from '../learn/script-options.ts';
import type { Span } from '../doc/span.ts';

/** The three parts of an attribution that PolNeAR marks. */
export const ATTRIBUTION_PARTS = ['source', 'cue', 'content'] as const;
export type AttributionPart = (typeof ATTRIBUTION_PARTS)[number];

/** A marked span of one part; a discontinuous annotation gives one per fragment. */
export interface PartSpan extends Span {
  part: AttributionPart;
}

/** One annotator's file for one article. */
export interface PolnearAnnotation {
  /** The article's name (text file name without `.txt`). */
  article: string;
  /** The annotator's suffix after the last `_` of the `.ann` name. */
  annotator: string;
  text: string;
  spans: PartSpan[];
  /** The annotator's attributions (brat `E` events), each with its parts' fragments. */
  attributions: GoldAttribution[];
}

/** One annotated attribution: the fragments of its source, cue and content. */
export interface GoldAttribution {
  source: Span[];
  cue: Span[];
  content: Span[];
}

const PART_OF: Record<string, AttributionPart> = { Source: 'source', Cue: 'cue', Content: 'content' };

/**
 * The Source, Cue and Content spans of a brat standoff file (`T1<TAB>Cue 16 21<TAB>backs`),
 * one per fragment (`752 760;769 800` gives two). Other annotation types (Attribution,
 * Discuss, Discard, notes, relations) are ignored.
 */
export function parseBrat(ann: string): PartSpan[] {
  const spans: PartSpan[] = [];
  for (const line of ann.split('\n')) {
    if (!line.startsWith('T')) continue;
    const fields = line.split('\t');
    if (fields.length < 2) continue;
    const space = fields[1].indexOf(' ');
    const part = PART_OF[fields[1].slice(0, space)];
    if (!part) continue;
    for (const fragment of fields[1].slice(space + 1).split(';')) {
      const [start, end] = fragment.trim().split(' ').map(Number);
      if (Number.isInteger(start) && Number.isInteger(end) && end > start) spans.push({ part, start, end });
    }
  }
  return spans;
}

/**
 * The attributions of a brat standoff file: each `E` line ties a Source, a Cue and a Content
 * text-bound annotation (`E4<TAB>Attribution:T13 Content:T12 Cue:T11 Source:T10`).
 */
export function parseBratAttributions(ann: string): GoldAttribution[] {
  const fragments = new Map<string, Span[]>();
  for (const line of ann.split('\n')) {
    if (!line.startsWith('T')) continue;
    const fields = line.split('\t');
    if (fields.length < 2) continue;
    const spans: Span[] = [];
    for (const fragment of fields[1].slice(fields[1].indexOf(' ') + 1).split(';')) {
      const [start, end] = fragment.trim().split(' ').map(Number);
      if (Number.isInteger(start) && Number.isInteger(end) && end > start) spans.push({ start, end });
    }
    fragments.set(fields[0], spans);
  }
  const out: GoldAttribution[] = [];
  for (const line of ann.split('\n')) {
    if (!line.startsWith('E')) continue;
    const attribution: GoldAttribution = { source: [], cue: [], content: [] };
    for (const arg of (line.split('\t')[1] ?? '').split(' ').slice(1)) {
      const [role, id] = arg.split(':');
      const part = PART_OF[role.replace(/\d+$/, '')];
      if (part) attribution[part].push(...(fragments.get(id) ?? []));
    }
    out.push(attribution);
  }
  return out;
}

/**
 * The annotations of one PolNeAR split (`train`, `dev`, `test`). With `oneAnnotator`, an
 * article annotated by several people keeps only the file whose annotator suffix sorts
 * first (the rule the evaluation uses); otherwise every annotator's file is returned.
 */
export function readPolnearSplit(root: string, split: string, oneAnnotator: boolean): PolnearAnnotation[] {
  const annDir = join(root, split, 'attributions');
  const textDir = join(root, split, 'text');
  const files = readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort();
  const out: PolnearAnnotation[] = [];
  const seen = new Set<string>();
  const texts = new Map<string, string>();
  for (const file of files) {
    const name = basename(file, '.ann');
    const cut = name.lastIndexOf('_');
    const article = name.slice(0, cut);
    const annotator = name.slice(cut + 1);
    if (oneAnnotator && seen.has(article)) continue;
    seen.add(article);
    const textPath = join(textDir, `${article}.txt`);
    if (!existsSync(textPath)) continue;
    let text = texts.get(article);
    if (text === undefined) {
      text = readFileSync(textPath, 'utf8');
      texts.set(article, text);
    }
    const ann = readFileSync(join(annDir, file), 'utf8');
    out.push({ article, annotator, text, spans: parseBrat(ann), attributions: parseBratAttributions(ann) });
  }
  return out;
}

/** The PolNeAR folder under a data folder, or null if it is not there. */
export function polnearDir(data: string): string | null {
  const dir = join(data, 'polnear');
  return ['train', 'dev', 'test'].every((s) => existsSync(join(dir, s, 'attributions'))) ? dir : null;
}

/**
 * The PolNeAR folder for a command line's `--data` option (default `../shared/data`); a
 * command-line script exits with a clear message when it is absent.
 */
export function polnearDirOrExit(options: Map<string, string>): string {
  const data = dataDir(options.get('data'));
  const root = polnearDir(data);
  if (!root) {
    console.error(`PolNeAR not found under ${data}/polnear (give --data)`);
    process.exit(1);
  }
  return root;
}
