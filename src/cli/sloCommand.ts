// `incident-workbench slo`: the error budget of each SLO in slo.yaml, as consumed by the postmortems' incidents.
import { argumentErrorMessage, isArgumentError } from './args';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { toPosix } from '../core';
import { summarizeIncident } from '../core/incident/summary';
import { dayNumber, parseDate } from '../core/postmortem/dates';
import { budgetJson, budgetReport, budgetText } from '../core/slo';
import { readText } from '../services/fileSystemService';
import { readPostmortems } from '../services/indexService';
import { findSloFile, loadSloFile } from '../services/sloService';
import { cliProfile, CommandUsageError, type CommandIo } from './indexCommand';

export const SLO_USAGE = `Usage:
  incident-workbench slo [--incident FILE] [--format text|json] [--slo FILE] [--root DIR]
                         [--as-of YYYY-MM-DD|now] [--profile NAME | --config FILE]
                         [--fail-when-exhausted]

Prints the error budget of each SLO in slo.yaml (OpenSLO v1, Sloth prometheus/v1 or the short
form) and what the incidents of its service consumed: duration × affected fraction (front
matter "affected: 40%" or an "Affected requests: 40%" line; a full outage when absent, said so).
  --incident FILE   only the SLOs of this incident, over the window ending when it ended
  --as-of DATE      windows ending at the end of DATE (UTC), or now; default: the end of the
                    latest incident, so the numbers do not change with the day they are run
  --format json     {"slos":[{"name","service","objective","windowDays","budgetMinutes",
                    "consumedMinutes","remainingMinutes","exhausted","incidents":[{"path",
                    "consumedMinutes","share"}]}]}, minutes rounded to 0.1
Exit codes: 0 done, 1 a budget is exhausted and --fail-when-exhausted is given,
2 usage error or an error in slo.yaml or the configuration.`;

/** Runs `incident-workbench slo` with `args` (after the command name); returns the exit code. */
export async function runSlo(args: readonly string[], io: CommandIo): Promise<number> {
  try {
    return await sloCommand(args, io);
  } catch (e) {
    if (e instanceof CommandUsageError || isArgumentError(e)) {
      io.err(
        `incident-workbench slo: ${isArgumentError(e) ? argumentErrorMessage(e, 'slo') : (e as Error).message}\n\n${SLO_USAGE}`,
      );
      return 2;
    }
    throw e;
  }
}

async function sloCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    allowPositionals: false,
    options: {
      incident: { type: 'string' },
      format: { type: 'string', default: 'text' },
      slo: { type: 'string' },
      root: { type: 'string' },
      'as-of': { type: 'string' },
      profile: { type: 'string' },
      config: { type: 'string' },
      'fail-when-exhausted': { type: 'boolean', default: false },
    },
  });
  if (values.format !== 'text' && values.format !== 'json')
    throw new CommandUsageError(`--format must be text or json, not "${values.format}".`);
  const now = Math.floor(Date.now() / 60_000);
  const asOf = readAsOf(values['as-of'], now);
  const resolved = await cliProfile(values, io);
  if (!resolved) return 2;
  const { root, profile } = resolved;

  const sloPath = values.slo ?? (await findSloFile(root));
  if (!sloPath) {
    io.err(
      `incident-workbench slo: no slo.yaml in ${root === '.' ? 'this folder' : root}; write one (see docs/metrics.md) or pass --slo FILE.`,
    );
    return 2;
  }
  const sloFile = await loadSloFile(sloPath);
  const shownSloPath = toPosix(path.relative(process.cwd(), sloPath)) || sloPath;
  for (const p of sloFile.problems)
    io.err(`${shownSloPath}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.severity}: ${p.message}`);
  if (sloFile.problems.some((p) => p.severity === 'error')) return 2;

  const incidents = await readPostmortems(root, profile);
  let focusPath: string | undefined;
  if (values.incident !== undefined) {
    focusPath = toPosix(path.relative(path.resolve(root), path.resolve(values.incident)));
    if (!incidents.some((i) => i.path === focusPath)) {
      let text: string;
      try {
        text = await readText(values.incident);
      } catch {
        throw new CommandUsageError(`--incident ${values.incident}: no such file.`);
      }
      incidents.push(summarizeIncident({ path: focusPath, text, profile, kind: 'postmortem' }));
    }
  }
  const report = budgetReport(incidents, sloFile.slos, { asOf, focusPath, now });
  io.out(values.format === 'json' ? JSON.stringify(budgetJson(report)) : budgetText(report, shownSloPath));
  return values['fail-when-exhausted'] && report.slos.some((s) => s.exhausted) ? 1 : 0;
}

function readAsOf(text: string | undefined, now: number): number | undefined {
  if (text === undefined) return undefined;
  if (text === 'now') return now;
  const date = parseDate(text);
  if (!date || date === 'invalid')
    throw new CommandUsageError(`--as-of must be a date such as 2026-03-31, or now (got "${text}").`);
  // The end of the day: incidents of that day are inside the window.
  return (dayNumber(date) + 1) * 1440;
}
