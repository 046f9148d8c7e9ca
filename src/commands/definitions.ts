/**
 * What each command is and takes (CONTRACT §3 and §5), as data. The Discord registration, the CLI
 * parser, the console and option validation are all derived from this one table.
 */

export type CommandName = 'who-said' | 'quotes' | 'summary' | 'ask' | 'sources' | 'help' | 'find-source';

/** Where an option exists: as a Discord slash-command option, and/or on the command line and in batch. */
export type Surface = 'discord' | 'cli';

export interface OptionSpec {
  name: string;
  type: 'string' | 'integer' | 'boolean';
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  min?: number;
  max?: number;
  /** Longest accepted string, in characters. */
  maxLength?: number;
  /** The value's name in usage lines (default: N for numbers, else the option name in capitals). */
  placeholder?: string;
  surfaces: readonly Surface[];
}

export interface CommandSpec {
  name: CommandName;
  description: string;
  /** The option a bare argument fills (`cli ask "question"`, console `/ask question`). */
  positional?: string;
  options: readonly OptionSpec[];
  /** Offered as a slash command (find-source is a message menu in Discord instead). */
  slash: boolean;
}

const both = ['discord', 'cli'] as const;
const discordOnly = ['discord'] as const;
const cliOnly = ['cli'] as const;

const article: OptionSpec = {
  name: 'article',
  type: 'string',
  description: 'Only this article (id or title)',
  placeholder: 'ID',
  autocomplete: true,
  maxLength: 200,
  surfaces: both,
};
const privately: OptionSpec = {
  name: 'private',
  type: 'boolean',
  description: 'Show the answer only to you',
  surfaces: discordOnly,
};
const limit: OptionSpec = {
  name: 'limit',
  type: 'integer',
  description: 'How many results at most',
  min: 1,
  max: 1000,
  surfaces: cliOnly,
};

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'who-said',
    description: 'Who said what about a topic: quotes with speaker and citation',
    positional: 'topic',
    slash: true,
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
    ],
  },
  {
    name: 'quotes',
    description: 'What one person said, every spelling of their name merged',
    positional: 'speaker',
    slash: true,
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
    ],
  },
  {
    name: 'summary',
    description: 'An extractive summary, every sentence cited',
    slash: true,
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
    ],
  },
  {
    name: 'ask',
    description: 'Ask a question; the answer is the articles’ own sentences, cited',
    positional: 'question',
    slash: true,
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
    ],
  },
  {
    name: 'sources',
    description: 'The articles Citebot knows',
    slash: true,
    options: [privately],
  },
  {
    name: 'help',
    description: 'How to use Citebot',
    slash: true,
    options: [],
  },
  {
    name: 'find-source',
    description: 'Trace a quote back to the article and show how the wording differs',
    positional: 'text',
    slash: false,
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
    ],
  },
];

const byName = new Map(COMMANDS.map((c) => [c.name, c]));

/** The spec of a command, or undefined for an unknown name. */
export function commandSpec(name: string): CommandSpec | undefined {
  return byName.get(name as CommandName);
}

/** The spec of a known command (for command modules, which name themselves). */
export function specOf(name: CommandName): CommandSpec {
  const spec = byName.get(name);
  if (!spec) throw new Error(`no spec for command ${name}`);
  return spec;
}

/** The name of the Discord message-menu command that runs find-source. */
export const FIND_SOURCE_MENU = 'Find source';
