// @ts-check
// The article view: header and facts, quality, the text with its marks, quotes, names, removals, messages.

/** A message span is quoted up to this many characters. */
import { ApiError, errorMessage, getJson } from '../api.js';
import { badge } from '../components/badges.js';
import { quoteDateElement } from '../components/corpus-items.js';
import { el, link } from '../components/dom.js';
import { eventsSection, showEvent } from '../components/event-list.js';
import { entityLink, marked, speakerName, timexTip } from '../components/marked-text.js';
import { parseView } from '../components/parse-diagram.js';
import { ENTITY_TYPE_NAMES, QUOTE_PANEL_CHARS, baseName, firstWords, flat, formatDate, isWebUrl, languageName, plural } from '../format.js';
import { hrefOf } from '../router.js';

/**
 * @typedef {import('../types.js').Article} Article
 * @typedef {import('../types.js').Block} Block
 * @typedef {import('../types.js').Entry} Entry
 * @typedef {import('../types.js').Quote} Quote
 * @typedef {import('../types.js').Span} Span
 * @typedef {import('../types.js').SentenceParse} SentenceParse
 * @typedef {import('../components/marked-text.js').MarkOptions} MarkOptions
 */

const QUOTE_MAX_CHARS = 160;
/** Live-blog headlines often open with a time of day; it is set apart visually. */
const HEADLINE_TIME = /^(\d{1,2}[:.]\d{2})(\s+(?:[A-Z]{2,4}|Uhr)\b)?\s*/;
/** A repeat of the article's title is looked for among this many opening blocks. */
const TITLE_SEARCH_BLOCKS = 3;
/** How a speaker was found, when it was not named outright, for the quotes panel. */
const SPEAKER_HOW = { named: '', role: 'described, not named', pronoun: 'from a pronoun', continued: 'continues the quote before', unknown: '' };

const state = {
  /** Whether the article view marks dates (the "Dates" toggle); kept from one article to the next. */
  showDates: true,
  /** Whether the article view marks events' triggers (the "Events" toggle). */
  showEvents: true,
};

/**
 * The article view of the main pane (pane.js): `#/article/<id>`, with event `event` chosen
 * (`?event=N`) or quote `quote` (`?quote=N`) when it is given.
 * @param {string} id
 * @param {number} [event]
 * @param {number} [quote]
 * @returns {import('../pane.js').PaneView}
 */
export function articlePane(id, event, quote) {
  return {
    path: `/api/articles/${encodeURIComponent(id)}`,
    loading: 'Loading the article…',
    failed: (error) => (error instanceof ApiError && error.status === 404 ? 'No such article.' : 'Could not load the article.'),
    render: (/** @type {Article} */ article) => {
      const view = articleView(article);
      const body = view.querySelector('.doc-body');
      // once the view is in the page, so that it can scroll to the event or quote
      if (event !== undefined) {
        const list = view.querySelector('.event-list');
        if (body instanceof HTMLElement && list instanceof HTMLElement) requestAnimationFrame(() => showEvent(body, list, event));
      } else if (quote !== undefined) {
        const list = view.querySelector('.quote-list');
        if (body instanceof HTMLElement && list instanceof HTMLElement) requestAnimationFrame(() => showQuote(body, list, quote));
      }
      return { view, title: articleTitle(article) };
    },
  };
}

/**
 * The article's title: its metadata title, else its first words.
 * @param {Article} article
 */
function articleTitle(article) {
  return article.meta.title?.trim() || firstWords(article.text, 80) || baseName(article.meta.source) || `Article ${article.id}`;
}

/**
 * The whole article view: header, quality, text, quotes, names, removals, messages.
 * @param {Article} article
 */
function articleView(article) {
  const view = el('article', 'doc');
  view.setAttribute('aria-labelledby', 'doc-title');
  view.append(articleHeader(article));
  const quality = qualitySection(article);
  if (quality) view.append(quality);
  const body = articleBody(article, { focusDates: state.showDates });
  view.append(markToggles(article, view), body);
  view.append(eventsSection(article, body), quotesSection(article, body), entitiesSection(article), removedPanel(article), messagesSection(article));
  return view;
}

