// `incident-workbench lint`: lints files and folders and prints the findings as text or JSON, and what it skipped.
import * as path from 'node:path';
import {
  DOCUMENT_KINDS,
  kindFromProfileFolders,
  lintNamedFile,
  parseMarkdown,
  toPosix,
  type DocumentKind,
  type Finding,
  type Profile,
} from '../core';
import { readIncident } from '../core/postmortem/model';
import { explainSections, type SectionExplanation } from '../core/postmortem/sections';
import type { SloDefinition } from '../core/slo/types';
import type { WorkspaceFacts } from '../core/rules/postmortemRequired';
import { UsageError } from './common';
import { readText } from '../services/fileSystemService';
import type { LintTarget } from './lintTargets';

/** One linted file, as the JSON output shows it. */
export interface FileReport {
  readonly path: string;
  readonly kind: DocumentKind;
  readonly findings: readonly Finding[];
  /** Which heading satisfied which profile section (when `explainSections` was asked for). */
  readonly sections?: readonly SectionExplanation[];
}

/** What `lint` needs besides the paths. */
export interface LintCommandOptions {
  readonly profile: Profile;
  /** Forces the kind of every file. */
  readonly kind?: DocumentKind;
  /** The folder the profile's folders are relative to (where the config file is), when known. */
  readonly root?: string;
  /** The SLOs of the workspace (for PM015). */
  readonly slos?: readonly SloDefinition[];
  /** True when the workspace has no SLO file (for PM016). */
  readonly sloFileMissing?: boolean;
  /** The workspace's postmortems (for IN001). */
  readonly workspace?: WorkspaceFacts;
  /** Also tell, per file, which heading satisfied which profile section (the JSON output shows it). */
  readonly explainSections?: boolean;
}

/** Markdown files found in the folders given that were not linted, by reason. */
export interface SkippedFiles {
  /** In none of the profile's document folders. */
  readonly outsideFolders: readonly string[];
  /** In a document folder, but named README, index, changelog, contributing, licence or template. */
  readonly notDocuments: readonly string[];
}

/** What `lint` did: the files linted and the Markdown files it passed over. */
export interface LintRun {
  readonly reports: FileReport[];
  readonly skipped: SkippedFiles;
}

/**
 * Lints `targets` (see `resolveLintTargets`). A file found in a folder or by a glob is linted
 * when the profile's folders classify it (any with `kind`); the others are listed in `skipped`. A
 * file named outright is always linted, its kind taken from the profile's folders, else words in
 * its path, else its content, else `postmortem`. Throws a `UsageError` for a file that cannot be read.
 */
export async function lintPaths(targets: readonly LintTarget[], options: LintCommandOptions): Promise<LintRun> {
  const reports: FileReport[] = [];
  const outsideFolders: string[] = [];
  const notDocuments: string[] = [];
  for (const target of targets) {
    const { file } = target;
    const relative = relativeToRoot(file, options.root);
    if (isLinted(target, options)) {
      reports.push(await lintFile(file, options));
    } else {
      // Skipped for its name when a document of any other name would be linted in its place.
      const sibling = `${relative.slice(0, relative.length - path.basename(relative).length)}document.md`;
      (kindFromProfileFolders(sibling, options.profile) ? notDocuments : outsideFolders).push(toPosix(file));
    }
  }
  return { reports, skipped: { outsideFolders, notDocuments } };
}

/** Lints one document's text, read from standard input, as the file `name` (for its kind and the output). */
export function lintStdin(text: string, name: string, options: LintCommandOptions): FileReport {
  return lintText(name, text, options);
}

/** How many files the lint passed over and why, with the option that includes them; empty when none. */
export function skippedMessages(skipped: SkippedFiles, profile: Profile): string[] {
  const lines: string[] = [];
  const files = (n: number) => `${n} Markdown file${n === 1 ? '' : 's'}`;
  const { outsideFolders, notDocuments } = skipped;
  if (outsideFolders.length > 0) {
    const folders = DOCUMENT_KINDS.flatMap((kind) => {
      const folder = profile.documents[kind]?.folder;
      return folder === undefined ? [] : [`${folder || '.'} for ${kind}s`];
    });
    const examples = outsideFolders.slice(0, 3).join(', ') + (outsideFolders.length > 3 ? ', ...' : '');
    lines.push(
      `skipped ${files(outsideFolders.length)} in none of the ${profile.name} profile's folders (${folders.join(', ')}): ${examples}. ` +
        `To lint ${outsideFolders.length === 1 ? 'it' : 'them'}, give the kind with --kind ${DOCUMENT_KINDS.join('|')}, or set the folders in .incident-workbench.yaml.`,
    );
  }
  if (notDocuments.length > 0) {
    lines.push(
      `skipped ${files(notDocuments.length)} named README, index, changelog, contributing, license or template, which are not incident documents` +
        ` (--kind lints ${notDocuments.length === 1 ? 'it' : 'them'} too).`,
    );
  }
  return lines;
}

/** Whether lint lints `target`: named outright, or found where the profile's folders (or `--kind`) make it a document. */
export function isLinted(target: LintTarget, options: LintCommandOptions): boolean {
  return (
    target.explicit ||
    (options.kind ?? kindFromProfileFolders(relativeToRoot(target.file, options.root), options.profile)) !== undefined
  );
}

/** What the rules need of the workspace, from the command's options. */
export function lintOptionsOf(options: LintCommandOptions): {
  slos?: LintCommandOptions['slos'];
  sloFileMissing?: boolean;
  workspace?: WorkspaceFacts;
} {
  return { slos: options.slos, sloFileMissing: options.sloFileMissing, workspace: options.workspace };
}

/** `file` relative to the workspace root, so profile folders match when the CLI runs from a sub-folder. */
export function relativeToRoot(file: string, root: string | undefined): string {
  if (!root) return file;
  const rel = path.relative(root, path.resolve(file));
  return rel.startsWith('..') ? file : rel;
}

async function lintFile(file: string, options: LintCommandOptions): Promise<FileReport> {
  let text: string;
  try {
    text = await readText(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT' ? `${file}: no such file or folder.` : `${file}: cannot be read (${code ?? String(e)}).`,
    );
  }
  return lintText(file, text, options);
}

function lintText(file: string, text: string, options: LintCommandOptions): FileReport {
  const { kind, findings } = lintNamedFile(
    relativeToRoot(file, options.root),
    text,
    options.profile,
    options.kind,
    lintOptionsOf(options),
  );
  if (!options.explainSections) return { path: toPosix(file), kind, findings };
  const sections = explainSections(readIncident(parseMarkdown(text), kind, options.profile).sections);
  return { path: toPosix(file), kind, findings, sections };
}
