// The command-line entry: `incident-workbench lint|rules ...`, on core and services.
import { parseArgs } from 'node:util';
import { ALL_RULES, DEFAULT_PROFILE_NAME, DOCUMENT_KINDS, findProfile, profileNames, type DocumentKind } from '../core';
import { lintPaths, toJson, toText, summarize, UsageError } from './lintCommand';

const USAGE = `Usage:
  incident-workbench lint [paths...] [--format text|json] [--profile NAME] [--kind postmortem|runbook|incident]
  incident-workbench rules
  incident-workbench --help | --version

lint exits 0 when there is no error-level finding, 1 when there is, 2 on a usage or configuration error.`;

/** Output sinks, so tests can capture what the CLI prints. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

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
      profile: { type: 'string', default: DEFAULT_PROFILE_NAME },
      kind: { type: 'string' },
    },
  });
  if (values.format !== 'text' && values.format !== 'json') {
    throw new UsageError(`--format must be text or json, not "${values.format}".`);
  }
  const profile = findProfile(values.profile);
  if (!profile) {
    throw new UsageError(`Unknown profile "${values.profile}". Built-in profiles: ${profileNames().join(', ')}.`);
  }
  if (values.kind !== undefined && !DOCUMENT_KINDS.includes(values.kind as DocumentKind)) {
    throw new UsageError(`--kind must be one of ${DOCUMENT_KINDS.join(', ')}, not "${values.kind}".`);
  }
  const reports = await lintPaths(positionals.length > 0 ? positionals : ['.'], { profile, kind: values.kind as DocumentKind | undefined });
  io.out(values.format === 'json' ? JSON.stringify(toJson(reports)) : toText(reports));
  return summarize(reports).errors > 0 ? 1 : 0;
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
