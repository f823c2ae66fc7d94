// @ts-check
// Add articles (`#/add`): files dropped or chosen and addresses pasted go to POST /api/ingest,
// the same ingest as `dossier ingest`, with its limits. The job's progress is asked for until it
// ends, then its summary is shown: how many articles were added or skipped, each failure with
// its reason (as text), links to the new articles. The page is then told (INGESTED_EVENT), so
// that the list and the overview are loaded again.

import { errorMessage, getJson, postForm } from '../api.js';
import { docPage, el, link } from '../components/dom.js';
import { byteSize, plural } from '../format.js';
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
    render: (/** @type {IngestInfo} */ data) => ({ view: addView(data), title: 'Add articles' }),
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

/** @param {IngestInfo} info */
function addView(info) {
  const { limits } = info;
  const { view } = docPage('add-articles', {
    title: 'Add articles',
    titleId: 'add-title',
    byline: 'Files and web addresses go through the same steps and limits as “dossier ingest”. What they hold is read as text: nothing in them is run.',
  });
  view.setAttribute('aria-labelledby', 'add-title');

  /** The files chosen so far, in the order they were added. @type {File[]} */
  let files = [];

  const form = el('form', 'add-form');
  form.setAttribute('aria-labelledby', 'add-title');

  const drop = el('div', 'drop-zone');
  drop.id = 'add-drop';
  const picker = el('input');
  picker.type = 'file';
  picker.multiple = true;
  picker.accept = ACCEPTED;
  picker.id = 'add-files';
  picker.setAttribute('aria-describedby', 'add-files-hint');
  const pickerLabel = el('label', 'drop-label', 'Drop files here, or choose them:');
  pickerLabel.htmlFor = picker.id;
  const fileHint = el(
    'p',
    'muted add-hint',
    `Text, Markdown, HTML, JSON, JSONL, RSS or Atom feeds and lists of URLs (.urls), also gzip-compressed. At most ${byteSize(limits.maxArticleBytes)} an article, ${byteSize(limits.maxFileBytes)} a file, ${byteSize(limits.maxRequestBytes)} in all at a time.`,
  );
  fileHint.id = 'add-files-hint';
  const chosen = el('ul', 'add-chosen');
  chosen.setAttribute('aria-label', 'Chosen files');
  drop.append(pickerLabel, picker, fileHint, chosen);

  const urlsLabel = el('label', 'add-urls-label', 'Web addresses, one a line');
  const urls = el('textarea', 'add-urls');
  urls.id = 'add-urls';
  urls.name = 'urls';
  urls.rows = 4;
  urls.spellcheck = false;
  urls.placeholder = 'https://example.org/news/talks-resume';
  urls.setAttribute('aria-describedby', 'add-urls-hint');
  urlsLabel.htmlFor = urls.id;
  const urlsHint = el('p', 'muted add-hint', `Pages or feeds over http or https, at most ${limits.maxUrls} at a time; each is fetched with a time limit of ${Math.round(limits.fetchTimeoutMs / 1000)} s.`);
  urlsHint.id = 'add-urls-hint';

  const submit = el('button', 'add-submit', 'Add articles');
  submit.type = 'submit';
  const error = el('p', 'notice notice-error add-error');
  error.setAttribute('role', 'alert');
  error.hidden = true;
  form.append(drop, urlsLabel, urls, urlsHint, submit, error);

  const progress = el('section', 'add-progress');
  progress.setAttribute('aria-label', 'Progress');
  progress.hidden = true;
  const bar = el('progress');
  bar.setAttribute('aria-label', 'Inputs read');
  const status = el('p', 'add-status');
  status.setAttribute('role', 'status');
  progress.append(bar, status);

  const result = el('section', 'add-result');
  result.setAttribute('aria-labelledby', 'add-result-title');
  result.hidden = true;
  view.append(form, progress, result);

  /** @param {string} message */
  const showError = (message) => {
    error.textContent = message;
    error.hidden = !message;
  };

  const showChosen = () => {
    chosen.replaceChildren(
      ...files.map((file, i) => {
        const item = el('li');
        const remove = el('button', 'add-remove', 'Remove');
        remove.type = 'button';
        remove.setAttribute('aria-label', `Remove ${file.name}`);
        remove.addEventListener('click', () => {
          files = files.filter((_, j) => j !== i);
          showChosen();
          picker.focus();
        });
        item.append(el('span', 'add-file-name', file.name), el('span', 'muted', ` ${byteSize(file.size)} `), remove);
        return item;
      }),
    );
    const total = files.reduce((n, f) => n + f.size, 0);
    drop.classList.toggle('has-files', files.length > 0);
    chosen.setAttribute('aria-label', files.length ? `Chosen files: ${plural(files.length, 'file', 'files')}, ${byteSize(total)}` : 'Chosen files');
  };

  /** @param {Iterable<File>} more */
  const addFiles = (more) => {
    files = [...files, ...more];
    showError('');
    showChosen();
  };

  picker.addEventListener('change', () => {
    addFiles(picker.files ?? []);
    // the same file may be chosen again after it was removed
    picker.value = '';
  });
  drop.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    drop.classList.add('is-over');
  });
  drop.addEventListener('dragleave', (event) => {
    if (!(event.relatedTarget instanceof Node && drop.contains(event.relatedTarget))) drop.classList.remove('is-over');
  });
  drop.addEventListener('drop', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    drop.classList.remove('is-over');
    addFiles(event.dataTransfer?.files ?? []);
  });

  /** @param {boolean} running */
  const setRunning = (running) => {
    submit.disabled = running;
    submit.textContent = running ? 'Adding…' : 'Add articles';
    form.setAttribute('aria-busy', String(running));
  };

  /**
   * Shows a job's progress until it ends, then its summary.
   * @param {IngestJob} job
   */
  const follow = async (job) => {
    setRunning(true);
    result.hidden = true;
    progress.hidden = false;
    for (;;) {
      showProgress(bar, status, job);
      if (job.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      // the user went to another view: the job goes on on the server, and this view is gone
      if (!view.isConnected) return;
      try {
        job = /** @type {IngestJob} */ (await getJson(`/api/ingest/${encodeURIComponent(job.id)}`));
      } catch (e) {
        if (!view.isConnected) return;
        showError(`Could not follow the ingest: ${errorMessage(e)}`);
        setRunning(false);
        return;
      }
      if (!view.isConnected) return;
    }
    setRunning(false);
    progress.hidden = true;
    showResult(result, job);
    const heading = result.querySelector('h2');
    if (heading instanceof HTMLElement) heading.focus();
    window.dispatchEvent(new CustomEvent(INGESTED_EVENT, { detail: { job: job.id } }));
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const lines = [...new Set(urlLines(urls.value))];
    const total = files.reduce((n, f) => n + f.size, 0);
    if (!files.length && !lines.length) return showError('Choose or drop files, or give web addresses, first.');
    if (total > limits.maxRequestBytes) return showError(`The files come to ${byteSize(total)}, over the limit of ${byteSize(limits.maxRequestBytes)} at a time: add fewer at once.`);
    if (lines.length > limits.maxUrls) return showError(`${lines.length} addresses is over the limit of ${limits.maxUrls} at a time: add the rest afterwards.`);
    showError('');
    const body = new FormData();
    for (const file of files) body.append('files', file, file.name);
    if (lines.length) body.append('urls', lines.join('\n'));
    setRunning(true);
    progress.hidden = false;
    bar.removeAttribute('value');
    status.textContent = files.length ? `Sending ${plural(files.length, 'file', 'files')} (${byteSize(total)})…` : 'Sending…';
    /** @type {IngestJob} */
    let job;
    try {
      job = /** @type {IngestJob} */ (await postForm('/api/ingest', body));
    } catch (e) {
      progress.hidden = true;
      setRunning(false);
      showError(`Nothing was added: ${errorMessage(e)}`);
      return;
    }
    files = [];
    urls.value = '';
    showChosen();
    await follow(job);
  });

  // a job started earlier (another tab, before a reload) is shown until it ends
  if (info.running) void follow(info.running);
  return view;
}