/**
 * True when the text opens with this paragraph: a description completed from the first
 * paragraph is shown once, in the text.
 * @param {Article} article
 * @param {string} description
 */
function isFirstParagraph(article, description) {
  const first = article.blocks.find((b) => b.kind === 'paragraph');
  return !!first && article.text.slice(first.start, first.end).replace(/\s+/g, ' ').trim() === description.trim();
}

/** @param {Article} article */
function articleHeader(article) {
  const { meta } = article;
  const header = el('header', 'doc-header');
  if (meta.outlet) header.append(el('p', 'doc-outlet', meta.outlet));
  const title = el('h1', meta.title?.trim() ? 'doc-title' : 'doc-title untitled', articleTitle(article));
  title.id = 'doc-title';
  title.tabIndex = -1;
  header.append(title);
  if (meta.description && !isFirstParagraph(article, meta.description)) header.append(el('p', 'doc-standfirst', meta.description));

  const byline = el('p', 'doc-byline');
  if (meta.byline) byline.append(el('span', 'doc-author', meta.byline));
  if (meta.published) {
    const time = el('time', 'doc-published', formatDate(meta.published, true));
    time.dateTime = meta.published;
    byline.append(time);
  }
  if (byline.childElementCount) header.append(byline);

  const facts = el('dl', 'doc-facts');
  /** @param {string} term @param {Node | string} value */
  const fact = (term, value) => {
    const row = el('div', 'fact');
    const dd = el('dd');
    dd.append(value);
    row.append(el('dt', '', term), dd);
    facts.append(row);
  };
  if (meta.language) {
    const confidence = typeof meta.languageConfidence === 'number' ? ` (guessed, ${Math.round(meta.languageConfidence * 100)}% sure)` : '';
    fact('Language', `${languageName(meta.language)} · ${meta.language}${confidence}`);
  }
  if (meta.url) {
    if (isWebUrl(meta.url)) {
      const link = el('a', 'doc-url', meta.url);
      link.href = meta.url.trim();
      link.rel = 'noopener noreferrer';
      link.target = '_blank';
      fact('URL', link);
    } else {
      fact('URL', el('span', 'doc-url not-a-link', meta.url));
    }
  }
  if (meta.source) fact('Source', el('code', 'doc-source', meta.source));
  const corpus = article.corpus;
  if (corpus?.story) fact('Story', link(hrefOf({ name: 'story', id: corpus.story.id }), corpus.story.title ?? corpus.story.id, 'story-link'));
  if (corpus?.duplicates) {
    const others = corpus.duplicates.members.filter((m) => m.id !== article.id);
    const list = el('span', 'doc-copies');
    const original = corpus.duplicates.original === article.id;
    list.append(original ? `the original of ${plural(others.length, 'copy', 'copies')}: ` : 'a copy; also in ');
    others.forEach((m, i) => {
      if (i) list.append(', ');
      const label = `${m.outlet ?? m.title ?? m.id.slice(0, 8)}${m.id === corpus.duplicates?.original ? ' (original)' : ''} · ${Math.round(m.share * 100)}%`;
      list.append(link(hrefOf({ name: 'article', id: m.id }), label, 'copy-link'));
    });
    fact('Copies', list);
  }
  fact('Format', article.format);
  fact('ID', el('code', 'doc-id', article.id));
  header.append(facts);
  return header;
}

/**
 * Quality flags and a few figures; null when the article has no quality record.
 * @param {Article} article
 */
