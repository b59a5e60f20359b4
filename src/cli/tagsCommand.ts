// `incident-workbench tags`: lists the INCIDENT tags in code with the incident document each links to, as text or JSON.
import { argumentErrorMessage, isArgumentError } from './args';
import { UsageError } from './common';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PROFILE_NAME, findProfile, profileNames, type Finding, type Profile } from '../core';
import { toPosix } from '../core/lint/documentKind';
import { incidentDocuments, linkTag, tagFindings, type IncidentDocumentRef } from '../core/tags';
import { findMarkdownFiles } from '../services/fileSystemService';
import { scanTags } from '../services/tags/tagScanner';
import type { TagScanResult } from '../services/tags/tagScanTypes';
import { plural } from '../core/text';

/** The output formats `tags --format` accepts. */
export const TAG_FORMATS = ['text', 'json'] as const;
type TagFormat = (typeof TAG_FORMATS)[number];

/** One tag, as `tags --format json` prints it. */
export interface TagJson {
  /** The file, relative to the current folder, forward slashes. */
  readonly path: string;
  /** 1-based line of the tag. */
  readonly line: number;
  /** 1-based column of `INCIDENT`. */
  readonly column: number;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly slug: string | null;
  readonly description: string;
  /** The linked document (relative path; the first when several match), or null. */
  readonly incident: string | null;
}

export const TAGS_USAGE = `Usage:
  incident-workbench tags [paths...] [--format text|json] [--profile NAME]

Lists the INCIDENT-YYYY-MM-DD tags in code comments under the current folder (or the paths
given, which must be inside it) and the incident document each one links to. Respects
.gitignore; skips node_modules, .git, build output, binary files and files over 1 MiB.
Problems (TG001 no incident document, TG002 invalid tag) go to standard error.
Exits 1 when a problem has the level error (an invalid tag, by default), 2 on a usage error.`;

/** A usage error: the message is printed with the usage and the exit code is 2. */

/** Runs `incident-workbench tags` with `args` (after the command name) and returns the exit code. */
export async function runTags(args: string[], io: { out(t: string): void; err(t: string): void }): Promise<number> {
  let options: { format: TagFormat; profile: Profile; paths: string[] };
  try {
    options = parseTagArgs(args);
  } catch (e) {
    if (e instanceof UsageError || isArgumentError(e)) {
      io.err(`incident-workbench: ${isArgumentError(e) ? argumentErrorMessage(e, 'tags') : (e as Error).message}\n\n${TAGS_USAGE}`);
      return 2;
    }
    throw e;
  }
  const root = process.cwd();
  const scan = await scanTags({ root, paths: options.paths, engine: 'node' });
  const documents = incidentDocuments((await findMarkdownFiles('.')).map(toPosix), options.profile);
  const json = toTagJson(scan, documents);
  if (options.format === 'json') io.out(JSON.stringify(json));
  else if (json.length > 0) io.out(toTagText(json));

  const findings = scan.files.flatMap((file) => tagFindings(file, documents, options.profile).map((f) => ({ path: file.path, finding: f })));
  for (const { path: file, finding } of findings) io.err(findingLine(file, finding));
  io.err(summaryLine(scan, json.length));
  return findings.some(({ finding }) => finding.severity === 'error') ? 1 : 0;
}

function parseTagArgs(args: string[]): { format: TagFormat; profile: Profile; paths: string[] } {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      profile: { type: 'string', default: DEFAULT_PROFILE_NAME },
    },
  });
  if (!TAG_FORMATS.includes(values.format as TagFormat)) {
    throw new UsageError(`--format must be one of ${TAG_FORMATS.join(', ')}, not "${values.format}".`);
  }
  const profile = findProfile(values.profile);
  if (!profile) throw new UsageError(`Unknown profile "${values.profile}". Built-in profiles: ${profileNames().join(', ')}.`);
  const root = process.cwd();
  const paths = positionals.map((given) => {
    const rel = path.relative(root, path.resolve(root, given));
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new UsageError(`${given}: tags are listed inside the current folder only.`);
    if (!existsSync(path.join(root, rel))) throw new UsageError(`${given}: no such file or folder.`);
    return toPosix(rel);
  });
  return { format: values.format as TagFormat, profile, paths };
}

/** Every tag of the scan with its linked document, in path and line order. */
export function toTagJson(scan: Pick<TagScanResult, 'files'>, documents: readonly IncidentDocumentRef[]): TagJson[] {
  return scan.files.flatMap((file) => file.tags.map((tag) => ({
    path: file.path,
    line: tag.range.start.line + 1,
    column: tag.range.start.character + 1,
    date: tag.dateText,
    slug: tag.slug ?? null,
    description: tag.description,
    incident: linkTag(tag, documents)[0]?.path ?? null,
  })));
}

/** One `path:line:column  INCIDENT-… : description  → document` line per tag. */
export function toTagText(tags: readonly TagJson[]): string {
  return tags
    .map((t) => `${t.path}:${t.line}:${t.column}  INCIDENT-${t.date}${t.slug ? ` ${t.slug}` : ''}: ${t.description}  → ${t.incident ?? 'no incident document'}`)
    .join('\n');
}

function findingLine(file: string, f: Finding): string {
  return `${file}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity.padEnd(7)}  ${f.ruleId}  ${f.message}`;
}

function summaryLine(scan: TagScanResult, tags: number): string {
  const { filesSearched, skippedBinary, skippedLarge } = scan.stats;
  const files = new Set(scan.files.filter((f) => f.tags.length > 0).map((f) => f.path)).size;
  return `${plural(tags, 'tag')} in ${plural(files, 'file')}; ${plural(filesSearched, 'file')} searched, ` +
    `${plural(skippedBinary, 'binary file')} and ${plural(skippedLarge, 'file')} over 1 MiB skipped.`;
}
