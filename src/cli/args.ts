// The CLI's help and argument errors: each sub-command's usage text by name, `--help` on any of them, and "did you mean" for a mistyped option or sub-command.
import { closest, editDistance } from '../core/config/messages';
import { UsageError } from './common';

/** A sub-command's help, as `incident-workbench <name> --help` prints it. */
export interface CommandHelp {
  /** The sub-command, e.g. `lint`. */
  readonly name: string;
  /** One line on what it does, for the overall usage. */
  readonly summary: string;
  /** The usage text: `Usage:` and the command lines, a blank line, then what it does and its options. */
  readonly usage: string;
  /** Whole command lines showing typical use. */
  readonly examples: readonly string[];
}

const registry = new Map<string, CommandHelp>();

/**
 * Registers a sub-command's help, so `--help`, the overall usage and the suggestions know it.
 * Commands added later (init, baseline, timeline...) call this once, at module load.
 */
export function registerCommandHelp(help: CommandHelp): void {
  registry.set(help.name, help);
}

/** The help of `name`, when registered. */
export function commandHelp(name: string): CommandHelp | undefined {
  return registry.get(name);
}

/** The registered sub-commands' names, in registration order. */
export function commandNames(): string[] {
  return [...registry.keys()];
}

/** What `incident-workbench <name> --help` prints: the usage, then the examples. */
export function helpText(help: CommandHelp): string {
  const examples = help.examples.length > 0 ? `\n\nExamples:\n${help.examples.map((e) => `  ${e}`).join('\n')}` : '';
  return `${help.usage}${examples}`;
}

/** The `--long` options a usage text names, in order of first mention, with `--help`. */
export function optionsOf(usage: string): string[] {
  const names = [...usage.matchAll(/(?<![\w-])--([a-z][a-z0-9-]*)/g)].map((m) => `--${m[1]}`);
  return [...new Set([...names, '--help'])];
}

/** Whether `args` ask for help: `--help` or `-h` before any `--` that ends the options. */
export function asksForHelp(args: readonly string[]): boolean {
  for (const a of args) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}

/** ` Did you mean "x"?` when `word` is close to one of `candidates`, else ''. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const near = closest(word, candidates) ?? nearTypo(word, candidates);
  return near === undefined ? '' : ` Did you mean ${near}?`;
}

/** The candidate two edits from `word` (a swap of two letters counts as two), for words of four letters or more. */
function nearTypo(word: string, candidates: readonly string[]): string | undefined {
  const w = word.replace(/^-+/, '').toLowerCase();
  if (w.length < 4) return undefined;
  const scored = candidates
    .map((c) => ({ c, d: editDistance(w, c.replace(/^-+/, '').toLowerCase()) }))
    .filter((x) => x.d <= 2);
  scored.sort((a, b) => a.d - b.d);
  return scored[0]?.c;
}

/** The error for an unknown sub-command, with the closest known one. */
export function unknownCommand(command: string): UsageError {
  return new UsageError(
    `Unknown command "${command}".${didYouMean(command, commandNames())} Run incident-workbench --help for the list.`,
  );
}

/**
 * The message of an argument error of sub-command `command`: Node's parser message rewritten
 * in plain words, with the closest option the command knows for an unknown one.
 */
export function argumentErrorMessage(e: Error & { code?: string }, command: string): string {
  const help = commandHelp(command);
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'(-{1,2}[^'=]+)/.exec(e.message)?.[1] ?? '';
    const hint = option.startsWith('--') && help ? didYouMean(option, optionsOf(help.usage)) : '';
    return `Unknown option ${option} for ${command}.${hint} Run incident-workbench ${command} --help for its options.`;
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = /Option '(?:-\w, )?(--[\w-]+)/.exec(e.message)?.[1];
    if (option) return /argument missing/.test(e.message) ? `${option} needs a value.` : `${option} takes no value.`;
  }
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const word = /argument '([^']*)'/.exec(e.message)?.[1];
    if (word !== undefined)
      return `${command} takes no argument "${word}" (only options; run incident-workbench ${command} --help).`;
  }
  return e.message;
}

/** Whether `e` is an error of Node's `parseArgs`. */
export function isArgumentError(e: unknown): e is Error & { code: string } {
  return (
    e instanceof Error &&
    typeof (e as { code?: unknown }).code === 'string' &&
    (e as unknown as { code: string }).code.startsWith('ERR_PARSE_ARGS')
  );
}
