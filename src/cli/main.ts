// The command-line entry: `incident-workbench lint|rules ...`, on core and services.
import { parseArgs } from 'node:util';
import { ALL_RULES, configJsonSchema, DOCUMENT_KINDS, type DocumentKind } from '../core';
import { templateCommitsInWindow } from '../services/gitService';
import { loadSloFile } from '../services/sloService';
import { findWorkspaceSloFile, readWorkspaceFacts } from '../services/workspaceDocuments';
import { FORMATS, summarize, toGithub, toJson, toSarif, toText, type Format } from './formats';
import { chooseProfile, UsageError, type Io } from './common';
import { lintPaths, skippedMessages } from './lintCommand';
import { NEW_USAGE, runNew } from './newCommand';
import { INDEX_USAGE, runIndex } from './indexCommand';
import { runSlo, SLO_USAGE } from './sloCommand';
import { runTags, TAGS_USAGE } from './tagsCommand';
import { runTimeline, TIMELINE_USAGE } from './timelineCommand';
import { markdownSnippets } from '../core/templates/snippets';

/** The command lines of a subcommand's usage text, without its explanation. */
function synopsis(usage: string): string {
  return usage.split('\n\n')[0].replace(/^Usage:\n/, '');
}

const USAGE = `Usage:
  incident-workbench lint [paths...] [--format text|json|sarif|github] [--profile NAME | --config FILE]
                          [--kind postmortem|runbook|incident] [--max-warnings N]
${NEW_USAGE}
${synopsis(SLO_USAGE)}
${synopsis(INDEX_USAGE)}
${synopsis(TAGS_USAGE)}
${synopsis(TIMELINE_USAGE)}
  incident-workbench rules
  incident-workbench schema          (the JSON Schema of .incident-workbench.yaml)
  incident-workbench --help | --version

Without --profile or --config, lint uses the nearest .incident-workbench.yaml found upwards from
the first path (stopping at the repository root), else the harness profile. The SLO file
(slo.yaml) is the one in the configuration file's folder, else the nearest found the same way.
A folder is searched for the Markdown files in the profile's folders (with --kind, all of them);
the files passed over are counted on stderr, with the reason.
lint exits 0 when there is no error-level finding (and no more warnings than --max-warnings),
1 when there is, 2 on a usage or configuration error or when no file at all was linted.`;

export type { Io } from './common';

const processIo: Io = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
};

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
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
      case 'timeline':
        return await runTimeline(rest, io);
      case 'rules':
        for (const rule of ALL_RULES) io.out(`${rule.id}  ${rule.defaultSeverity.padEnd(7)}  ${rule.title}`);
        return 0;
      case '--version':
      case '-v':
        io.out(VERSION);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`incident-workbench: ${(e as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

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
    },
  });
  if (!FORMATS.includes(values.format as Format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}".`);
  }
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new UsageError(`--max-warnings must be a whole number of 0 or more, not "${values['max-warnings']}".`);
  }
  const chosen = await chooseProfile({ profile: values.profile, config: values.config, searchFrom: positionals[0] ?? '.' }, io);
  if (!chosen) return 2;
  const { profile, configRoot: root } = chosen;
  if (values.kind !== undefined && !DOCUMENT_KINDS.includes(values.kind as DocumentKind)) {
    throw new UsageError(`--kind must be one of ${DOCUMENT_KINDS.join(', ')}, not "${values.kind}".`);
  }
  const paths = positionals.length > 0 ? positionals : ['.'];
  // slo.yaml feeds PM015, and its absence PM016; its own problems are reported by `slo`, not here, so they never fail lint.
  const sloFile = await findWorkspaceSloFile(paths[0], root);
  const slos = sloFile ? (await loadSloFile(sloFile)).slos : undefined;
  const { reports, skipped } = await lintPaths(paths, { profile, root, slos, sloFileMissing: !sloFile, workspace: await readWorkspaceFacts(root ?? '.', profile), kind: values.kind as DocumentKind | undefined, explainSections: values.format === 'json' });
  const output = formatReports(reports, values.format as Format);
  if (output) io.out(output);
  for (const line of skippedMessages(skipped, profile)) io.err(`incident-workbench: ${line}`);
  if (reports.length === 0) {
    // A lint that read nothing must not pass in CI as if everything were fine.
    io.err(`incident-workbench: no file was linted in ${paths.join(', ')}; exiting with code 2.`);
    return 2;
  }
  const summary = summarize(reports);
  if (maxWarnings !== undefined && summary.warnings > maxWarnings) {
    io.err(`incident-workbench: ${summary.warnings} warnings, more than --max-warnings ${maxWarnings}.`);
    return 1;
  }
  return summary.errors > 0 ? 1 : 0;
}

function formatReports(reports: Parameters<typeof toText>[0], format: Format): string {
  switch (format) {
    case 'text':
      return toText(reports);
    case 'json':
      return JSON.stringify(toJson(reports));
    case 'sarif':
      return JSON.stringify(toSarif(reports, VERSION), null, 2);
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
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      process.stderr.write(`incident-workbench: unexpected error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