/**
 * The progress bar and line of a job.
 * @param {HTMLProgressElement} bar
 * @param {HTMLElement} status
 * @param {IngestJob} job
 */
function showProgress(bar, status, job) {
  const p = job.progress;
  bar.max = Math.max(1, p.inputsTotal);
  bar.value = p.inputsDone;
  const counts = `${plural(p.ingested, 'article', 'articles')} added, ${p.skipped} skipped, ${p.failed} failed`;
  status.textContent = job.state === 'running' ? `Reading ${p.inputsDone} of ${plural(p.inputsTotal, 'input', 'inputs')}: ${counts}.` : `Read ${plural(p.inputsTotal, 'input', 'inputs')}: ${counts}.`;
}

/**
 * A failure as text: its source, then its reason (without the source the reason starts with), then its code.
 * @param {JobFailure} f
 */
function failureItem(f) {
  const item = el('li', 'add-failure');
  item.dataset.code = f.code;
  const reason = f.reason.startsWith(`${f.source}: `) ? f.reason.slice(f.source.length + 2) : f.reason;
  item.append(el('strong', 'add-failure-source', f.source), ': ', el('span', 'add-failure-reason', reason), el('span', 'muted', ` (${f.code})`));
  return item;
}

/**
 * A finished job's summary: counts, the new articles linked, each failure with its reason, warnings.
 * @param {HTMLElement} section
 * @param {IngestJob} job
 */
