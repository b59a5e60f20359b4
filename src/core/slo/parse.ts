// Reads slo.yaml (OpenSLO v1, Sloth prometheus/v1 or the short form, several documents allowed) into SLOs and located problems.
import { parseAllDocuments, type Document } from 'yaml';
import type * as z from 'zod';
import { locate, SourceMap } from '../config/locate';
import { describeExpected, describeValue, formatPath } from '../config/messages';
import type { Range } from '../markdown/position';
import { isPlainObject as isObject, valueAt } from '../objectPath';
import { parseZone, toUtcMinutes } from '../timeline/zones';
import { openSloSchema, SHORT_KEYS, shortFileSchema, shortSloSchema, slothCrdSchema, slothSchema } from './schema';
import type { SloDefinition, SloFile, SloProblem, SloWindow } from './types';
import { isApproximateRolling, parseDuration } from './window';

/** The file names looked for at a workspace root, in order. */
export const SLO_FILE_NAMES: readonly string[] = ['slo.yaml', 'slo.yml', 'slos.yaml', 'slos.yml'];

/** The largest slo.yaml read, in bytes. */
export const MAX_SLO_BYTES = 1024 * 1024;

/** The window used when a file does not give one (Sloth's default period). */
export const DEFAULT_WINDOW = '30d';

type Path = ReadonlyArray<string | number>;
type Issue = z.core.$ZodIssue;

/**
 * Parses the text of slo.yaml. Each YAML document (separated by `---`) is one of: an OpenSLO v1
 * document (`apiVersion: openslo/v1`; only `kind: SLO` is read, other kinds are skipped), a Sloth
 * file (`version: prometheus/v1`, or `kind: PrometheusServiceLevel`), or the short form
 * (`slos:` listing `{service, objective, window}` entries, or one such entry). A definition with
 * an error is left out; the problems say where, with 0-based ranges. Pure: no IO.
 */
export function parseSloFile(text: string, fileName = 'slo.yaml'): SloFile {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // YAML reads a lone CR as text; editors break the line there. Same length, so offsets hold.
  text = text.replace(/\r(?!\n)/g, '\n');
  const problems: SloProblem[] = [];
  const slos: SloDefinition[] = [];
  let docs: Document[];
  try {
    docs = Array.from(parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false }) as Iterable<Document>);
  } catch (e) {
    return {
      slos,
      problems: [
        { severity: 'error', message: `invalid YAML: ${e instanceof Error ? e.message : String(e)}`, range: zero() },
      ],
      fileName,
    };
  }
  const map = new SourceMap(text);
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      for (const e of doc.errors)
        problems.push({
          severity: 'error',
          message: `invalid YAML: ${e.message.split('\n')[0]}`,
          range: map.firstLine(e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)),
        });
      continue;
    }
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      problems.push({
        severity: 'error',
        message: `invalid YAML: ${e instanceof Error ? e.message : String(e)}`,
        range: locate(doc, map, []),
      });
      continue;
    }
    if (data === null || data === undefined) continue;
    new DocumentReader(doc, map, data, problems, slos).read();
  }
  if (slos.length === 0 && problems.length === 0) {
    problems.push({
      severity: 'warning',
      message: 'the file defines no SLO; list them under slos: (see docs/metrics.md)',
      range: map.top(),
    });
  }
  const seen = new Set<string>();
  for (const slo of slos) {
    if (seen.has(slo.name))
      problems.push({
        severity: 'warning',
        message: `the name "${slo.name}" is used by more than one SLO; give each a distinct name`,
        range: slo.range,
      });
    seen.add(slo.name);
  }
  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { slos, problems, fileName };
}

class DocumentReader {
  constructor(
    private readonly doc: Document,
    private readonly map: SourceMap,
    private readonly data: unknown,
    private readonly problems: SloProblem[],
    private readonly slos: SloDefinition[],
  ) {}