function qualitySection(article) {
  const quality = article.quality;
  if (!quality) return null;
  const section = el('section', 'doc-quality');
  section.setAttribute('aria-label', 'Quality');
  const figures = el('p', 'quality-figures');
  figures.append(
    `${plural(quality.words, 'word', 'words')} · ${plural(quality.chars, 'character', 'characters')}`,
    quality.removedShare > 0 ? ` · cleaning removed ${Math.round(quality.removedShare * 100)}% of the input` : '',
    // the page around an HTML article is most of what is removed; say how much of the article itself went
    quality.articleRemovedShare !== undefined && quality.articleRemovedShare !== quality.removedShare
      ? ` (${Math.round(quality.articleRemovedShare * 100)}% of the article's own text)`
      : '',
  );
  section.append(figures);
  if (quality.flags.length) {
    const flags = el('ul', 'badges quality-flags');
    flags.setAttribute('aria-label', 'Quality flags');
    for (const flag of quality.flags) {
      const item = el('li');
      item.append(badge(flag, 'badge-flag'));
      flags.append(item);
    }
    section.append(flags);
  }
  return section;
}

/**
 * The toggles above the article's text ("Dates" marks its dates or not, "Events" its events' triggers), and the descriptions
 * the date marks point to for screen readers (hidden; the tooltip is for the eye).
 * @param {Article} article
 * @param {HTMLElement} view the article view, whose class says what is marked
 */
function markToggles(article, view) {
  const bar = el('div', 'mark-toggles');
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', 'Marks in the text');
  const label = el('label', 'mark-toggle');
  const box = el('input');
  box.type = 'checkbox';
  box.id = 'toggle-dates';
  box.checked = state.showDates;
  const count = (article.timexes ?? []).length;
  label.append(box, ` Dates (${count})`);
  bar.append(label);
  const events = el('label', 'mark-toggle');
  const eventBox = el('input');
  eventBox.type = 'checkbox';
  eventBox.id = 'toggle-events';
  eventBox.checked = state.showEvents;
  events.append(eventBox, ` Events (${(article.events ?? []).length})`);
  bar.append(events);
  view.classList.toggle('hide-events', !state.showEvents);
  eventBox.addEventListener('change', () => {
    state.showEvents = eventBox.checked;
    view.classList.toggle('hide-events', !eventBox.checked);
  });
  view.classList.toggle('hide-timexes', !state.showDates);
  box.addEventListener('change', () => {
    state.showDates = box.checked;
    view.classList.toggle('hide-timexes', !box.checked);
    for (const mark of view.querySelectorAll('mark.timex')) if (mark instanceof HTMLElement) mark.tabIndex = box.checked ? 0 : -1;
  });
  const tips = el('div');
  tips.hidden = true;
  (article.timexes ?? []).forEach((timex, i) => {
    const tip = el('span', '', timexTip(timex));
    tip.id = `timex-tip-${i}`;
    tips.append(tip);
  });
  bar.append(tips);
  return bar;
}

/**
 * The article's quotes in text order, each with its speaker, the outlets it came through and
 * its kind; choosing one marks its content in the text and scrolls there.
 * @param {Article} article
 * @param {HTMLElement} body the article's text, as articleBody made it
 */
function quotesSection(article, body) {
  const quotes = article.quotes ?? [];
  const section = el('section', 'doc-quotes');
  const title = el('h2', 'section-title', `Quotes (${quotes.length})`);
  title.id = 'doc-quotes-title';
  section.setAttribute('aria-labelledby', title.id);
  section.append(title);
  if (!quotes.length) {
    section.append(el('p', 'muted', 'No quotes were found.'));
    return section;
  }
  const list = el('ol', 'quote-list');
  quotes.forEach((quote, i) => {
    const item = el('li', 'quote');
    const button = el('button', 'quote-item');
    button.type = 'button';
    button.dataset.quote = String(i);
    const head = el('span', 'quote-head');
    head.append(el('span', quote.speaker.name.trim() ? 'quote-speaker' : 'quote-speaker unknown', speakerName(quote.speaker)));
    if (quote.via.length) head.append(el('span', 'quote-via', ` · via ${quote.via.map((v) => v.name).join(' → ')}`));
    head.append(' ', badge(quote.kind, `badge-quote quote-kind-${quote.kind}`, 'How the quote is given'));
    const how = SPEAKER_HOW[quote.speaker.how];
    if (how) head.append(el('span', 'quote-how', ` (${how})`));
    if (quote.date) head.append(quoteDateElement(quote.date, quote.dateFrom ?? null));
    button.append(head, el('span', 'quote-text', firstWords(article.text.slice(quote.content.start, quote.content.end), QUOTE_PANEL_CHARS)));
    button.addEventListener('click', () => showQuote(body, list, i));
    item.append(button);
    if (quote.cue) item.append(whyButton(article, quote));
    list.append(item);
  });
  section.append(list);
  return section;
}

