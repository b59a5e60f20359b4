// The lint command's output formats: text, JSON, SARIF 2.1.0 and GitHub workflow annotations.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALL_RULES, type Finding } from '../core';
import type { FileReport } from './lintCommand';
import { plural } from '../core/text';

/** The output formats `lint --format` accepts. */
export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** Counts files and findings by severity. */
export function summarize(reports: readonly FileReport[]): {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
} {
  const all = reports.flatMap((r) => r.findings);
  return {
    files: reports.length,
    errors: all.filter((f) => f.severity === 'error').length,
    warnings: all.filter((f) => f.severity === 'warning').length,
    infos: all.filter((f) => f.severity === 'info').length,
  };
}

/** 1-based positions, as every output format shows them. */
function oneBased(f: Finding): { line: number; column: number; endLine: number; endColumn: number } {
  return {
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
  };
}

/** The JSON document of `--format json`. */
export function toJson(reports: readonly FileReport[]): object {
  return {
    files: reports.map((r) => ({
      path: r.path,
      kind: r.kind,
      findings: r.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, ...oneBased(f) })),
      // Which heading satisfied which profile section, and how (title, synonym, head noun, bold label, step...).
      ...(r.sections
        ? {
            sections: r.sections.map((s) => ({
              section: s.section,
              id: s.id,
              heading: s.heading,
              line: s.line,
              how: s.how,
            })),
          }
        : {}),
    })),
    summary: summarize(reports),
  };
}

/** Human-readable output: one `path:line:column  severity  RULE  message` line per finding, then a summary. */
export function toText(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    for (const f of r.findings) {
      const p = oneBased(f);
      lines.push(`${r.path}:${p.line}:${p.column}  ${f.severity.padEnd(7)}  ${f.ruleId}  ${f.message}`);
    }
  }
  const s = summarize(reports);
  lines.push(
    `${plural(s.files, 'file')} linted: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'info')}.`,
  );
  return lines.join('\n');
}

/** Escapes a value for a GitHub workflow command's data or property. */
function escapeGithub(value: string, property: boolean): string {
  let out = value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  if (property) out = out.replace(/:/g, '%3A').replace(/,/g, '%2C');
  return out;
}

/** `::error file=...,line=...::message` workflow commands, one per finding (info becomes notice). */
export function toGithub(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    for (const f of r.findings) {
      const p = oneBased(f);
      const level = f.severity === 'info' ? 'notice' : f.severity;
      const props = `file=${escapeGithub(r.path, true)},line=${p.line},col=${p.column},endLine=${p.endLine},endColumn=${p.endColumn},title=${escapeGithub(f.ruleId, true)}`;
      lines.push(`::${level} ${props}::${escapeGithub(`${f.ruleId} ${f.message}`, false)}`);
    }
  }
  return lines.join('\n');
}

/** Where SARIF's paths and links are resolved from. */
export interface SarifOptions {
  /** The workspace root, absolute: result URIs are relative to it (GitHub code scanning wants paths from the repository root). */
  readonly root?: string;
  /** The folder the reports' paths are relative to; default the current folder. */
  readonly cwd?: string;
  /**
   * The package's repository URL (package.json `repository`): each rule gets a `helpUri` to its
   * page there. Without one no `helpUri` is emitted, since there is no public page to link to.
   */
  readonly repository?: string;
}

/** `https://github.com/o/r` from `git+https://github.com/o/r.git`, `github:o/r` or `o/r`; undefined when not a web URL. */
export function repositoryWebUrl(repository: string): string | undefined {
  const short = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(repository);
  if (short) return `https://github.com/${short[1].replace(/\.git$/, '')}`;
  const url = repository
    .replace(/^git\+/, '')
    .replace(/\.git$/, '')
    .replace(/^git@([^:]+):/, 'https://$1/');
  return /^https?:\/\//.test(url) ? url.replace(/\/+$/, '') : undefined;
}

/** A report's path as a SARIF URI: relative to `root` (forward slashes, percent-encoded) when inside it, else a file: URI. */
function sarifUri(file: string, options: SarifOptions): { uri: string; uriBaseId?: string } {
  const encode = (p: string) => p.split('/').map(encodeURIComponent).join('/');
  if (!options.root) return { uri: encode(file) };
  const absolute = path.resolve(options.cwd ?? process.cwd(), file);
  const rel = path.relative(options.root, absolute).split(path.sep).join('/');
  if (rel.startsWith('../') || path.isAbsolute(rel) || rel === '..') return { uri: pathToFileURL(absolute).href };
  return { uri: encode(rel), uriBaseId: '%SRCROOT%' };
}

/** A SARIF 2.1.0 log with one run, the rules table as the driver's rules. */
export function toSarif(reports: readonly FileReport[], version: string, options: SarifOptions = {}): object {
  const ruleIndex = new Map(ALL_RULES.map((r, i) => [r.id, i]));
  const web = options.repository ? repositoryWebUrl(options.repository) : undefined;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'incident-workbench',
            version,
            rules: ALL_RULES.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: r.title },
              defaultConfiguration: { level: r.defaultSeverity === 'info' ? 'note' : r.defaultSeverity },
              help: { text: `See docs/rules/${r.id}.md in the incident-workbench package.` },
              ...(web ? { helpUri: `${web}/blob/HEAD/docs/rules/${r.id}.md` } : {}),
            })),
          },
        },
        results: reports.flatMap((r) =>
          r.findings.map((f) => {
            const p = oneBased(f);
            return {
              ruleId: f.ruleId,
              ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
              level: f.severity === 'info' ? 'note' : f.severity,
              message: { text: f.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: sarifUri(r.path, options),
                    region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
                  },
                },
              ],
            };
          }),
        ),
      },
    ],
  };
}
