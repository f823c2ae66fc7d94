// @ts-check
// The article view: header and facts, quality, the text with its marks, quotes, names, removals, messages.
//
// The text is drawn once for an article (ArticleText). Choosing a quote or an event marks its
// pieces on the text's elements directly (showQuote, showEvent), and the Dates toggle sets
// whether the date marks take the focus on them too: each touches those elements alone, where
// drawing a long article again would redo every mark in it (seconds for a few hundred KB).

import { Component, h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, errorMessage, getJson } from '../api.js';
import { Badge } from '../components/badges.js';
import { QuoteDate } from '../components/corpus-items.js';
import { EventsSection, showEvent } from '../components/event-list.js';
import { EntityLink, Marked, speakerName, timexTip } from '../components/marked-text.js';
import { ParseView } from '../components/parse-diagram.js';
import { ENTITY_TYPE_NAMES, QUOTE_PANEL_CHARS, baseName, firstWords, flat, formatDate, isWebUrl, languageName, plural } from '../format.js';
import { html } from '../html.js';
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

/** A message span is quoted up to this many characters. */
const QUOTE_MAX_CHARS = 160;
/** Live-blog headlines often open with a time of day; it is set apart visually. */
const HEADLINE_TIME = /^(\d{1,2}[:.]\d{2})(\s+(?:[A-Z]{2,4}|Uhr)\b)?\s*/;
/** A repeat of the article's title is looked for among this many opening blocks. */
const TITLE_SEARCH_BLOCKS = 3;
/** How a speaker was found, when it was not named outright, for the quotes panel. */
const SPEAKER_HOW = { named: '', role: 'described, not named', pronoun: 'from a pronoun', continued: 'continues the quote before', unknown: '' };