/**
 * "Why this speaker?": shows the parse of the sentence that reports a quote under it, with the
 * cue's verb and its subject marked, or hides it again.
 * @param {Article} article
 * @param {Quote} quote
 */
function whyButton(article, quote) {
  const wrap = el('div', 'quote-why');
  const button = el('button', 'quote-why-button', 'Why this speaker?');
  button.type = 'button';
  button.setAttribute('aria-expanded', 'false');
  const panel = el('div', 'parse-panel');
  panel.hidden = true;
  button.addEventListener('click', async () => {
    const open = button.getAttribute('aria-expanded') === 'true';
    button.setAttribute('aria-expanded', String(!open));
    panel.hidden = open;
    if (open || panel.childElementCount) return;
    panel.append(el('p', 'muted', 'Parsing the sentence…'));
    try {
      const cue = /** @type {Span} */ (quote.cue);
      const parse = /** @type {SentenceParse} */ (await getJson(`/api/articles/${encodeURIComponent(article.id)}/parse?at=${cue.start}`));
      panel.replaceChildren(...parseView(parse, cue, quote.speaker));
    } catch (error) {
      panel.replaceChildren(el('p', 'error', errorMessage(error)));
    }
  });
  wrap.append(button, panel);
  return wrap;
}

/**
 * Marks quote `i` in the text and in the panel, and scrolls its first stretch into view.
 * @param {HTMLElement} body
 * @param {HTMLElement} list
 * @param {number} i
 */
function showQuote(body, list, i) {
  for (const node of body.querySelectorAll('.quote-span.is-current')) node.classList.remove('is-current');
  for (const node of list.querySelectorAll('.quote-item[aria-current]')) node.removeAttribute('aria-current');
  const spans = [...body.querySelectorAll('.quote-span')].filter((node) => node instanceof HTMLElement && (node.dataset.quotes ?? '').split(' ').includes(String(i)));
  for (const node of spans) node.classList.add('is-current');
  list.querySelector(`.quote-item[data-quote="${i}"]`)?.setAttribute('aria-current', 'true');
  spans[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

/**
 * The entities of the article, people first, with their other names and roles.
 * @param {Article} article
 */
function entitiesSection(article) {
  const entities = article.entities ?? [];
  const section = el('section', 'doc-entities');
  section.setAttribute('aria-label', 'Entities');
  section.append(el('h2', 'section-title', `Names (${entities.length})`));
  if (!entities.length) {
    section.append(el('p', 'muted', 'No names were found.'));
    return section;
  }
  const legend = el('p', 'entity-legend');
  for (const [type, name] of Object.entries(ENTITY_TYPE_NAMES)) legend.append(el('mark', `mention mention-${type}`, name), ' ');
  section.append(legend);
  const order = ['PER', 'ORG', 'LOC', 'NORP', 'EVENT', 'MISC'];
  const sorted = [...entities].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type) || b.mentions.length - a.mentions.length);
  const list = el('ul', 'entity-list');
  for (const e of sorted) {
    const item = el('li', 'entity');
    const name = el('mark', `mention mention-${e.type}`, e.name);
    item.append(e.corpusEntity ? entityLink(e.corpusEntity, name, `${e.name}: every article, spelling and quote`) : name, el('span', 'entity-count', ` ×${e.mentions.length}`));
    if (e.aliases.length) item.append(el('span', 'entity-aliases', ` also “${e.aliases.join('”, “')}”`));
    if (e.roles.length) item.append(el('span', 'entity-roles', ` — ${e.roles.map((r) => r.text).join('; ')}`));
    list.append(item);
  }
  section.append(list);
  return section;
}

