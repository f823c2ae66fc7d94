import { Option, type Command } from 'commander';
import { connect, corpusTotals, rebuildConnections } from '../connect/connect.ts';
import { eventsCsvLines } from '../export/events-csv.ts';
import { EVENT_TYPES } from '../events/plover.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { ENTITY_TYPES, resolveArticleId, type EventFilter, type Store } from '../store/store.ts';
import { isIsoDay } from '../store/date-range.ts';
import { CORPUS_EVENT_SORT_KEYS, EVENT_SORT_KEYS, sortChoices, type CorpusEventSort, type EventSort } from '../store/list-sort.ts';
import { dateRangeOf, dateRangeOptions, dbOption, exportWindow, limitOption, offsetOption, positiveInt, UsageError, withStore, writeLines } from './options.ts';
import { corpusEntityLine, corpusEventLine, duplicateGroupLines, showCorpusEvent, showEntity, showStory, statementBlock, storyLine } from './render-corpus.ts';
import { connectReport, countLine, entityLine, eventLine } from './render.ts';

/** How many of an entity's events `dossier entity` prints. */
const ENTITY_EVENTS = 20;

const print = (text: string) => void process.stdout.write(`${text}\n`);
const json = (value: unknown) => print(JSON.stringify(value, null, 2));

/**
 * The commands over corpus work: `connect`, `stories`, `story`, `entities`, `entity`,
 * `duplicates`, `statements`, `events`. Thin: each reads the store's corpus and prints.
 */
