/**
 * What each command is and takes (README: "Command-line interface" and "Running the bot in
 * Discord"), as one typed table. The Discord registration, the CLI parser and its help, the
 * console, option validation, the handlers' option types, paging and the empty-result sentences
 * are all derived from it.
 */

/** Where an option exists: as a Discord slash-command option, and/or on the command line and in batch. */
export type Surface = 'discord' | 'cli';

export interface OptionSpec {
  readonly name: string;
  readonly type: 'string' | 'integer' | 'boolean';
  readonly description: string;
  readonly required?: boolean;
  readonly autocomplete?: boolean;
  readonly min?: number;
  readonly max?: number;
  /** Longest accepted string, in characters. */
  readonly maxLength?: number;
  /** The value's name in usage lines (default: N for numbers, else the option name in capitals). */
  readonly placeholder?: string;
  readonly surfaces: readonly Surface[];
}

/** What a command's results are, and so how every surface renders them. */
export type ResultKind = 'excerpts' | 'sources' | 'help';

export interface CommandSpec {
  readonly name: string;
  readonly description: string;
  /** The option a bare argument fills (`cli ask "question"`, console `/ask question`). */
  readonly positional?: string;
  readonly options: readonly OptionSpec[];
  /** Offered as a slash command (find-source is a message menu in Discord instead). */
  readonly slash: boolean;
  readonly results: ResultKind;
  /**
   * How many results when `limit` is not given (absent: all of them), and how many a Discord reply
   * fetches to page through.
   */
  readonly limit?: { readonly default: number; readonly paged: number };
  /** Values used when an option is not given (echoed input keeps only what was asked). */
  readonly defaults?: { readonly [option: string]: number };
  /** Results per Discord page. */
  readonly pageSize: number;
  /**
   * The sentence for no results: `{name}` is the option's value in quotes; a `[…]` part is left
   * out when an option in it is not given.
   */
  readonly empty: string;
}

const both = ['discord', 'cli'] as const;
const discordOnly = ['discord'] as const;
const cliOnly = ['cli'] as const;

const article = {
  name: 'article',
  type: 'string',
  description: 'Only this article (id or title)',
  placeholder: 'ID',
  autocomplete: true,
  maxLength: 200,
  surfaces: both,
} as const satisfies OptionSpec;
const privately = {
  name: 'private',
  type: 'boolean',
  description: 'Show the answer only to you',
  surfaces: discordOnly,
} as const satisfies OptionSpec;
const limit = {
  name: 'limit',
  type: 'integer',
  description: 'How many results at most',
  min: 1,
  max: 1000,
  surfaces: cliOnly,
} as const satisfies OptionSpec;

const libraryOption = {
  name: 'library',
  type: 'string',
  description: 'Answer from the shared library plus this one: shared, guild:<id> or user:<id>',
  placeholder: 'L',
  maxLength: 40,
  surfaces: cliOnly,
} as const satisfies OptionSpec;

/** Ranked answers: five by default on the command line, 25 to page through in Discord. */
const RANKED = { default: 5, paged: 25 } as const;