/**
 * The cleaned text, block by block, with live-blog entries grouped under their headlines.
 * Text that no block covers is still shown, as plain paragraphs.
 * @param {Article} article
 * @param {MarkOptions} options
 */
function articleBody(article, options) {
  const body = el('div', 'doc-body');
  const text = article.text;
  const blocks = [...article.blocks].sort((a, b) => a.start - b.start);
  // the header already shows the title; the same line again at the top of the text is left out,
  // and so is an entry that would only exist because that line opened it
  const headerTitle = flat(articleTitle(article));
  const repeatedTitle = blocks
    .slice(0, TITLE_SEARCH_BLOCKS)
    .find((b) => (b.kind === 'title' || b.kind === 'heading') && flat(text.slice(b.start, b.end)) === headerTitle);
  const entries = article.entries.filter((e) => !(repeatedTitle && e.headline?.start === repeatedTitle.start)).sort((a, b) => a.start - b.start);
  if (entries.length) body.classList.add('is-live-blog');

  /** @type {HTMLElement} */
  let target = body;
  /** @type {Entry | null} */
  let openEntry = null;
  let entryIndex = 0;
  /** @type {HTMLUListElement | null} */
  let list = null;
  // headings step down one level at a time from the article's h1, as a reader's outline does:
  // a text may go from its title straight to a third-level heading
  let depth = 1;
  /** @param {number | undefined} level */
  const nextHeading = (level) => {
    const tag = headingTag(Math.min(level ?? 2, depth));
    depth = Number(tag.slice(1));
    return tag;
  };

  /** @param {number} start @param {number} end */
  const gap = (start, end) => {
    for (const part of text.slice(start, end).split(/\n\s*\n/)) {
      if (part.trim()) target.append(el('p', 'uncovered', part.trim()));
    }
  };

  let cursor = 0;
  for (const block of blocks) {
    if (block.start > cursor) {
      if (openEntry && cursor >= openEntry.end) {
        openEntry = null;
        target = body;
        list = null;
      }
      gap(cursor, block.start);
    }
    while (entryIndex < entries.length && entries[entryIndex].end <= block.start) entryIndex++;
    const entry = entries[entryIndex];
    const inEntry = !!entry && entry.start <= block.start && block.end <= entry.end;
    if (inEntry && entry !== openEntry) {
      openEntry = entry;
      target = el('section', 'entry');
      target.dataset.start = String(entry.start);
      body.append(target);
      list = null;
    } else if (!inEntry && openEntry) {
      openEntry = null;
      target = body;
      list = null;
    }
    cursor = Math.max(cursor, block.end);

    const content = text.slice(block.start, block.end);
    const isHeadline = inEntry && !!entry.headline && entry.headline.start === block.start && entry.headline.end === block.end;
    if (block.kind !== 'list-item') list = null;

    if (block === repeatedTitle) {
      continue;
    } else if (isHeadline) {
      target.append(headlineElement(content, nextHeading(block.level)));
    } else if (block.kind === 'title') {
      target.append(marked(nextHeading(1), 'block-title', article, block, options));
    } else if (block.kind === 'heading') {
      target.append(marked(nextHeading(block.level), 'block-heading', article, block, options));
    } else if (block.kind === 'list-item') {
      if (!list) {
        list = el('ul', 'block-list');
        target.append(list);
      }
      list.append(marked('li', '', article, block, options));
    } else if (block.kind === 'quote') {
      const quote = el('blockquote', 'block-quote');
      quote.append(marked('p', '', article, block, options));
      target.append(quote);
    } else if (block.kind === 'preformatted') {
      target.append(el('pre', 'block-pre', content));
    } else {
      target.append(marked('p', 'block-paragraph', article, block, options));
    }
  }
  target = body;
  if (cursor < text.length) gap(cursor, text.length);
  if (!body.childElementCount) body.append(el('p', 'muted', 'Cleaning left no text.'));
  return body;
}

