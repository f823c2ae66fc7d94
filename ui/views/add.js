// @ts-check
// Add articles (`#/add`): files dropped or chosen and addresses pasted go to POST /api/ingest,
// the same ingest as `dossier ingest`, with its limits. The job's progress is asked for until it
// ends, then its summary is shown: how many articles were added or skipped, each failure with
// its reason (as text), links to the new articles. The page is then told (INGESTED_EVENT), so
// that the list and the overview are loaded again.

import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage, getJson, postForm } from '../api.js';
import { DocPage } from '../components/doc-page.js';
import { byteSize, plural } from '../format.js';
import { html } from '../html.js';
import { hrefOf } from '../router.js';

/**
 * @typedef {{ inputsDone: number, inputsTotal: number, ingested: number, skipped: number, failed: number }} JobProgress
 * @typedef {{ source: string, code: string, reason: string }} JobFailure
 * @typedef {{ id: string, title: string | null, source: string }} JobArticle
 * @typedef {{
 *   id: string, state: 'running' | 'done' | 'failed', started: string, finished?: string, progress: JobProgress,
 *   summary?: { ingested: number, skipped: number, failed: JobFailure[], warnings: string[], articles: JobArticle[], seconds: number, connected: number },
 *   error?: { code: string, message: string },
 * }} IngestJob
 * @typedef {{ maxRequestBytes: number, maxUrls: number, maxArticleBytes: number, maxFileBytes: number, fetchTimeoutMs: number }} IngestLimits
 * @typedef {{ limits: IngestLimits, running: IngestJob | null }} IngestInfo
 */

/** How often a running job is asked for its progress, in milliseconds. */
const POLL_MS = 400;

/** The event a finished job sends on `window`: what the page shows of the corpus is out of date. */
export const INGESTED_EVENT = 'dossier:ingested';

/** The endings Dossier reads (src/ingest/sources.ts), for the file picker's filter; compressed ones too. */
const ACCEPTED = '.txt,.text,.md,.markdown,.html,.htm,.xhtml,.json,.jsonl,.ndjson,.xml,.rss,.atom,.urls,.gz';

/**
 * The Add articles view in the main pane (pane.js): the limits and a job already running come first.
 * @returns {import('../pane.js').PaneView}
 */
export function addPane() {
  return {
    path: '/api/ingest',
    loading: 'Loading…',
    failed: () => 'Could not open Add articles.',
    render: (/** @type {IngestInfo} */ data) => ({ view: html`<${AddView} info=${data} />`, title: 'Add articles' }),
  };
}

/** @param {DragEvent} event */
const carriesFiles = (event) => !!event.dataTransfer && [...event.dataTransfer.types].includes('Files');

// While the view is shown, a file dropped beside the drop zone is not opened by the browser in
// place of the page.
for (const type of /** @type {const} */ (['dragover', 'drop'])) {
  window.addEventListener(type, (event) => {
    if (event.defaultPrevented || !carriesFiles(event) || !document.getElementById('add-drop')) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
  });
}

/**
 * The lines of the addresses box that are addresses: not blank, not `#` comments.
 * @param {string} text
 */
function urlLines(text) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

/**
 * What the progress part shows: nothing, the files being sent, or a job's progress.
 * @typedef {{ phase: 'idle' } | { phase: 'sending', text: string } | { phase: 'job', job: IngestJob }} Progress
 */

/**
 * The Add articles form, the progress of the job it started (or of one already running), and
 * the job's summary.
 * @param {{ info: IngestInfo }} props
 */
