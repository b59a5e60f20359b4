// `lint --baseline FILE` and `lint --baseline-write FILE`: record today's findings, then fail only on new ones.
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { toPosix } from '../core/lint/documentKind';
import { splitLines } from '../core/markdown/model';
import {
  createBaseline,
  formatBaseline,
  parseBaseline,
  splitByBaseline,
  type BaselineFile,
} from '../core/lint/baseline';
import { readText } from '../services/fileSystemService';
import { UsageError } from './common';
import type { FileReport } from './lintCommand';

export const BASELINE_USAGE = `Usage:
  incident-workbench lint [paths...] --baseline-write FILE
  incident-workbench lint [paths...] --baseline FILE

--baseline-write records every finding of this lint in FILE (JSON), by rule, file (relative to the
current folder: run it from the repository root, where the editor setting
incidentWorkbench.diagnostics.baseline reads it) and a hash of the
finding's text, and exits 0. --baseline reports, and fails on, only the findings FILE does not hold;
a finding stays recorded when other parts of its document are edited, and is reported again once its
own line changes. Commit FILE so old postmortems stop failing CI while new ones meet the bar.

Examples:
  incident-workbench lint --baseline-write .incident-workbench-baseline.json
  incident-workbench lint --baseline .incident-workbench-baseline.json --format github`;

/** Each report's file, keyed by its path relative to the current folder (run from the root, as the editor reads them). */
async function asBaselineFiles(reports: readonly FileReport[]): Promise<BaselineFile[]> {
  return Promise.all(
    reports.map(async (r) => ({
      path: keyPath(r.path),
      lines: splitLines(await readText(r.path)),
      findings: r.findings,
    })),
  );
}

function keyPath(file: string): string {
  return toPosix(path.relative(process.cwd(), path.resolve(file)));
}

/** Writes the baseline of `reports` to `file`; returns how many findings it holds. */
export async function writeBaselineFile(file: string, reports: readonly FileReport[]): Promise<number> {
  await writeFile(file, formatBaseline(createBaseline(await asBaselineFiles(reports))));
  return reports.reduce((n, r) => n + r.findings.length, 0);
}

/** The reports without the findings `file` holds, and how many were left out. Throws UsageError for a bad file. */
export async function applyBaselineFile(
  file: string,
  reports: readonly FileReport[],
): Promise<{ reports: FileReport[]; baselined: number }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(
      `${file}: the baseline cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)}); create it with --baseline-write ${file}.`,
    );
  }
  let baseline;
  try {
    baseline = parseBaseline(text);
  } catch (e) {
    throw new UsageError(`${file}: ${(e as Error).message}.`);
  }
  const { fresh } = splitByBaseline(baseline, await asBaselineFiles(reports));
  let baselined = 0;
  const out = reports.map((r) => {
    const findings = fresh.get(keyPath(r.path)) ?? r.findings;
    baselined += r.findings.length - findings.length;
    return { ...r, findings };
  });
  return { reports: out, baselined };
}
