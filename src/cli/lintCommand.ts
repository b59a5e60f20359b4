// `incident-workbench lint`: lints files and folders and prints the findings as text or JSON.
import * as path from 'node:path';
import { kindFromProfileFolders, lintNamedFile, parseMarkdown, toPosix, type DocumentKind, type Finding, type Profile } from '../core';
import { readIncident } from '../core/postmortem/model';
import { explainSections, type SectionExplanation } from '../core/postmortem/sections';
import type { SloDefinition } from '../core/slo/types';
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
  /** Also tell, per file, which heading satisfied which profile section (the JSON output shows it). */
  readonly explainSections?: boolean;
}

/**
 * Lints `paths`. A folder contributes the Markdown files under it that the profile's
 * folders classify; a file named explicitly is always linted, its kind taken from the
 * profile's folders, else words in its path, else its content, else `postmortem`.
 * Throws a `UsageError` for a path that does not exist.
 */
export async function lintPaths(paths: readonly string[], options: LintCommandOptions): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const given of paths) {
    if (await isDirectory(given)) {
      for (const file of await findMarkdownFiles(given)) {
        if (options.kind ?? kindFromProfileFolders(relativeToRoot(file, options.root), options.profile)) {
          reports.push(await lintFile(file, options));
        }
      }
    } else {
      reports.push(await lintFile(given, options));
    }
  }
  return reports;
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
  const { kind, findings } = lintNamedFile(relativeToRoot(file, options.root), text, options.profile, options.kind, { slos: options.slos });
  if (!options.explainSections) return { path: toPosix(file), kind, findings };
  const sections = explainSections(readIncident(parseMarkdown(text), kind, options.profile).sections);
  return { path: toPosix(file), kind, findings, sections };
}