export function addCorpusCommands(cli: Command): void {
  const events = cli
    .command('events')
    .description('events across the corpus: who did what to whom, where and when (PLOVER type, CAMEO code), the latest dated first')
    .addOption(dbOption())
    .addOption(new Option('--type <type>', 'only this PLOVER type').choices(EVENT_TYPES))
    .option('--actor <name>', 'only events with a source or target whose words or name contain this (any case)')
    .option('--entity <id>', 'only events with a source or target joined to this corpus entity (see "dossier entities")')
    .option('--country <code>', 'only events with a source or target of this country (ISO 3166 alpha-3: RUS, USA, UKR)')
    .option('--doc <id>', 'only the events of one article (a unique id prefix is enough)');
  for (const option of dateRangeOptions({ items: 'events', dated: 'dated' })) events.addOption(option);
  events
    .addOption(limitOption('how many', 50))
    .addOption(offsetOption())
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV, one row per event (date, actors and codes, type, CAMEO code, place, article, sentence, corpus event): every matching event unless --limit is given')
    .option('--fold', 'one line per real-world event, its reports across articles folded into it (see "dossier event ID")')
    .addOption(new Option('--min-reports <n>', 'with --fold: only events told by at least this many reports').argParser(positiveInt('--min-reports')))
    .addOption(
      new Option('--sort <key>', `the order of the whole list: ${EVENT_SORT_KEYS.join(', ')} (with --fold ${CORPUS_EVENT_SORT_KEYS.join(', ')}), a leading "-" for descending; -date, the latest first, unless given`).choices(
        sortChoices(EVENT_SORT_KEYS),
      ),
    )
    .addHelpText('after', '\nAn event\'s date is a date its sentence names, else its article\'s date, marked "(the article\'s date)" (with --fold, "*").\nAn event that other articles report too shows "[N reports: ID]".')
    .action(async (flags: { db: string; type?: EventFilter['type']; actor?: string; entity?: string; country?: string; doc?: string; from?: string; to?: string; limit: number; offset: number; json?: boolean; csv?: boolean; fold?: boolean; minReports?: number; sort?: EventSort }) => {
      if (flags.json && flags.csv) throw new UsageError('choose one of --json and --csv');
      if (flags.fold && flags.csv) throw new UsageError('--csv writes one row per report; leave out --fold (each row names its corpus event)');
      if (flags.minReports !== undefined && !flags.fold) throw new UsageError('--min-reports goes with --fold');
      if (flags.country !== undefined && !/^[A-Za-z]{3}$/.test(flags.country.trim())) throw new UsageError(`--country takes a three-letter ISO 3166 code such as RUS, got ${JSON.stringify(flags.country)}`);
      const { sort } = flags;
      if (flags.fold && sort && !(CORPUS_EVENT_SORT_KEYS as readonly string[]).includes(sort.replace(/^-/, ''))) throw new UsageError(`--sort ${sort} goes without --fold; with it, sort by ${CORPUS_EVENT_SORT_KEYS.join(', ')}`);
      const filter: Omit<EventFilter, 'sort'> = { type: flags.type, actor: flags.actor, entity: flags.entity, country: flags.country, doc: flags.doc, ...dateRangeOf(flags) };
      const store = openSqliteStore(flags.db, { readonly: true });
      try {
        if (flags.csv) {
          await writeLines(eventsCsvLines(store, { ...filter, sort, ...exportWindow(events, flags) }));
          return;
        }
        if (flags.fold) {
          const folded = store.corpusEvents({ ...filter, minReports: flags.minReports, sort: sort as CorpusEventSort | undefined, limit: flags.limit, offset: flags.offset });
          if (flags.json) return json(folded);
          for (const e of folded.events) print(corpusEventLine(e));
          print(countLine(folded.events.length, folded.total, 'events', 'No events match.'));
          return;
        }
        const page = store.events({ ...filter, sort, limit: flags.limit, offset: flags.offset });
        if (flags.json) return json(page);
        for (const e of page.events) print(eventLine(e, !flags.doc));
        const filtered = flags.type || flags.actor || flags.entity || flags.country || flags.doc || flags.from || flags.to;
        print(countLine(page.events.length, page.total, 'events', filtered ? 'No events match.' : 'No events stored.'));
      } finally {
        store.close();
      }
    });

  cli
    .command('event')
    .description('one real-world event: every report of it across articles, where they disagree (date, place), and why they were joined')
    .argument('<id>', 'corpus event id (from "dossier events --fold" or the [N reports: ID] of an event line)')
    .addOption(dbOption())
    .addOption(limitOption('how many reports', 50))
    .addOption(offsetOption())
    .option('--json', 'print JSON')
    .action((id: string, flags: { db: string; limit: number; offset: number; json?: boolean }) =>
      withStore(flags.db, { readonly: true }, (store) => {
        const event = store.corpusEvent(id, { limit: flags.limit, offset: flags.offset });
        if (!event) throw new UsageError(`no corpus event with id "${id}" (see "dossier events --fold")`);
        if (flags.json) return json(event);
        print(showCorpusEvent(event));
      }),
    );

  cli
    .command('connect')
    .description('connect the articles stored or deleted since the last run into the corpus (ingest does this after each batch); --rebuild redoes it all')
    .addOption(dbOption())
    .option('--rebuild', 'forget every duplicate group, story, corpus entity and statement and connect every article again, in ingest order')
    .option('--json', 'print the summary as JSON')
    .action((flags: { db: string; rebuild?: boolean; json?: boolean }) =>
      withStore(flags.db, { create: false }, (store) => {
        const summary = flags.rebuild ? rebuildConnections(store) : connect(store);
        if (flags.json) return json(summary);
        print(connectReport(summary, corpusTotals(store)));
      }),
    );

  cli
    .command('stories')
    .description('stories: articles about one developing event, most recent first')
    .addOption(dbOption())
    .addOption(limitOption('how many', 50))
    .addOption(offsetOption())
    .option('--json', 'print JSON')
    .action((flags: { db: string; limit: number; offset: number; json?: boolean }) =>
      withStore(flags.db, { readonly: true }, (store) => {
        const page = store.corpus.listStories({ limit: flags.limit, offset: flags.offset });
        if (flags.json) return json(page);
        for (const s of page.stories) print(storyLine(s));
        print(countLine(page.stories.length, page.total, 'stories', 'No stories yet: ingest some articles.'));
      }),
    );

  cli
    .command('story')
    .description('one story: dates, outlets, names, its timeline of events, its articles with copies folded, statements, related stories')
    .argument('<id>', 'story id (a unique prefix is enough)')
    .addOption(dbOption())
    .addOption(limitOption('how many articles', 50))
    .addOption(offsetOption())
    .addOption(
      new Option('--since <day>', 'what changed since this day (YYYY-MM-DD): only the articles published and the events dated on it or after').argParser((value: string) => {
        if (!isIsoDay(value)) throw new UsageError(`--since must be a day written YYYY-MM-DD, got ${JSON.stringify(value)}`);
        return value;
      }),
    )
    .option('--json', 'print JSON')
    .action((id: string, flags: { db: string; limit: number; offset: number; since?: string; json?: boolean }) =>
      withStore(flags.db, { readonly: true }, (store) => {
        const story = store.corpus.storyDetail(id, { limit: flags.limit, offset: flags.offset, ...(flags.since ? { since: flags.since } : {}) });
        if (!story) throw new UsageError(`no story with id "${id}" (see "dossier stories")`);
        if (flags.json) return json(story);
        print(showStory(story));
      }),
    );

  cli
    .command('entities')
    .description('people, organisations and places across the corpus, one entity behind its many spellings (most mentioned first); --doc lists one article\'s')
    .addOption(dbOption())
    .addOption(new Option('--type <type>', 'only this entity type').choices(ENTITY_TYPES))
    .option('--name <text>', 'only names containing this (any case)')
    .option('--all', 'keep one-word names the corpus writes like ordinary words')
    .option('--doc <id>', 'the entities of one article (a unique id prefix is enough)')
    .addOption(limitOption('how many', 50))
    .addOption(offsetOption())
    .option('--json', 'print JSON')
    .action((flags: { db: string; type?: string; name?: string; all?: boolean; doc?: string; limit: number; offset: number; json?: boolean }) =>
      withStore(flags.db, { readonly: true }, (store) => {
        if (flags.doc) return printArticleEntities(store, flags);
        const page = store.corpus.listEntities({ type: flags.type, q: flags.name, withJunk: flags.all, limit: flags.limit, offset: flags.offset });
        if (flags.json) return json(page);
        for (const e of page.entities) print(corpusEntityLine(e));
        print(countLine(page.entities.length, page.total, 'entities', flags.type || flags.name ? 'No entities match.' : 'No entities yet: ingest some articles.'));
      }),
    );

  cli
    .command('entity')
    .description('one corpus entity: its spellings with counts, roles, why its names were joined, articles, quotes by and about it, its events, stories, who it is named with')
    .argument('<name-or-id>', 'an entity id (a unique prefix is enough) or a name as the corpus writes it')
    .addOption(dbOption())
    .addOption(limitOption('how many articles', 20))
    .addOption(offsetOption())
    .option('--json', 'print JSON')
    .action((name: string, flags: { db: string; limit: number; offset: number; json?: boolean }) =>
      withStore(flags.db, { readonly: true }, (store) => {
        const entity = store.corpus.entityDetail(name, { limit: flags.limit, offset: flags.offset });
        if (!entity) throw new UsageError(`no entity named or with id "${name}" (see "dossier entities --name ${JSON.stringify(name)}")`);
        const events = store.events({ entity: entity.id, limit: ENTITY_EVENTS });
        if (flags.json) return json({ ...entity, events });
        print(showEntity(entity, events));
      }),
    );

  cli
    .command('duplicates')
    .description('groups of copies (the same wire story in several outlets, rewritten copies), largest first, each with its original')
    .addOption(dbOption())
    .addOption(limitOption('how many groups', 50))
    .addOption(offsetOption())
    .option('--json', 'print JSON')
    .action((flags: { db: string; limit: number; offset: number; json?: boolean }) =>
      withStore(flags.db, { readonly: true }, (store) => {
        const page = store.corpus.listDuplicateGroups({ limit: flags.limit, offset: flags.offset });
        if (flags.json) return json(page);
        for (const g of page.groups) print(duplicateGroupLines(g));
        print(countLine(page.groups.length, page.total, 'groups of copies', 'No copies found.'));
      }),
    );

  cli
    .command('statements')
    .description('quotations reported by more than one article, with each report\'s outlet, speaker and wording')
    .addOption(dbOption())
    .addOption(new Option('--min-reports <n>', 'only statements with at least this many reports').argParser(positiveInt('--min-reports')).default(2))
    .addOption(limitOption('how many', 50))
    .addOption(offsetOption())
    .option('--json', 'print JSON')
    .action((flags: { db: string; minReports: number; limit: number; offset: number; json?: boolean }) =>
      withStore(flags.db, { readonly: true }, (store) => {
        const page = store.corpus.listStatements({ minReports: flags.minReports, limit: flags.limit, offset: flags.offset });
        if (flags.json) return json(page);
        for (const s of page.statements) print(statementBlock(s));
        print(countLine(page.statements.length, page.total, 'statements', 'No statement is reported by more than one article.'));
      }),
    );
}

/** One article's entities, each with the corpus entity it joined. */
function printArticleEntities(store: Store, flags: { type?: string; doc?: string; limit: number; offset: number; json?: boolean }): void {
  const page = store.articleEntities(resolveArticleId(store, flags.doc!), { ...(flags.type ? { type: flags.type } : {}), limit: flags.limit, offset: flags.offset });
  if (flags.json) return json(page);
  for (const e of page.entities) print(`${entityLine(e)}${e.corpusEntity ? `  → ${e.corpusEntity}` : ''}`);
  const kind = flags.type ? `${flags.type} names` : 'names';
  print(countLine(page.entities.length, page.total, kind, `The article has no ${kind}.`));
}
