// The command-line entry: `incident-workbench lint|rules ...`, on core and services.
import { parseArgs } from 'node:util';
import {
  ALL_RULES,
  configJsonSchema,
  DOCUMENT_KINDS,
  findRule,
  OFF_BY_DEFAULT,
  ruleIdFor,
  type DocumentKind,
} from '../core';
import {
  argumentErrorMessage,
  asksForHelp,
  commandHelp,
  commandNames,
  didYouMean,
  helpText,
  isArgumentError,
  registerCommandHelp,
  unknownCommand,
  type CommandHelp,
} from './args';
import { templateCommitsInWindow } from '../services/gitService';
import { findSloFile, loadSloFile } from '../services/sloService';
import { findWorkspaceSloFile, readWorkspaceFacts } from '../services/workspaceDocuments';
import { FORMATS, summarize, toGithub, toJson, toSarif, toText, type Format } from './formats';
import { chooseProfile, UsageError, type Io } from './common';
import { lintPaths, lintStdin, skippedMessages, type LintCommandOptions } from './lintCommand';
import { resolveLintTargets } from './lintTargets';
import { fixFiles } from './fixCommand';
import { isDynamicPattern } from 'tinyglobby';
import * as path from 'node:path';
import { exists } from '../services/fileSystemService';
import { NEW_USAGE, runNew } from './newCommand';
import { INDEX_USAGE, runIndex } from './indexCommand';
import { INIT_USAGE, runInit } from './initCommand';
import { applyBaselineFile, writeBaselineFile } from './baselineCommand';
import { runSlo, SLO_USAGE } from './sloCommand';
import { runTags, TAGS_USAGE } from './tagsCommand';
import { runTimeline, TIMELINE_USAGE } from './timelineCommand';
import { markdownSnippets } from '../core/templates/snippets';
import { LSP_USAGE, runLsp } from './lspCommand';

/** The command lines of a subcommand's usage text, without its explanation. */
function synopsis(usage: string): string {
  return usage.split('\n\n')[0].replace(/^Usage:\n/, '');
}

const LINT_USAGE = `Usage:
  incident-workbench lint [paths or globs...] [--format text|json|sarif|github] [--profile NAME | --config FILE]
                          [--kind postmortem|runbook|incident] [--max-warnings N] [--fix] [--rules LIST]
                          [--baseline FILE | --baseline-write FILE]
  incident-workbench lint - [--stdin-filename PATH] [--format ...]

Lints incident documents: files, folders and globs ("docs/**/*.md", quoted so the CLI expands
them; a "!" in front excludes: "!docs/drafts/**"). Folders and globs skip what .gitignore and the
configuration's ignores: list exclude; a file named outright is always linted. "-" reads one
document from standard input; --stdin-filename gives it a path, for its kind and the output.
  --format FORMAT     text (default), json, sarif (SARIF 2.1.0) or github (workflow annotations)
  --profile NAME      a built-in profile instead of the configuration file
  --config FILE       this configuration file instead of the nearest .incident-workbench.yaml
  --kind KIND         lint every file as this kind, wherever it is
  --max-warnings N    exit 1 when there are more than N warnings
  --fix               apply the fixes that lose no text (insert a missing section, add a missing
                      column, turn an action-item list into a table), say what changed, then lint
  --stdin-filename P  the path of the document read from "-"
  --rules LIST        report only these rules, by id or name: --rules PM001,action-item-owner
  --baseline FILE     report and fail only on findings not recorded in FILE
  --baseline-write FILE  record today's findings in FILE (then lint with --baseline FILE)
  --allow-no-files    exit 0, not 2, when nothing was linted (for hooks run on any Markdown change)

The workspace root is the nearest folder upwards with .incident-workbench.yaml, else with .git;
the configuration, slo.yaml and the other documents are read from it, so lint gives the same
findings from any sub-folder. Without a configuration file the harness profile applies.
The files passed over are counted on stderr, with the reason.
Exit codes: 0 no error-level finding (and no more warnings than --max-warnings), 1 otherwise,
2 on a usage or configuration error or when no file at all was linted.`;