  read(): void {
    const data = this.data;
    if (isObject(data) && typeof data.apiVersion === 'string' && data.apiVersion.startsWith('openslo/'))
      return this.openSlo(data);
    if (isObject(data) && data.apiVersion === 'sloth.slok.dev/v1') return this.sloth(data, true);
    if (isObject(data) && data.version !== undefined) {
      if (data.version === 'prometheus/v1') return this.sloth(data, false);
      this.warn(
        ['version'],
        `version: only Sloth's prometheus/v1 is read (got ${describeValue(data.version)}); this document is ignored`,
      );
      return;
    }
    // Paths inside `{ slos: [...] }` are mapped back to where the document has them.
    if (Array.isArray(data)) return this.short({ slos: data }, (p) => p.slice(1), []);
    if (isObject(data) && 'slos' in data) return this.short(data, (p) => p, ['slos']);
    if (isObject(data) && ('service' in data || 'objective' in data))
      return this.short({ slos: [data] }, (p) => p.slice(2), []);
    this.error(
      [],
      'not an SLO definition: expected OpenSLO (apiVersion: openslo/v1, kind: SLO), Sloth (version: prometheus/v1) or the short form (slos: with service, objective and window)',
    );
  }

  private openSlo(data: Record<string, unknown>): void {
    if (data.apiVersion !== 'openslo/v1') {
      this.warn(
        ['apiVersion'],
        `apiVersion: only openslo/v1 is read (got ${describeValue(data.apiVersion)}); this document is ignored`,
      );
      return;
    }
    if (data.kind === undefined) return this.error(['kind'], 'kind: is required (SLO, Service, SLI, ...)');
    // Service, SLI, AlertPolicy and other kinds describe what an SLO refers to; only SLO carries an objective.
    if (data.kind !== 'SLO') return;
    const parsed = openSloSchema.safeParse(data);
    if (!parsed.success) return this.issues(parsed.error.issues, []);
    const { metadata, spec } = parsed.data;
    const tw = spec.timeWindow[0];
    const window = this.window(tw.duration, tw.isRolling === true ? undefined : tw.calendar, ['spec', 'timeWindow', 0]);
    if (!window) return;
    if (!spec.indicator && !spec.indicatorRef)
      this.warn(
        ['spec'],
        'spec: an OpenSLO SLO names its indicator (indicator or indicatorRef); the error budget does not need it',
      );
    spec.objectives.forEach((o, i) => {
      const objective = o.targetPercent ?? Number(((o.target as number) * 100).toPrecision(12));
      const label = o.displayName ?? o.name ?? String(i + 1);
      this.add({
        name: spec.objectives.length === 1 ? metadata.name : `${metadata.name}/${label}`,
        service: spec.service,
        objective,
        window: window.window,
        budgetingMethod: spec.budgetingMethod,
        description: spec.description,
        format: 'openslo',
        range: this.at(['spec', 'objectives', i], 'key'),
        assumptions: window.assumptions,
      });
    });
  }

  private sloth(data: Record<string, unknown>, crd: boolean): void {
    const parsed = crd ? slothCrdSchema.safeParse(data) : slothSchema.safeParse(data);
    if (!parsed.success) return this.issues(parsed.error.issues, []);
    const body = crd
      ? (parsed.data as z.infer<typeof slothCrdSchema>).spec
      : (parsed.data as z.infer<typeof slothSchema>);
    const window = this.window(DEFAULT_WINDOW, undefined, []);
    if (!window) return;
    body.slos.forEach((slo, i) =>
      this.add({
        name: slo.name,
        service: body.service,
        objective: slo.objective,
        window: window.window,
        description: slo.description,
        format: 'sloth',
        range: this.at([...(crd ? ['spec'] : []), 'slos', i], 'key'),
        assumptions: [`Sloth files give no window; Sloth's default of ${DEFAULT_WINDOW} is used`],
      }),
    );
  }