function showResult(section, job) {
  section.hidden = false;
  const heading = el('h2', 'add-result-title');
  heading.id = 'add-result-title';
  heading.tabIndex = -1;
  const s = job.summary;
  if (job.state === 'failed' || !s) {
    heading.textContent = 'The ingest stopped';
    const box = el('p', 'notice notice-error', job.error?.message ?? 'The server gave no reason.');
    box.setAttribute('role', 'alert');
    section.replaceChildren(heading, box);
    return;
  }
  heading.textContent = s.ingested ? `Added ${plural(s.ingested, 'article', 'articles')}` : 'No article added';
  const counts = el(
    'p',
    'add-counts',
    `${plural(s.ingested, 'article', 'articles')} added, ${s.skipped.toLocaleString()} skipped as already stored, ${s.failed.length.toLocaleString()} failed (${s.seconds.toFixed(1)} s).`,
  );
  section.replaceChildren(heading, counts);
  if (s.articles.length) {
    section.append(el('h3', 'add-subtitle', 'New articles'));
    const list = el('ul', 'add-new');
    for (const a of s.articles) {
      const item = el('li');
      item.append(link(hrefOf({ name: 'article', id: a.id }), a.title?.trim() || a.source || `Article ${a.id}`));
      if (a.title?.trim() && a.source) item.append(el('span', 'muted', ` ${a.source}`));
      list.append(item);
    }
    section.append(list);
    if (s.ingested > s.articles.length) section.append(el('p', 'muted', `and ${(s.ingested - s.articles.length).toLocaleString()} more: see the list of articles.`));
  }
  if (s.failed.length) {
    section.append(el('h3', 'add-subtitle', `Failed (${s.failed.length})`));
    const list = el('ul', 'add-failures');
    list.append(...s.failed.map(failureItem));
    section.append(list);
  }
  if (s.warnings.length) {
    const details = el('details', 'add-warnings');
    details.append(el('summary', '', plural(s.warnings.length, 'warning', 'warnings')));
    const list = el('ul');
    list.append(...s.warnings.map((w) => el('li', '', w)));
    details.append(list);
    section.append(details);
  }
}