registerCommandHelp({
  name: 'lint',
  summary: 'lint incident documents',
  usage: LINT_USAGE,
  examples: [
    'incident-workbench lint',
    'incident-workbench lint "docs/**/*.md" "!docs/drafts/**" --format github',
    'incident-workbench lint docs/postmortems --fix',
    'cat draft.md | incident-workbench lint - --stdin-filename docs/postmortems/2026-03-15-outage.md',
    'incident-workbench lint --format sarif > incident-workbench.sarif',
  ],
});
registerCommandHelp({
  name: 'new',
  summary: "write a new document from the profile's template",
  usage: `Usage:\n${NEW_USAGE}\n\nWrites a new postmortem, runbook or incident record where the profile puts it, named from the\ndate and title, and prints its path. Never overwrites a file.\n  --commander NAME   the incident commander (incident records)`,
  examples: [
    'incident-workbench new postmortem --title "Checkout latency" --start 2026-03-15T14:28Z --end 2026-03-15T15:10Z --severity SEV2',
    'incident-workbench new runbook --service payments --failure-mode "queue backlog"',
  ],
});
registerCommandHelp({
  name: 'slo',
  summary: 'error budgets from slo.yaml and the postmortems',
  usage: SLO_USAGE,
  examples: [
    'incident-workbench slo',
    'incident-workbench slo --incident docs/postmortems/2026-03-15-outage.md --format json',
  ],
});
registerCommandHelp({
  name: 'index',
  summary: 'the incident index',
  usage: INDEX_USAGE,
  examples: ['incident-workbench index --write', 'incident-workbench index --check'],
});
registerCommandHelp({
  name: 'init',
  summary: 'propose a configuration from existing documents',
  usage: INIT_USAGE,
  examples: ['incident-workbench init', 'incident-workbench init docs --write'],
});
registerCommandHelp({
  name: 'timeline',
  summary: 'import a timeline from a Slack export or a PagerDuty log',
  usage: TIMELINE_USAGE,
  examples: [
    'incident-workbench timeline import slack-export --channel inc-checkout --format json',
    'incident-workbench timeline import slack-export pagerduty.json --into docs/postmortems/2026-03-15-checkout.md',
  ],
});
registerCommandHelp({
  name: 'tags',
  summary: 'INCIDENT tags in code',
  usage: TAGS_USAGE,
  examples: ['incident-workbench tags', 'incident-workbench tags src --format json'],
});
registerCommandHelp({
  name: 'lsp',
  summary: 'the language server, for Neovim, Helix, Emacs, Zed and other editors',
  usage: LSP_USAGE,
  examples: ['incident-workbench lsp --stdio'],
});
registerCommandHelp({
  name: 'rules',
  summary: 'the rules, or one rule',
  usage:
    'Usage:\n  incident-workbench rules [ID|NAME]\n\nLists every rule (id, name, default severity, title), or describes one rule given by its id\n(PM001) or its name (missing-section). Exits 2 for an unknown rule.',
  examples: ['incident-workbench rules', 'incident-workbench rules PM004', 'incident-workbench rules missing-section'],
});
registerCommandHelp({
  name: 'schema',
  summary: 'the JSON Schema of .incident-workbench.yaml',
  usage: 'Usage:\n  incident-workbench schema\n\nPrints the JSON Schema of .incident-workbench.yaml.',
  examples: ['incident-workbench schema > incident-workbench.schema.json'],
});
registerCommandHelp({
  name: 'snippets',
  summary: 'the Markdown snippets as JSON',
  usage: "Usage:\n  incident-workbench snippets\n\nPrints the editor's Markdown snippets as a VS Code snippets file.",
  examples: ['incident-workbench snippets'],
});

/** The overall usage: every registered sub-command's command lines. */
function usage(): string {
  const lines = commandNames().map((name) => synopsis((commandHelp(name) as CommandHelp).usage));
  return `Usage:
${lines.join('\n')}
  incident-workbench <command> --help     (a command's options and examples)
  incident-workbench --help | --version

Every command finds the workspace root once (the nearest folder upwards with
.incident-workbench.yaml, else .git) and reads the configuration, slo.yaml and documents from it.`;
}

export type { Io } from './common';

const processIo: Io = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  const help = command === undefined ? undefined : commandHelp(command);
  if (help && asksForHelp(rest)) {
    io.out(helpText(help));
    return 0;
  }
  try {
    switch (command) {
      case 'lint':
        return await lint(rest, io);
      case 'new':
        return await runNew(rest, io, templateCommitsInWindow);
      case 'snippets':
        io.out(JSON.stringify(markdownSnippets(), null, 2));
        return 0;
      case 'schema':
        io.out(JSON.stringify(configJsonSchema(), null, 2));
        return 0;
      case 'slo':
        return await runSlo(rest, io);
      case 'index':
        return await runIndex(rest, io);
      case 'tags':
        return await runTags([...rest], io);
      case 'init':
        return await runInit(rest, io);
      case 'timeline':
        return await runTimeline(rest, io);
      case 'rules':
        return rules(rest, io);
      case 'lsp':
        return await runLsp(rest, io, { version: VERSION, repository: REPOSITORY });
      case '--version':
      case '-v':
        io.out(VERSION);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out(usage());
        return command === undefined ? 2 : 0;
      default:
        throw unknownCommand(command);
    }
  } catch (e) {
    if (e instanceof UsageError || isArgumentError(e)) {
      const message = isArgumentError(e) && help ? argumentErrorMessage(e, help.name) : (e as Error).message;
      io.err(`incident-workbench: ${message}\n\n${help ? help.usage.split('\n\n')[0] : usage()}`);
      return 2;
    }
    throw e;
  }
}