  /** `body` is `{ slos: [...] }`; `mapPath` maps its paths back to the document; `topKeys` lists the known top-level keys. */
  private short(body: Record<string, unknown>, mapPath: (path: Path) => Path, topKeys: readonly string[]): void {
    if (topKeys.length > 0) {
      for (const key of Object.keys(body))
        if (!topKeys.includes(key))
          this.warn(
            [key],
            `${key}: unknown key, ignored (the short form has slos: with service, objective and window)`,
          );
    }
    const list = Array.isArray(body.slos) ? body.slos : undefined;
    if (!list) return this.issues(shortFileSchema.safeParse(body).error?.issues ?? [], [], mapPath);
    if (list.length === 0)
      return this.error(mapPath(['slos']), `${formatPath(mapPath(['slos']))}: must list at least one SLO`);
    list.forEach((entry, i) => {
      const entryPath = mapPath(['slos', i]);
      if (isObject(entry)) {
        for (const key of Object.keys(entry)) {
          if (!SHORT_KEYS.includes(key))
            this.warn(
              [...entryPath, key],
              `${formatPath([...entryPath, key])}: unknown key, ignored; an entry has ${SHORT_KEYS.join(', ')}`,
              'key',
            );
        }
      }
      const parsed = shortSloSchema.safeParse(entry);
      if (!parsed.success) return this.issues(parsed.error.issues, entryPath);
      const given = parsed.data.window;
      const window = this.window(given ?? DEFAULT_WINDOW, undefined, [...entryPath, 'window']);
      if (!window) return;
      this.add({
        name: parsed.data.name ?? parsed.data.service,
        service: parsed.data.service,
        objective: parsed.data.objective,
        window: window.window,
        description: parsed.data.description,
        format: 'short',
        range: this.at(entryPath, 'value'),
        assumptions: [...(given ? [] : [`no window given; ${DEFAULT_WINDOW} is used`]), ...window.assumptions],
      });
    });
  }

  private window(
    duration: string,
    calendar: { startTime: string; timeZone: string } | undefined,
    path: Path,
  ): { window: SloWindow; assumptions: string[] } | undefined {
    const parsed = parseDuration(duration);
    if (!parsed) {
      this.error([...path, 'duration'], `${formatPath(path)}: must be a duration such as 30d`);
      return undefined;
    }
    if (!calendar) {
      const assumptions = isApproximateRolling(parsed.unit)
        ? [
            `a rolling ${duration} window is counted as ${parsed.count * ({ M: 30, Q: 90, Y: 365 } as Record<string, number>)[parsed.unit]} days`,
          ]
        : [];
      return { window: { kind: 'rolling', duration, ...parsed }, assumptions };
    }
    const zone = parseZone(calendar.timeZone);
    if (!zone) {
      this.error(
        [...path, 'calendar', 'timeZone'],
        `${formatPath([...path, 'calendar', 'timeZone'])}: unknown time zone ${describeValue(calendar.timeZone)}; use an IANA name such as Europe/Berlin, or UTC`,
      );
      return undefined;
    }
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?\s*$/.exec(calendar.startTime.trim());
    if (!m) {
      this.error(
        [...path, 'calendar', 'startTime'],
        `${formatPath([...path, 'calendar', 'startTime'])}: must be a time such as "2026-01-01 00:00:00" (got ${describeValue(calendar.startTime)})`,
      );
      return undefined;
    }
    const local = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0)) / 60_000;
    return { window: { kind: 'calendar', duration, ...parsed, anchor: toUtcMinutes(zone, local) }, assumptions: [] };
  }

  private add(slo: SloDefinition): void {
    this.slos.push(slo);
  }

  private issues(issues: readonly Issue[], base: Path, mapPath: (p: Path) => Path = (p) => [...base, ...p]): void {
    for (const issue of issues) {
      const local = issue.path as Path;
      const path = mapPath(local);
      this.error(path, `${formatPath(path)}: ${describeIssue(issue, valueAt(this.data, path))}`);
    }
  }

  private at(path: Path, at: 'key' | 'value'): Range {
    return locate(this.doc, this.map, path, at);
  }

  private error(path: Path, message: string): void {
    this.problems.push({ severity: 'error', message, range: this.at(path, 'value') });
  }

  private warn(path: Path, message: string, at: 'key' | 'value' = 'key'): void {
    this.problems.push({ severity: 'warning', message, range: this.at(path, at) });
  }
}

function describeIssue(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'is required';
      if (issue.message && !/^Invalid input/.test(issue.message))
        return `${issue.message} (got ${describeValue(value)})`;
      return `must be ${describeExpected(issue.expected)} (got ${describeValue(value)})`;
    case 'invalid_value':
      return `must be ${issue.values.length === 1 ? String(issue.values[0]) : `one of ${issue.values.map(String).join(', ')}`} (got ${describeValue(value)})`;
    case 'too_small':
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string'
        ? issue.message
        : `${issue.message} (got ${describeValue(value)})`;
    case 'invalid_format':
      return `${issue.message} (got ${describeValue(value)})`;
    default:
      return issue.message;
  }
}

function zero(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