/**
 * A heading element one level below the article's own h1.
 * @param {number | undefined} level
 * @returns {'h2' | 'h3' | 'h4' | 'h5' | 'h6'}
 */
function headingTag(level) {
  const n = Math.min(6, Math.max(2, (level ?? 2) + 1));
  return /** @type {'h2' | 'h3' | 'h4' | 'h5' | 'h6'} */ (`h${n}`);
}

/**
 * A live-blog entry headline, with a leading time of day set apart.
 * @param {string} content
 * @param {'h2' | 'h3' | 'h4' | 'h5' | 'h6'} tag
 */
function headlineElement(content, tag) {
  const heading = el(tag, 'entry-headline');
  const time = HEADLINE_TIME.exec(content);
  if (time && time[0].length < content.length) {
    heading.append(el('span', 'entry-time', time[0].trim()), document.createTextNode(` ${content.slice(time[0].length)}`));
  } else {
    heading.textContent = content;
  }
  return heading;
}

/**
 * What cleaning took out, each with its reason, detail and text, in a closed <details>.
 * @param {Article} article
 */
function removedPanel(article) {
  const details = el('details', 'doc-removed');
  const summary = el('summary');
  summary.append(el('span', 'section-title', 'Removed by cleaning'), el('span', 'count', String(article.removed.length)));
  details.append(summary);
  if (!article.removed.length) {
    details.append(el('p', 'muted', 'Cleaning removed nothing from this article.'));
    return details;
  }
  /** @type {Map<string, number>} */
  const byReason = new Map();
  for (const removal of article.removed) byReason.set(removal.reason, (byReason.get(removal.reason) ?? 0) + 1);
  const reasons = el('p', 'removed-reasons');
  reasons.append([...byReason].map(([reason, n]) => `${reason} × ${n}`).join(' · '));
  summary.append(reasons);

  const list = el('ol', 'removals');
  for (const removal of article.removed) {
    const item = el('li', 'removal');
    const head = el('p', 'removal-head');
    head.append(el('code', 'removal-reason', removal.reason));
    if (removal.detail) head.append(el('span', 'removal-detail', removal.detail));
    head.append(el('span', 'removal-where', `raw ${removal.raw.start}–${removal.raw.end}`));
    item.append(head, el('div', 'removal-text', removal.text));
    list.append(item);
  }
  details.append(list);
  return details;
}

/**
 * What the pipeline noticed, with the text each message points at.
 * @param {Article} article
 */
function messagesSection(article) {
  const section = el('section', 'doc-messages');
  const title = el('h2', 'section-title', 'Messages');
  title.id = 'doc-messages-title';
  section.setAttribute('aria-labelledby', title.id);
  section.append(title);
  if (!article.messages.length) {
    section.append(el('p', 'muted', 'No messages.'));
    return section;
  }
  const list = el('ul', 'messages');
  for (const message of article.messages) {
    const item = el('li', `message severity-${message.severity}`);
    item.append(el('span', `badge badge-${message.severity}`, message.severity), el('code', 'message-origin', message.origin), el('span', 'message-text', message.text));
    if (message.span) {
      const quoted = firstWords(article.text.slice(message.span.start, message.span.end), QUOTE_MAX_CHARS);
      const where = el('span', 'message-span');
      if (quoted) where.append(el('q', '', quoted), ' ');
      where.append(`(characters ${message.span.start}–${message.span.end})`);
      item.append(where);
    }
    list.append(item);
  }
  section.append(list);
  return section;
}