/** The rule ids of `--rules a,b` (ids or names, any case); a `UsageError` naming the closest rule for an unknown one. */
function onlyRules(list: string): Set<string> {
  const ids = new Set<string>();
  for (const word of list
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean)) {
    const id = ruleIdFor(word);
    if (!id)
      throw new UsageError(
        `--rules: no rule "${word}".${didYouMean(
          word,
          ALL_RULES.flatMap((r) => [r.id, r.name]),
        )}`,
      );
    ids.add(id);
  }
  if (ids.size === 0)
    throw new UsageError('--rules needs at least one rule id or name, e.g. --rules PM001,action-item-owner.');
  return ids;
}

/** `rules`: every rule, one line each; `rules ID|NAME`: that rule in full; exit 2 for an unknown one. */
function rules(args: readonly string[], io: Io): number {
  if (args.length > 1) throw new UsageError('rules takes at most one rule id or name.');
  if (args.length === 0) {
    for (const rule of ALL_RULES)
      io.out(`${rule.id}  ${rule.defaultSeverity.padEnd(7)}  ${rule.title}  (${rule.name})`);
    return 0;
  }
  const id = ruleIdFor(args[0]);
  const rule = id === undefined ? undefined : findRule(id);
  if (!rule) {
    const names = ALL_RULES.flatMap((r) => [r.id, r.name]);
    io.err(
      `incident-workbench: no rule "${args[0]}".${didYouMean(args[0], names)} Run incident-workbench rules for the list.`,
    );
    return 2;
  }
  io.out(`${rule.id} ${rule.name}: ${rule.title}`);
  io.out(
    `Default severity: ${rule.defaultSeverity}${OFF_BY_DEFAULT.has(rule.id) ? ' (off unless the profile or configuration turns it on)' : ''}`,
  );
  io.out(`Documents: ${rule.kinds.join(', ')}`);
  io.out(
    `Turn it off: rules: { ${rule.name}: off } in .incident-workbench.yaml, or <!-- incident-workbench-disable ${rule.id} --> in a document.`,
  );
  io.out(`Documentation: docs/rules/${rule.id}.md in the incident-workbench package.`);
  return 0;
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
declare const __REPOSITORY__: string | undefined;
/** The package's repository URL (package.json `repository`), when it names one: SARIF's `helpUri`s point into it. */
const REPOSITORY = typeof __REPOSITORY__ === 'string' && __REPOSITORY__ ? __REPOSITORY__ : undefined;

async function lint(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      profile: { type: 'string' },
      config: { type: 'string' },
      kind: { type: 'string' },
      'max-warnings': { type: 'string' },
      baseline: { type: 'string' },
      'baseline-write': { type: 'string' },
      fix: { type: 'boolean', default: false },
      'stdin-filename': { type: 'string' },
      rules: { type: 'string' },
      'allow-no-files': { type: 'boolean', default: false },
    },
  });
  if (values.baseline !== undefined && values['baseline-write'] !== undefined)
    throw new UsageError('--baseline and --baseline-write cannot be used together.');
  if (!FORMATS.includes(values.format as Format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}".`);
  }
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new UsageError(`--max-warnings must be a whole number of 0 or more, not "${values['max-warnings']}".`);
  }
  if (values.kind !== undefined && !DOCUMENT_KINDS.includes(values.kind as DocumentKind)) {
    throw new UsageError(`--kind must be one of ${DOCUMENT_KINDS.join(', ')}, not "${values.kind}".`);
  }
  const only = values.rules === undefined ? undefined : onlyRules(values.rules);
  const given =
    positionals.length > 0 && positionals.some((p) => !p.startsWith('!') || p.length === 1)
      ? positionals
      : ['.', ...positionals];
  const stdinName = values['stdin-filename'];
  if (stdinName !== undefined && !given.includes('-'))
    throw new UsageError('--stdin-filename names the document read from "-"; give "-" too.');
  if (values.fix && given.includes('-'))
    throw new UsageError('--fix writes files, so it cannot fix a document read from "-".');
  // The workspace root is found once, from the first path (or the document read from standard input), and everything is read from it.
  const first =
    given.find((p) => p !== '-' && !p.startsWith('!') && !isDynamicPattern(p)) ??
    (stdinName !== undefined ? path.dirname(stdinName) : '.');
  const chosen = await chooseProfile(
    { profile: values.profile, config: values.config, searchFrom: (await exists(first)) ? first : '.' },
    io,
  );
  if (!chosen) return 2;
  const { profile, root } = chosen;
  const cwd = process.cwd();
  const resolved = await resolveLintTargets(given, { cwd, root, ignores: profile.ignores });
  for (const g of resolved.emptyGlobs) io.err(`incident-workbench: no Markdown file matches ${g}.`);
  // slo.yaml feeds PM015, and its absence PM016; its own problems are reported by `slo`, not here, so they never fail lint.
  const sloFile = (await findSloFile(root)) ?? (await findWorkspaceSloFile(first, chosen.configRoot));
  const slos = sloFile ? (await loadSloFile(sloFile)).slos : undefined;
  const options: LintCommandOptions = {
    profile,
    root,
    slos,
    sloFileMissing: !sloFile,
    workspace: await readWorkspaceFacts(root, profile),
    kind: values.kind as DocumentKind | undefined,
    explainSections: values.format === 'json',
  };
  if (values.fix) {
    for (const line of await fixFiles(resolved.targets, options)) io.err(`incident-workbench: ${line}`);
  }
  const { reports: linted, skipped } = await lintPaths(resolved.targets, options);
  if (resolved.stdin) {
    if (!io.readStdin) throw new UsageError('"-" reads standard input, which this caller cannot give.');
    linted.push(lintStdin(await io.readStdin(), stdinName ?? '<stdin>', options));
  }
  if (values['baseline-write'] !== undefined && linted.length > 0) {
    const recorded = await writeBaselineFile(values['baseline-write'], linted);
    io.err(
      `incident-workbench: recorded ${recorded} finding${recorded === 1 ? '' : 's'} of ${linted.length} file${linted.length === 1 ? '' : 's'} in ${values['baseline-write']}; lint with --baseline ${values['baseline-write']} to report only new ones.`,
    );
    return 0;
  }
  let reports = linted;
  if (values.baseline !== undefined) {
    const applied = await applyBaselineFile(values.baseline, linted);
    reports = applied.reports;
    if (applied.baselined > 0)
      io.err(
        `incident-workbench: ${applied.baselined} finding${applied.baselined === 1 ? '' : 's'} in the baseline ${values.baseline} not reported.`,
      );
  }
  if (only)
    for (const [i, r] of reports.entries())
      reports[i] = { ...r, findings: r.findings.filter((f) => only.has(f.ruleId)) };
  const output = formatReports(reports, values.format as Format, root);
  if (output) io.out(output);
  for (const line of skippedMessages(skipped, profile)) io.err(`incident-workbench: ${line}`);
  if (resolved.ignored > 0)
    io.err(
      `incident-workbench: left out ${resolved.ignored} Markdown file${resolved.ignored === 1 ? '' : 's'} that .gitignore or the configuration's ignores: exclude.`,
    );
  if (reports.length === 0) {
    // A lint that read nothing must not pass in CI as if everything were fine (markdownlint-cli2 exits 0 here; a green check
    // that checked nothing hides a wrong folder). --allow-no-files is for hooks that run on every Markdown change.
    const where = positionals.length > 0 ? positionals.join(', ') : '.';
    if (values['allow-no-files']) {
      io.err(`incident-workbench: no file was linted in ${where} (--allow-no-files: exiting with code 0).`);
      return 0;
    }
    io.err(`incident-workbench: no file was linted in ${where}; exiting with code 2.`);
    return 2;
  }
  const summary = summarize(reports);
  if (maxWarnings !== undefined && summary.warnings > maxWarnings) {
    io.err(`incident-workbench: ${summary.warnings} warnings, more than --max-warnings ${maxWarnings}.`);
    return 1;
  }
  return summary.errors > 0 ? 1 : 0;
}

function formatReports(reports: Parameters<typeof toText>[0], format: Format, root: string): string {
  switch (format) {
    case 'text':
      return toText(reports);
    case 'json':
      return JSON.stringify(toJson(reports));
    case 'sarif':
      return JSON.stringify(toSarif(reports, VERSION, { root, cwd: process.cwd(), repository: REPOSITORY }), null, 2);
    case 'github':
      return toGithub(reports);
    default: {
      const never: never = format;
      throw new UsageError(`Unknown format ${String(never)}.`);
    }
  }
}

if (require.main === module) {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(
        `incident-workbench: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
      );
      process.exitCode = 2;
    },
  );
}