const TABLE = [
  {
    name: 'who-said',
    description: 'Who said what about a topic: quotes with speaker and citation',
    positional: 'topic',
    slash: true,
    results: 'excerpts',
    limit: RANKED,
    pageSize: 5,
    empty: 'No statements about {topic} in these articles.',
    options: [
      {
        name: 'topic',
        type: 'string',
        description: 'What it was about',
        required: true,
        maxLength: 300,
        surfaces: both,
      },
      article,
      privately,
      limit,
      libraryOption,
    ],
  },
  {
    name: 'quotes',
    description: 'What one person said, every spelling of their name merged',
    positional: 'speaker',
    slash: true,
    results: 'excerpts',
    pageSize: 5,
    empty: 'No statements[ by {speaker}] in these articles.',
    options: [
      {
        name: 'speaker',
        type: 'string',
        description: 'Who (any spelling)',
        autocomplete: true,
        maxLength: 100,
        surfaces: both,
      },
      article,
      privately,
      limit,
      libraryOption,
    ],
  },
  {
    name: 'summary',
    description: 'An extractive summary, every sentence cited',
    slash: true,
    results: 'excerpts',
    defaults: { sentences: 5 },
    pageSize: 10,
    empty: 'Nothing to summarise.',
    options: [
      article,
      {
        name: 'sentences',
        type: 'integer',
        description: 'How many sentences (1-10, default 5)',
        min: 1,
        max: 10,
        surfaces: both,
      },
      {
        name: 'focus',
        type: 'string',
        description: 'Summarise what it says about this topic',
        placeholder: 'TOPIC',
        maxLength: 300,
        surfaces: both,
      },
      privately,
      libraryOption,
    ],
  },
  {
    name: 'ask',
    description: 'Ask a question; the answer is the articles’ own sentences, cited',
    positional: 'question',
    slash: true,
    results: 'excerpts',
    limit: RANKED,
    pageSize: 5,
    empty: 'Nothing in these articles answers {question}.',
    options: [
      {
        name: 'question',
        type: 'string',
        description: 'Your question',
        required: true,
        maxLength: 500,
        surfaces: both,
      },
      article,
      privately,
      limit,
      libraryOption,
    ],
  },
  {
    name: 'sources',
    description: 'The articles Citebot knows',
    slash: true,
    results: 'sources',
    pageSize: 10,
    empty: 'No articles are loaded.',
    options: [privately, libraryOption],
  },
  {
    name: 'help',
    description: 'How to use Citebot',
    slash: true,
    results: 'help',
    pageSize: 25,
    empty: 'No commands.',
    options: [],
  },
  {
    name: 'find-source',
    description: 'Trace a quote back to the article and show how the wording differs',
    positional: 'text',
    slash: false,
    results: 'excerpts',
    limit: { default: 3, paged: 25 },
    pageSize: 5,
    empty: 'No statement in these articles is close to that text.',
    options: [
      {
        name: 'text',
        type: 'string',
        description: 'The quote as someone retold it',
        required: true,
        maxLength: 4000,
        surfaces: both,
      },
      limit,
      libraryOption,
    ],
  },
  {
    name: 'add',
    description: 'Add an article from a web page or a file to a library',
    positional: 'url',
    slash: false,
    results: 'sources',
    pageSize: 10,
    empty: 'Nothing was added.',
    options: [
      {
        name: 'url',
        type: 'string',
        description: 'The page address (or, on the command line, a file path)',
        placeholder: 'URL|FILE',
        maxLength: 2000,
        surfaces: both,
      },
      {
        name: 'file',
        type: 'string',
        description: 'A .html, .htm, .md or .txt file',
        placeholder: 'FILE',
        maxLength: 2000,
        surfaces: cliOnly,
      },
      { ...libraryOption, description: 'Where to add it: shared (default), guild:<id> or user:<id>' },
    ],
  },
  {
    name: 'remove',
    description: 'Remove an article from a library',
    positional: 'article',
    slash: false,
    results: 'sources',
    pageSize: 10,
    empty: 'Nothing was removed.',
    options: [
      {
        name: 'article',
        type: 'string',
        description: 'The article id',
        placeholder: 'ID',
        required: true,
        maxLength: 200,
        surfaces: both,
      },
      { ...libraryOption, description: 'Where to remove it from: shared (default), guild:<id> or user:<id>' },
    ],
  },
] as const satisfies readonly CommandSpec[];

/** Every command, in help order. */
export const COMMANDS: readonly CommandSpec[] = TABLE;

export type CommandName = (typeof TABLE)[number]['name'];

/** The spec of one command, with its exact option types. */
export type SpecOf<N extends CommandName> = Extract<(typeof TABLE)[number], { name: N }>;

type ValueOf<O extends OptionSpec> = O['type'] extends 'integer'
  ? number
  : O['type'] extends 'boolean'
    ? boolean
    : string;

type OptionList = readonly OptionSpec[];
type RequiredOf<L extends OptionList> = {
  readonly [O in L[number] as O extends { required: true } ? O['name'] : never]: ValueOf<O>;
};
type OptionalOf<L extends OptionList> = {
  readonly [O in L[number] as O extends { required: true } ? never : O['name']]?: ValueOf<O>;
};

/**
 * A command's validated options, typed from the table: `OptionsOf<'summary'>` is
 * `{ article?: string; sentences?: number; focus?: string; private?: boolean }`.
 */
export type OptionsOf<N extends CommandName> = RequiredOf<SpecOf<N>['options']> &
  OptionalOf<SpecOf<N>['options']>;

const byName = new Map<string, CommandSpec>(TABLE.map((c) => [c.name, c]));

/** The spec of a command, or undefined for an unknown name. */
export function commandSpec(name: string): CommandSpec | undefined {
  return byName.get(name);
}

/** The spec of a known command, with its exact type (for handlers, which name themselves). */
export function specOf<N extends CommandName>(name: N): SpecOf<N> {
  return byName.get(name) as SpecOf<N>;
}

/** True for the name of a command in the table. */
export function isCommandName(name: string): name is CommandName {
  return byName.has(name);
}

/** The name of the Discord message-menu command that runs find-source. */
export const FIND_SOURCE_MENU = 'Find source';
