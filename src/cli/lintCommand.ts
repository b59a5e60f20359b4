// `incident-workbench lint`: lints files and folders and prints the findings as text or JSON, and what it skipped.
import * as path from 'node:path';
import { DOCUMENT_KINDS, kindFromProfileFolders, lintNamedFile, parseMarkdown, toPosix, type DocumentKind, type Finding, type Profile } from '../core';
import { readIncident } from '../core/postmortem/model';
import { explainSections, type SectionExplanation } from '../core/postmortem/sections';
import type { SloDefinition } from '../core/slo/types';
import type { WorkspaceFacts } from '../core/rules/postmortemRequired';
import { UsageError } from './common';
import { findMarkdownFiles, isDirectory, readText } from '../services/fileSystemService';

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
 * Lints `paths`. A folder contributes the Markdown files under it that the profile's
 * folders classify (all of them with `kind`); the others are listed in `skipped`. A file named
 * explicitly is always linted, its kind taken from the profile's folders, else words in its
 * path, else its content, else `postmortem`. Throws a `UsageError` for a path that does not exist.
 */
export async function lintPaths(paths: readonly string[], options: LintCommandOptions): Promise<LintRun> {
  const reports: FileReport[] = [];
  const outsideFolders: string[] = [];
  const notDocuments: string[] = [];
  for (const given of paths) {
    if (await isDirectory(given)) {
      for (const file of await findMarkdownFiles(given)) {
        const relative = relativeToRoot(file, options.root);
        if (options.kind ?? kindFromProfileFolders(relative, options.profile)) {
          reports.push(await lintFile(file, options));
        } else {
          // Skipped for its name when a document of any other name would be linted in its place.
          const sibling = `${relative.slice(0, relative.length - path.basename(relative).length)}document.md`;
          (kindFromProfileFolders(sibling, options.profile) ? notDocuments : outsideFolders).push(toPosix(file));
        }
      }
    } else {
      reports.push(await lintFile(given, options));
    }
  }
  return { reports, skipped: { outsideFolders, notDocuments } };
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
    lines.push(`skipped ${files(outsideFolders.length)} in none of the ${profile.name} profile's folders (${folders.join(', ')}): ${examples}. ` +
      `To lint ${outsideFolders.length === 1 ? 'it' : 'them'}, give the kind with --kind ${DOCUMENT_KINDS.join('|')}, or set the folders in .incident-workbench.yaml.`);
  }
  if (notDocuments.length > 0) {
    lines.push(`skipped ${files(notDocuments.length)} named README, index, changelog, contributing, license or template, which are not incident documents` +
      ` (--kind lints ${notDocuments.length === 1 ? 'it' : 'them'} too).`);
  }
  return lines;
}

/** `file` relative to the config's folder, so profile folders match when the CLI runs from a subfolder. */
function relativeToRoot(file: string, root: string | undefined): string {
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
    throw new UsageError(code === 'ENOENT' ? `${file}: no such file or folder.` : `${file}: cannot be read (${code ?? String(e)}).`);
  }
  const { kind, findings } = lintNamedFile(relativeToRoot(file, options.root), text, options.profile, options.kind, { slos: options.slos, sloFileMissing: options.sloFileMissing, workspace: options.workspace });
  if (!options.explainSections) return { path: toPosix(file), kind, findings };
  const sections = explainSections(readIncident(parseMarkdown(text), kind, options.profile).sections);
  return { path: toPosix(file), kind, findings, sections };
}
