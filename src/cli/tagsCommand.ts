// `incident-workbench tags`: lists the INCIDENT tags in code with the incident document each links to, as text or JSON.
import { argumentErrorMessage, isArgumentError } from './args';
import { chooseProfile, UsageError } from './common';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { type Finding, type Profile } from '../core';
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
  /** The file, relative to the workspace root, forward slashes. */
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
given, inside the workspace) and the incident document each one links to, found anywhere in the
workspace (the nearest folder upwards with .incident-workbench.yaml, else .git); paths are
relative to it. Uses the configuration's profile unless --profile is given. Respects
.gitignore; skips node_modules, .git, build output, binary files and files over 1 MiB.
Problems (TG001 no incident document, TG002 invalid tag) go to standard error.
Exits 1 when a problem has the level error (an invalid tag, by default), 2 on a usage error.`;

/** A usage error: the message is printed with the usage and the exit code is 2. */

/** Runs `incident-workbench tags` with `args` (after the command name) and returns the exit code. */
export async function runTags(args: string[], io: { out(t: string): void; err(t: string): void }): Promise<number> {
  let options: { format: TagFormat; profile: Profile; root: string; paths: string[] } | undefined;
  try {
    options = await parseTagArgs(args, io);
  } catch (e) {
    if (e instanceof UsageError || isArgumentError(e)) {
      io.err(
        `incident-workbench: ${isArgumentError(e) ? argumentErrorMessage(e, 'tags') : (e as Error).message}\n\n${TAGS_USAGE}`,
      );
      return 2;
    }
    throw e;
  }
  if (!options) return 2;
  const { root } = options;
  const scan = await scanTags({ root, paths: options.paths, engine: 'node' });
  // The documents of the whole workspace, wherever the command runs, so a tag links the same from any sub-folder.
  const documents = incidentDocuments(
    (await findMarkdownFiles(root)).map((f) => toPosix(path.relative(root, f))),
    options.profile,
  );
  const json = toTagJson(scan, documents);
  if (options.format === 'json') io.out(JSON.stringify(json));
  else if (json.length > 0) io.out(toTagText(json));

  const findings = scan.files.flatMap((file) =>
    tagFindings(file, documents, options.profile).map((f) => ({ path: file.path, finding: f })),
  );
  for (const { path: file, finding } of findings) io.err(findingLine(file, finding));
  io.err(summaryLine(scan, json.length));
  return findings.some(({ finding }) => finding.severity === 'error') ? 1 : 0;
}

/** The options, the workspace root and the paths to scan relative to it (the current folder's when none is given). */
async function parseTagArgs(
  args: string[],
  io: { out(t: string): void; err(t: string): void },
): Promise<{ format: TagFormat; profile: Profile; root: string; paths: string[] } | undefined> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      profile: { type: 'string' },
    },
  });
  if (!TAG_FORMATS.includes(values.format as TagFormat)) {
    throw new UsageError(`--format must be one of ${TAG_FORMATS.join(', ')}, not "${values.format}".`);
  }
  const chosen = await chooseProfile({ profile: values.profile, searchFrom: '.' }, io);
  if (!chosen) return undefined;
  const { root } = chosen;
  const cwd = process.cwd();
  const inside = (given: string): string => {
    const rel = path.relative(root, path.resolve(cwd, given));
    if (rel.startsWith('..') || path.isAbsolute(rel))
      throw new UsageError(`${given}: tags are listed inside the workspace (${root}) only.`);
    if (!existsSync(path.join(root, rel))) throw new UsageError(`${given}: no such file or folder.`);
    return toPosix(rel);
  };
  const here = inside('.');
  const paths = positionals.length > 0 ? positionals.map(inside) : here ? [here] : [];
  return { format: values.format as TagFormat, profile: chosen.profile, root, paths };
}

/** Every tag of the scan with its linked document, in path and line order. */
export function toTagJson(scan: Pick<TagScanResult, 'files'>, documents: readonly IncidentDocumentRef[]): TagJson[] {
  return scan.files.flatMap((file) =>
    file.tags.map((tag) => ({
      path: file.path,
      line: tag.range.start.line + 1,
      column: tag.range.start.character + 1,
      date: tag.dateText,
      slug: tag.slug ?? null,
      description: tag.description,
      incident: linkTag(tag, documents)[0]?.path ?? null,
    })),
  );
}

/** One `path:line:column  INCIDENT-… : description  → document` line per tag. */
export function toTagText(tags: readonly TagJson[]): string {
  return tags
    .map(
      (t) =>
        `${t.path}:${t.line}:${t.column}  INCIDENT-${t.date}${t.slug ? ` ${t.slug}` : ''}: ${t.description}  → ${t.incident ?? 'no incident document'}`,
    )
    .join('\n');
}

function findingLine(file: string, f: Finding): string {
  return `${file}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity.padEnd(7)}  ${f.ruleId}  ${f.message}`;
}

function summaryLine(scan: TagScanResult, tags: number): string {
  const { filesSearched, skippedBinary, skippedLarge } = scan.stats;
  const files = new Set(scan.files.filter((f) => f.tags.length > 0).map((f) => f.path)).size;
  return (
    `${plural(tags, 'tag')} in ${plural(files, 'file')}; ${plural(filesSearched, 'file')} searched, ` +
    `${plural(skippedBinary, 'binary file')} and ${plural(skippedLarge, 'file')} over 1 MiB skipped.`
  );
}