/** The toggles' choices, kept from one article to the next. */
const toggles = {
  /** Whether the article view marks dates (the "Dates" toggle). */
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
    render: (/** @type {Article} */ article) => ({ view: html`<${ArticleView} article=${article} event=${event} quote=${quote} />`, title: articleTitle(article) }),
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
 * The whole article view: header, quality, the marks' toggles, text, events, quotes, names,
 * removals, messages; with event `event` or quote `quote` chosen once it is shown.
 * @param {{ article: Article, event?: number, quote?: number }} props
 */
function ArticleView({ article, event, quote }) {
  const [showDates, setShowDates] = useState(toggles.showDates);
  const [showEvents, setShowEvents] = useState(toggles.showEvents);
  const view = useRef(/** @type {HTMLElement | null} */ (null));
  const body = useRef(/** @type {HTMLElement | null} */ (null));

  useEffect(() => {
    // once the view is in the page, so that it can scroll to the event or quote
    const frame = requestAnimationFrame(() => {
      const list = view.current?.querySelector(event !== undefined ? '.event-list' : '.quote-list');
      if (!(body.current && list instanceof HTMLElement)) return;
      if (event !== undefined) showEvent(body.current, list, event);
      else if (quote !== undefined) showQuote(body.current, list, quote);
    });
    return () => cancelAnimationFrame(frame);
  }, []);

  const onDates = (/** @type {Event} */ e) => {
    toggles.showDates = /** @type {HTMLInputElement} */ (e.currentTarget).checked;
    setShowDates(toggles.showDates);
    // the date marks take the keyboard's focus while they are shown (the text is not drawn again for it)
    for (const mark of body.current?.querySelectorAll('mark.timex') ?? []) if (mark instanceof HTMLElement) mark.tabIndex = toggles.showDates ? 0 : -1;
  };
  const onEvents = (/** @type {Event} */ e) => {
    toggles.showEvents = /** @type {HTMLInputElement} */ (e.currentTarget).checked;
    setShowEvents(toggles.showEvents);
  };
  const timexes = article.timexes ?? [];
  return html`
    <article class=${`doc${showEvents ? '' : ' hide-events'}${showDates ? '' : ' hide-timexes'}`} aria-labelledby="doc-title" ref=${view}>
      <${ArticleHeader} article=${article} />
      ${article.quality ? html`<${QualitySection} quality=${article.quality} />` : null}
      <div class="mark-toggles" role="group" aria-label="Marks in the text">
        <label class="mark-toggle"><input type="checkbox" id="toggle-dates" checked=${showDates} onChange=${onDates} />${` Dates (${timexes.length})`}</label>
        <label class="mark-toggle"><input type="checkbox" id="toggle-events" checked=${showEvents} onChange=${onEvents} />${` Events (${(article.events ?? []).length})`}</label>
        <div hidden>${timexes.map((timex, i) => html`<span id=${`timex-tip-${i}`}>${timexTip(timex)}</span>`)}</div>
      </div>
      <${ArticleText} article=${article} focusDates=${showDates} bodyRef=${body} />
      <${EventsSection} article=${article} body=${body} />
      <${QuotesSection} article=${article} body=${body} />
      <${EntitiesSection} article=${article} />
      <${RemovedPanel} article=${article} />
      <${MessagesSection} article=${article} />
    </article>
  `;
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


/**
 * The article's header: outlet, title, standfirst, byline and date, and its facts (language,
 * address, source, story, copies, format, id).
 * @param {{ article: Article }} props
 */
function ArticleHeader({ article }) {
  const { meta } = article;
  const corpus = article.corpus;
  const confidence = typeof meta.languageConfidence === 'number' ? ` (guessed, ${Math.round(meta.languageConfidence * 100)}% sure)` : '';
  const others = corpus?.duplicates ? corpus.duplicates.members.filter((m) => m.id !== article.id) : [];
  /** @type {Array<[string, any]>} */
  const facts = [];
  if (meta.language) facts.push(['Language', `${languageName(meta.language)} · ${meta.language}${confidence}`]);
  if (meta.url) {
    facts.push([
      'URL',
      isWebUrl(meta.url)
        ? html`<a class="doc-url" href=${meta.url.trim()} rel="noopener noreferrer" target="_blank">${meta.url}</a>`
        : html`<span class="doc-url not-a-link">${meta.url}</span>`,
    ]);
  }
  if (meta.source) facts.push(['Source', html`<code class="doc-source">${meta.source}</code>`]);
  if (corpus?.story) facts.push(['Story', html`<a class="story-link" href=${hrefOf({ name: 'story', id: corpus.story.id })}>${corpus.story.title ?? corpus.story.id}</a>`]);
  if (corpus?.duplicates) {
    const d = corpus.duplicates;
    facts.push([
      'Copies',
      html`<span class="doc-copies"
        >${d.original === article.id ? `the original of ${plural(others.length, 'copy', 'copies')}: ` : 'a copy; also in '}${others.map(
          (m, i) =>
            html`${i ? ', ' : ''}<a class="copy-link" href=${hrefOf({ name: 'article', id: m.id })}
              >${`${m.outlet ?? m.title ?? m.id.slice(0, 8)}${m.id === d.original ? ' (original)' : ''} · ${Math.round(m.share * 100)}%`}</a
            >`,
        )}</span
      >`,
    ]);
  }
  facts.push(['Format', article.format]);
  facts.push(['ID', html`<code class="doc-id">${article.id}</code>`]);
  return html`
    <header class="doc-header">
      ${meta.outlet ? html`<p class="doc-outlet">${meta.outlet}</p>` : null}
      <h1 class=${meta.title?.trim() ? 'doc-title' : 'doc-title untitled'} id="doc-title" tabindex="-1">${articleTitle(article)}</h1>
      ${meta.description && !isFirstParagraph(article, meta.description) ? html`<p class="doc-standfirst">${meta.description}</p>` : null}
      ${meta.byline || meta.published
        ? html`<p class="doc-byline"
            >${meta.byline ? html`<span class="doc-author">${meta.byline}</span>` : null}${meta.published
              ? html`<time class="doc-published" datetime=${meta.published}>${formatDate(meta.published, true)}</time>`
              : null}</p
          >`
        : null}
      <dl class="doc-facts">
        ${facts.map(([term, value]) => html`<div class="fact"><dt>${term}</dt><dd>${value}</dd></div>`)}
      </dl>
    </header>
  `;
}

/**
 * Quality flags and a few figures.
 * @param {{ quality: NonNullable<Article['quality']> }} props
 */
function QualitySection({ quality }) {
  return html`
    <section class="doc-quality" aria-label="Quality">
      <p class="quality-figures"
        >${`${plural(quality.words, 'word', 'words')} · ${plural(quality.chars, 'character', 'characters')}`}${quality.removedShare > 0
          ? ` · cleaning removed ${Math.round(quality.removedShare * 100)}% of the input`
          : ''}${
          // the page around an HTML article is most of what is removed; say how much of the article itself went
          quality.articleRemovedShare !== undefined && quality.articleRemovedShare !== quality.removedShare ? ` (${Math.round(quality.articleRemovedShare * 100)}% of the article's own text)` : ''
        }</p
      >
      ${quality.flags.length
        ? html`<ul class="badges quality-flags" aria-label="Quality flags">
            ${quality.flags.map((flag) => html`<li><${Badge} text=${flag} kind="badge-flag" /></li>`)}
          </ul>`
        : null}
    </section>
  `;
}

/**
 * The article's quotes in text order, each with its speaker, the outlets it came through and
 * its kind; choosing one marks its content in the text and scrolls there.
 * @param {{ article: Article, body: { current: HTMLElement | null } }} props body: the article's text
 */
function QuotesSection({ article, body }) {
  const list = useRef(/** @type {HTMLOListElement | null} */ (null));
  const quotes = article.quotes ?? [];
  /** @param {number} i */
  const choose = (i) => {
    if (body.current && list.current) showQuote(body.current, list.current, i);
  };
  return html`
    <section class="doc-quotes" aria-labelledby="doc-quotes-title">
      <h2 class="section-title" id="doc-quotes-title">Quotes (${quotes.length})</h2>
      ${!quotes.length
        ? html`<p class="muted">No quotes were found.</p>`
        : html`<ol class="quote-list" ref=${list}>
            ${quotes.map((quote, i) => {
              const how = SPEAKER_HOW[quote.speaker.how];
              return html`
                <li class="quote">
                  <button type="button" class="quote-item" data-quote=${String(i)} onClick=${() => choose(i)}
                    ><span class="quote-head"
                      ><span class=${quote.speaker.name.trim() ? 'quote-speaker' : 'quote-speaker unknown'}>${speakerName(quote.speaker)}</span>${quote.via.length
                        ? html`<span class="quote-via"> · via ${quote.via.map((v) => v.name).join(' → ')}</span>`
                        : null}${' '}<${Badge} text=${quote.kind} kind=${`badge-quote quote-kind-${quote.kind}`} title="How the quote is given" />${how
                        ? html`<span class="quote-how"> (${how})</span>`
                        : null}${quote.date ? html`<${QuoteDate} date=${quote.date} from=${quote.dateFrom ?? null} />` : null}</span
                    ><span class="quote-text">${firstWords(article.text.slice(quote.content.start, quote.content.end), QUOTE_PANEL_CHARS)}</span></button
                  >${quote.cue ? html`<${WhyThisSpeaker} article=${article} quote=${quote} />` : null}
                </li>
              `;
            })}
          </ol>`}
    </section>
  `;
}

/**
 * "Why this speaker?": shows the parse of the sentence that reports a quote under it, with the
 * cue's verb and its subject marked, or hides it again. The parse is asked for once, when first shown.
 * @param {{ article: Article, quote: Quote }} props
 */
function WhyThisSpeaker({ article, quote }) {
  const [open, setOpen] = useState(false);
  const [parse, setParse] = useState(/** @type {SentenceParse | null} */ (null));
  const [error, setError] = useState(/** @type {unknown} */ (null));
  const asked = useRef(false);
  const onClick = async () => {
    setOpen(!open);
    if (open || asked.current) return;
    asked.current = true;
    try {
      const cue = /** @type {Span} */ (quote.cue);
      setParse(/** @type {SentenceParse} */ (await getJson(`/api/articles/${encodeURIComponent(article.id)}/parse?at=${cue.start}`)));
    } catch (e) {
      setError(e);
    }
  };
  return html`
    <div class="quote-why">
      <button type="button" class="quote-why-button" aria-expanded=${String(open)} onClick=${onClick}>Why this speaker?</button>
      <div class="parse-panel" hidden=${!open}>
        ${error
          ? html`<p class="error">${errorMessage(error)}</p>`
          : parse
            ? html`<${ParseView} parse=${parse} cue=${/** @type {Span} */ (quote.cue)} speaker=${quote.speaker} />`
            : asked.current
              ? html`<p class="muted">Parsing the sentence…</p>`
              : null}
      </div>
    </div>
  `;
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
 * @param {{ article: Article }} props
 */
function EntitiesSection({ article }) {
  const entities = article.entities ?? [];
  const order = ['PER', 'ORG', 'LOC', 'NORP', 'EVENT', 'MISC'];
  const sorted = [...entities].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type) || b.mentions.length - a.mentions.length);
  return html`
    <section class="doc-entities" aria-label="Entities">
      <h2 class="section-title">Names (${entities.length})</h2>
      ${!entities.length
        ? html`<p class="muted">No names were found.</p>`
        : html`
            <p class="entity-legend">${Object.entries(ENTITY_TYPE_NAMES).map(([type, name]) => html`<mark class=${`mention mention-${type}`}>${name}</mark>${' '}`)}</p>
            <ul class="entity-list">
              ${sorted.map((e) => {
                const name = html`<mark class=${`mention mention-${e.type}`}>${e.name}</mark>`;
                return html`<li class="entity"
                  >${e.corpusEntity ? html`<${EntityLink} id=${e.corpusEntity} title=${`${e.name}: every article, spelling and quote`}>${name}<//>` : name}<span class="entity-count"
                    > ×${e.mentions.length}</span
                  >${e.aliases.length ? html`<span class="entity-aliases"> also “${e.aliases.join('”, “')}”</span>` : null}${e.roles.length
                    ? html`<span class="entity-roles"> — ${e.roles.map((r) => r.text).join('; ')}</span>`
                    : null}</li
                >`;
              })}
            </ul>
          `}
    </section>
  `;
}

/**
 * The article's text (`div.doc-body`), drawn again only for another article: a class component,
 * so that the view's state (the toggles, a quote chosen) does not draw the whole text again.
 * `focusDates` is whether the date marks take the focus when it is drawn; the view changes it
 * on the marks afterwards.
 * @extends {Component<{ article: Article, focusDates: boolean, bodyRef: import('preact').Ref<HTMLElement> }>}
 */
class ArticleText extends Component {
  /** @param {{ article: Article }} next */
  shouldComponentUpdate(next) {
    return next.article !== this.props.article;
  }

  render() {
    const { article, focusDates, bodyRef } = this.props;
    const { children, liveBlog } = articleBody(article, { focusDates });
    return html`<div class=${liveBlog ? 'doc-body is-live-blog' : 'doc-body'} ref=${bodyRef}>${children}</div>`;
  }
}

/**
 * An element still being filled while the text is walked (a live-blog entry, a list), made a
 * Preact element at the end.
 * @typedef {{ tag: string, props: Record<string, unknown>, children: any[] }} Open
 */

/**
 * The cleaned text, block by block, with live-blog entries grouped under their headlines.
 * Text that no block covers is still shown, as plain paragraphs.
 * @param {Article} article
 * @param {MarkOptions} options
 * @returns {{ children: any[], liveBlog: boolean }}
 */
function articleBody(article, options) {
  const text = article.text;
  const blocks = [...article.blocks].sort((a, b) => a.start - b.start);
  // the header already shows the title; the same line again at the top of the text is left out,
  // and so is an entry that would only exist because that line opened it
  const headerTitle = flat(articleTitle(article));
  const repeatedTitle = blocks
    .slice(0, TITLE_SEARCH_BLOCKS)
    .find((b) => (b.kind === 'title' || b.kind === 'heading') && flat(text.slice(b.start, b.end)) === headerTitle);
  const entries = article.entries.filter((e) => !(repeatedTitle && e.headline?.start === repeatedTitle.start)).sort((a, b) => a.start - b.start);

  /** @type {any[]} */
  const body = [];
  /** What blocks go into: the body, or the open entry's children. @type {any[]} */
  let target = body;
  /** @type {Entry | null} */
  let openEntry = null;
  let entryIndex = 0;
  /** @type {Open | null} */
  let list = null;
  /** Every element opened, made Preact elements at the end. @type {Set<Open>} */
  const opened = new Set();
  /** @param {any[]} parent @param {string} tag @param {Record<string, unknown>} props */
  const open = (parent, tag, props) => {
    /** @type {Open} */
    const node = { tag, props, children: [] };
    opened.add(node);
    parent.push(node);
    return node;
  };
  // headings step down one level at a time from the article's h1, as a reader's outline does:
  // a text may go from its title straight to a third-level heading
  let depth = 1;
  /** @param {number | undefined} level */
  const nextHeading = (level) => {
    const tag = headingTag(Math.min(level ?? 2, depth));
    depth = Number(tag.slice(1));
    return tag;
  };
  /** @param {string} tag @param {string} className @param {Span} span */
  const mark = (tag, className, span) => html`<${Marked} tag=${tag} className=${className} article=${article} span=${span} options=${options} />`;

  /** @param {number} start @param {number} end */
  const gap = (start, end) => {
    for (const part of text.slice(start, end).split(/\n\s*\n/)) {
      if (part.trim()) target.push(html`<p class="uncovered">${part.trim()}</p>`);
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
      target = open(body, 'section', { class: 'entry', 'data-start': String(entry.start) }).children;
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
      target.push(html`<${Headline} content=${content} tag=${nextHeading(block.level)} />`);
    } else if (block.kind === 'title') {
      target.push(mark(nextHeading(1), 'block-title', block));
    } else if (block.kind === 'heading') {
      target.push(mark(nextHeading(block.level), 'block-heading', block));
    } else if (block.kind === 'list-item') {
      list ??= open(target, 'ul', { class: 'block-list' });
      list.children.push(mark('li', '', block));
    } else if (block.kind === 'quote') {
      target.push(html`<blockquote class="block-quote">${mark('p', '', block)}</blockquote>`);
    } else if (block.kind === 'preformatted') {
      target.push(html`<pre class="block-pre">${content}</pre>`);
    } else {
      target.push(mark('p', 'block-paragraph', block));
    }
  }
  target = body;
  if (cursor < text.length) gap(cursor, text.length);
  /** @param {any} node */
  const made = (node) => (opened.has(node) ? h(node.tag, node.props, node.children.map(made)) : node);
  const children = body.map(made);
  if (!children.length) children.push(html`<p class="muted">Cleaning left no text.</p>`);
  return { children, liveBlog: entries.length > 0 };
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
 * @param {{ content: string, tag: 'h2' | 'h3' | 'h4' | 'h5' | 'h6' }} props
 */
function Headline({ content, tag }) {
  const time = HEADLINE_TIME.exec(content);
  return time && time[0].length < content.length
    ? html`<${tag} class="entry-headline"><span class="entry-time">${time[0].trim()}</span>${` ${content.slice(time[0].length)}`}<//>`
    : html`<${tag} class="entry-headline">${content}<//>`;
}

/**
 * What cleaning took out, each with its reason, detail and text, in a closed <details>.
 * @param {{ article: Article }} props
 */
function RemovedPanel({ article }) {
  /** @type {Map<string, number>} */
  const byReason = new Map();
  for (const removal of article.removed) byReason.set(removal.reason, (byReason.get(removal.reason) ?? 0) + 1);
  return html`
    <details class="doc-removed">
      <summary
        ><span class="section-title">Removed by cleaning</span><span class="count">${String(article.removed.length)}</span>${article.removed.length
          ? html`<p class="removed-reasons">${[...byReason].map(([reason, n]) => `${reason} × ${n}`).join(' · ')}</p>`
          : null}</summary
      >
      ${!article.removed.length
        ? html`<p class="muted">Cleaning removed nothing from this article.</p>`
        : html`<ol class="removals">
            ${article.removed.map(
              (removal) => html`
                <li class="removal">
                  <p class="removal-head"
                    ><code class="removal-reason">${removal.reason}</code>${removal.detail ? html`<span class="removal-detail">${removal.detail}</span>` : null}<span class="removal-where"
                      >raw ${removal.raw.start}–${removal.raw.end}</span
                    ></p
                  >
                  <div class="removal-text">${removal.text}</div>
                </li>
              `,
            )}
          </ol>`}
    </details>
  `;
}

/**
 * What the pipeline noticed, with the text each message points at.
 * @param {{ article: Article }} props
 */
function MessagesSection({ article }) {
  return html`
    <section class="doc-messages" aria-labelledby="doc-messages-title">
      <h2 class="section-title" id="doc-messages-title">Messages</h2>
      ${!article.messages.length
        ? html`<p class="muted">No messages.</p>`
        : html`<ul class="messages">
            ${article.messages.map((message) => {
              const quoted = message.span ? firstWords(article.text.slice(message.span.start, message.span.end), QUOTE_MAX_CHARS) : '';
              return html`<li class=${`message severity-${message.severity}`}
                ><span class=${`badge badge-${message.severity}`}>${message.severity}</span><code class="message-origin">${message.origin}</code><span class="message-text">${message.text}</span>${message.span
                  ? html`<span class="message-span">${quoted ? html`<q>${quoted}</q> ` : null}(characters ${message.span.start}–${message.span.end})</span>`
                  : null}</li
              >`;
            })}
          </ul>`}
    </section>
  `;
}