function AddView({ info }) {
  const { limits } = info;
  /** The files chosen so far, in the order they were added. */
  const [files, setFiles] = useState(/** @type {File[]} */ ([]));
  const [urls, setUrls] = useState('');
  const [error, setError] = useState('');
  const [over, setOver] = useState(false);
  const [progress, setProgress] = useState(/** @type {Progress} */ ({ phase: 'idle' }));
  const [result, setResult] = useState(/** @type {IngestJob | null} */ (null));
  const picker = useRef(/** @type {HTMLInputElement | null} */ (null));
  const resultTitle = useRef(/** @type {HTMLHeadingElement | null} */ (null));
  /** False once the view is left: the job goes on on the server, and this view stops following it. */
  const shown = useRef(true);
  const running = progress.phase !== 'idle';

  /**
   * Shows a job's progress until it ends, then its summary.
   * @param {IngestJob} job
   */
  const follow = async (job) => {
    setResult(null);
    for (;;) {
      setProgress({ phase: 'job', job });
      if (job.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      if (!shown.current) return;
      try {
        job = /** @type {IngestJob} */ (await getJson(`/api/ingest/${encodeURIComponent(job.id)}`));
      } catch (e) {
        if (!shown.current) return;
        setError(`Could not follow the ingest: ${errorMessage(e)}`);
        setProgress({ phase: 'idle' });
        return;
      }
      if (!shown.current) return;
    }
    setProgress({ phase: 'idle' });
    setResult(job);
    window.dispatchEvent(new CustomEvent(INGESTED_EVENT, { detail: { job: job.id } }));
  };

  useEffect(() => {
    // a job started earlier (another tab, before a reload) is shown until it ends
    if (info.running) void follow(info.running);
    return () => {
      shown.current = false;
    };
  }, []);

  // the summary takes the focus once it is shown
  useEffect(() => {
    if (result) resultTitle.current?.focus();
  }, [result]);

  /** @param {Iterable<File>} more */
  const addFiles = (more) => {
    setFiles((now) => [...now, ...more]);
    setError('');
  };

  /** @param {Event} event */
  const onPick = (event) => {
    const input = /** @type {HTMLInputElement} */ (event.currentTarget);
    addFiles([...(input.files ?? [])]);
    // the same file may be chosen again after it was removed
    input.value = '';
  };

  /** @param {DragEvent} event */
  const onDragOver = (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  /** @param {DragEvent} event */
  const onDragLeave = (event) => {
    const zone = /** @type {HTMLElement} */ (event.currentTarget);
    if (!(event.relatedTarget instanceof Node && zone.contains(event.relatedTarget))) setOver(false);
  };
  /** @param {DragEvent} event */
  const onDrop = (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    setOver(false);
    addFiles([...(event.dataTransfer?.files ?? [])]);
  };

  /** @param {number} index */
  const remove = (index) => {
    setFiles((now) => now.filter((_, j) => j !== index));
    picker.current?.focus();
  };

  /** @param {SubmitEvent} event */
  const onSubmit = async (event) => {
    event.preventDefault();
    const lines = [...new Set(urlLines(urls))];
    const total = files.reduce((n, f) => n + f.size, 0);
    if (!files.length && !lines.length) return setError('Choose or drop files, or give web addresses, first.');
    if (total > limits.maxRequestBytes) return setError(`The files come to ${byteSize(total)}, over the limit of ${byteSize(limits.maxRequestBytes)} at a time: add fewer at once.`);
    if (lines.length > limits.maxUrls) return setError(`${lines.length} addresses is over the limit of ${limits.maxUrls} at a time: add the rest afterwards.`);
    setError('');
    const body = new FormData();
    for (const file of files) body.append('files', file, file.name);
    if (lines.length) body.append('urls', lines.join('\n'));
    setProgress({ phase: 'sending', text: files.length ? `Sending ${plural(files.length, 'file', 'files')} (${byteSize(total)})…` : 'Sending…' });
    /** @type {IngestJob} */
    let job;
    try {
      job = /** @type {IngestJob} */ (await postForm('/api/ingest', body));
    } catch (e) {
      setProgress({ phase: 'idle' });
      setError(`Nothing was added: ${errorMessage(e)}`);
      return;
    }
    if (!shown.current) return;
    setFiles([]);
    setUrls('');
    await follow(job);
  };

  const total = files.reduce((n, f) => n + f.size, 0);
  const fileHint = `Text, Markdown, HTML, JSON, JSONL, RSS or Atom feeds and lists of URLs (.urls), also gzip-compressed. At most ${byteSize(limits.maxArticleBytes)} an article, ${byteSize(limits.maxFileBytes)} a file, ${byteSize(limits.maxRequestBytes)} in all at a time.`;
  const urlsHint = `Pages or feeds over http or https, at most ${limits.maxUrls} at a time; each is fetched with a time limit of ${Math.round(limits.fetchTimeoutMs / 1000)} s.`;
  const job = progress.phase === 'job' ? progress.job : null;
  return html`
    <${DocPage}
      className="add-articles"
      title="Add articles"
      titleId="add-title"
      byline="Files and web addresses go through the same steps and limits as “dossier ingest”. What they hold is read as text: nothing in them is run."
    >
      <form class="add-form" aria-labelledby="add-title" aria-busy=${String(running)} onSubmit=${onSubmit}>
        <div class=${`drop-zone${files.length ? ' has-files' : ''}${over ? ' is-over' : ''}`} id="add-drop" onDragOver=${onDragOver} onDragLeave=${onDragLeave} onDrop=${onDrop}>
          <label class="drop-label" for="add-files">Drop files here, or choose them:</label>
          <input type="file" multiple accept=${ACCEPTED} id="add-files" aria-describedby="add-files-hint" ref=${picker} onChange=${onPick} />
          <p class="muted add-hint" id="add-files-hint">${fileHint}</p>
          <ul class="add-chosen" aria-label=${files.length ? `Chosen files: ${plural(files.length, 'file', 'files')}, ${byteSize(total)}` : 'Chosen files'}>
            ${files.map(
              (file, i) =>
                html`<li
                  ><span class="add-file-name">${file.name}</span><span class="muted"> ${byteSize(file.size)} </span
                  ><button type="button" class="add-remove" aria-label=${`Remove ${file.name}`} onClick=${() => remove(i)}>Remove</button></li
                >`,
            )}
          </ul>
        </div>
        <label class="add-urls-label" for="add-urls">Web addresses, one a line</label>
        <textarea
          class="add-urls"
          id="add-urls"
          name="urls"
          rows="4"
          spellcheck=${false}
          placeholder="https://example.org/news/talks-resume"
          aria-describedby="add-urls-hint"
          value=${urls}
          onInput=${(/** @type {Event} */ e) => setUrls(/** @type {HTMLTextAreaElement} */ (e.currentTarget).value)}
        ></textarea>
        <p class="muted add-hint" id="add-urls-hint">${urlsHint}</p>
        <button type="submit" class="add-submit" disabled=${running}>${running ? 'Adding…' : 'Add articles'}</button>
        <p class="notice notice-error add-error" role="alert" hidden=${!error}>${error}</p>
      </form>
      <section class="add-progress" aria-label="Progress" hidden=${!running}>
        ${job ? html`<progress key="job" aria-label="Inputs read" max=${Math.max(1, job.progress.inputsTotal)} value=${job.progress.inputsDone}></progress>` : html`<progress key="sending" aria-label="Inputs read"></progress>`}
        <p class="add-status" role="status">${job ? progressLine(job) : progress.phase === 'sending' ? progress.text : ''}</p>
      </section>
      <section class="add-result" aria-labelledby="add-result-title" hidden=${!result}>${result ? html`<${Summary} job=${result} titleRef=${resultTitle} />` : null}</section>
    <//>
  `;
}

/**
 * The line under a job's progress bar.
 * @param {IngestJob} job
 */
function progressLine(job) {
  const p = job.progress;
  const counts = `${plural(p.ingested, 'article', 'articles')} added, ${p.skipped} skipped, ${p.failed} failed`;
  return job.state === 'running' ? `Reading ${p.inputsDone} of ${plural(p.inputsTotal, 'input', 'inputs')}: ${counts}.` : `Read ${plural(p.inputsTotal, 'input', 'inputs')}: ${counts}.`;
}

/**
 * A failure as text: its source, then its reason (without the source the reason starts with), then its code.
 * @param {{ f: JobFailure }} props
 */
function Failure({ f }) {
  const reason = f.reason.startsWith(`${f.source}: `) ? f.reason.slice(f.source.length + 2) : f.reason;
  return html`<li class="add-failure" data-code=${f.code}><strong class="add-failure-source">${f.source}</strong>: <span class="add-failure-reason">${reason}</span><span class="muted"> (${f.code})</span></li>`;
}

/**
 * A finished job's summary: counts, the new articles linked, each failure with its reason, warnings.
 * @param {{ job: IngestJob, titleRef: import('preact').Ref<HTMLHeadingElement> }} props
 */
function Summary({ job, titleRef }) {
  const s = job.summary;
  if (job.state === 'failed' || !s) {
    return html`
      <h2 class="add-result-title" id="add-result-title" tabindex="-1" ref=${titleRef}>The ingest stopped</h2>
      <p class="notice notice-error" role="alert">${job.error?.message ?? 'The server gave no reason.'}</p>
    `;
  }
  return html`
    <h2 class="add-result-title" id="add-result-title" tabindex="-1" ref=${titleRef}>${s.ingested ? `Added ${plural(s.ingested, 'article', 'articles')}` : 'No article added'}</h2>
    <p class="add-counts">
      ${`${plural(s.ingested, 'article', 'articles')} added, ${s.skipped.toLocaleString()} skipped as already stored, ${s.failed.length.toLocaleString()} failed (${s.seconds.toFixed(1)} s).`}
    </p>
    ${s.articles.length
      ? html`
          <h3 class="add-subtitle">New articles</h3>
          <ul class="add-new">
            ${s.articles.map(
              (a) =>
                html`<li><a href=${hrefOf({ name: 'article', id: a.id })}>${a.title?.trim() || a.source || `Article ${a.id}`}</a>${a.title?.trim() && a.source ? html`<span class="muted"> ${a.source}</span>` : null}</li>`,
            )}
          </ul>
          ${s.ingested > s.articles.length ? html`<p class="muted">and ${(s.ingested - s.articles.length).toLocaleString()} more: see the list of articles.</p>` : null}
        `
      : null}
    ${s.failed.length
      ? html`
          <h3 class="add-subtitle">Failed (${s.failed.length})</h3>
          <ul class="add-failures">
            ${s.failed.map((f) => html`<${Failure} f=${f} />`)}
          </ul>
        `
      : null}
    ${s.warnings.length
      ? html`
          <details class="add-warnings">
            <summary>${plural(s.warnings.length, 'warning', 'warnings')}</summary>
            <ul>
              ${s.warnings.map((w) => html`<li>${w}</li>`)}
            </ul>
          </details>
        `
      : null}
  `;
}
