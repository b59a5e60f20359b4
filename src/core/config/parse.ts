// Reads the text of `.incident-workbench.yaml` into a profile, or into located problems when it cannot be applied.
import { isScalar, parseDocument, visit, type Document } from 'yaml';
import type * as z from 'zod';
import { range, type Range } from '../markdown/position';
import { isPlainObject, valueAt } from '../objectPath';
import { BUILT_IN_PROFILES, DEFAULT_PROFILE_NAME } from '../profiles';
import type { Profile } from '../profiles/types';
import { ALL_RULES, ruleIdFor } from '../rules';
import { locate, SourceMap } from './locate';
import { closest, describeExpected, describeValue, formatPath, suggestion } from './messages';
import { ConfigResolutionError, resolveProfile } from './resolve';
import { configFileSchema, knownKeysAt } from './schema';
import { MAX_ALIAS_COUNT, MAX_CONFIG_BYTES, type ConfigFile, type ConfigPath, type ConfigProblem } from './types';

/** What `parseConfig` checks against; both default to what is built in. */
export interface ParseConfigOptions {
  /** The profiles `extends:` may name. Default: `BUILT_IN_PROFILES`. */
  readonly profiles?: readonly Profile[];
  /** The rule ids `rules:` may set. Default: the ids of `ALL_RULES`. */
  readonly ruleIds?: readonly string[];
}

/** The outcome of reading a configuration file. */
export interface ConfigResult {
  /**
   * The profile in force: the base named by `extends` with the overrides applied. Undefined
   * when any problem is an error — the caller keeps its last good configuration and shows
   * the problems; nothing of a bad file is applied.
   */
  readonly profile?: Profile;
  /** Errors and warnings, in source order. Warnings (unknown keys, unknown rule ids) do not stop the file from applying. */
  readonly problems: readonly ConfigProblem[];
  /** The file name given to `parseConfig`, passed through for the caller. */
  readonly fileName: string;
}

type Issue = z.core.$ZodIssue;

/**
 * Parses and validates the text of a configuration file and resolves the profile it describes.
 * Pure: no IO. `fileName` is only passed through to the result. See docs/configuration.md for the format.
 */
export function parseConfig(text: string, fileName: string, options: ParseConfigOptions = {}): ConfigResult {
  const profiles = options.profiles ?? BUILT_IN_PROFILES;
  const ruleIds = options.ruleIds ?? ALL_RULES.map((r) => r.id);
  const out = new Reporter();
  const done = (profile?: Profile): ConfigResult => ({
    profile: out.hasErrors ? undefined : profile,
    problems: out.problems(),
    fileName,
  });

  if (utf8Length(text, MAX_CONFIG_BYTES) > MAX_CONFIG_BYTES) {
    out.error(
      () => range(0, 0, 0, 0),
      `the file is larger than ${MAX_CONFIG_BYTES / 1024} KiB, the limit for a configuration file; nothing in it was applied`,
    );
    return done();
  }

  // A byte-order mark is not part of the text editors show; drop it so columns on line 1 agree.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // YAML reads a lone CR as text; editors break the line there. Same length, so offsets hold.
  text = text.replace(/\r(?!\n)/g, '\n');
  let doc: Document;
  try {
    // prettyErrors off: positions are computed here, and building the pretty context for a
    // pathological file is costly. uniqueKeys off: the package's check is quadratic in the
    // number of keys; duplicateKeys() below does it in linear time.
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  } catch (e) {
    out.error(() => range(0, 0, 0, 0), `invalid YAML: ${e instanceof Error ? e.message : String(e)}`);
    return done();
  }
  const map = new SourceMap(text);
  const at = (pos: readonly [number, number]) => () => map.firstLine(pos[0], Math.max(pos[1], pos[0] + 1));
  for (const e of doc.errors) out.error(at(e.pos), yamlMessage(e.message));
  for (const w of doc.warnings) out.warning(at(w.pos), `YAML: ${w.message}`);
  if (!out.hasErrors) {
    for (const d of duplicateKeys(doc))
      out.error(at(d.span), `duplicate key ${JSON.stringify(d.key)}; each key may appear once in a mapping`);
  }
  if (out.hasErrors) return done();

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (e) {
    const p = aliasProblem(doc, map, e);
    out.error(() => p.range, p.message);
    return done();
  }
  if (!isPlainObject(data)) {
    out.error(
      () => locate(doc, map, []),
      `the configuration must be a mapping of keys such as extends, documents and rules (got ${describeValue(data)})`,
    );
    return done();
  }

  // 1. Shapes and types.
  const strict = configFileSchema.safeParse(data);
  const unknownKeys: { path: ConfigPath; key: string }[] = [];
  for (const issue of strict.success ? [] : strict.error.issues) {
    const path = issue.path as ConfigPath;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        unknownKeys.push({ path, key });
        // Top-level `x-` keys are the user's own, e.g. to hold YAML anchors: ignored silently.
        if (path.length === 0 && key.startsWith('x-')) continue;
        out.warning(
          () => locate(doc, map, [...path, key], 'key'),
          `${formatPath([...path, key])}: unknown key, ignored${suggestion(key, knownKeysAt(path))}`,
        );
      }
    } else {
      out.error(() => locate(doc, map, path), `${formatPath(path)}: ${describeIssue(issue, valueAt(data, path))}`);
    }
  }

  // 2. Names that must exist: the base profile (error) and rule ids (warning).
  const raw = data as Record<string, unknown>;
  const baseName = typeof raw.extends === 'string' ? raw.extends : DEFAULT_PROFILE_NAME;
  const base = profiles.find((p) => p.name === baseName);
  if (typeof raw.extends === 'string' && !base) {
    const names = profiles.map((p) => p.name);
    const looksLikeFile = /[/\\]|\.ya?ml$/i.test(raw.extends);
    out.error(
      () => locate(doc, map, ['extends']),
      looksLikeFile
        ? `extends: must name a built-in profile, not a file (got ${describeValue(raw.extends)}); built-in profiles are ${names.join(', ')}`
        : `extends: unknown profile ${describeValue(raw.extends)}${near(raw.extends, names)}; built-in profiles are ${names.join(', ')}`,
    );
  }
  const unknownRules: string[] = [];
  if (isPlainObject(raw.rules)) {
    for (const id of Object.keys(raw.rules)) {
      if (ruleIds.includes(id) || ruleIds.includes(ruleIdFor(id) ?? '')) continue;
      unknownRules.push(id);
      out.warning(
        () => locate(doc, map, ['rules', id], 'key'),
        `rules.${id}: unknown rule id, ignored${suggestion(id, ruleIds)}`,
      );
    }
  }
  if (!base && typeof raw.extends !== 'string') {
    // Only when the caller passes profiles without the default one.
    out.error(
      () => map.top(),
      `extends: is required here, since there is no profile "${DEFAULT_PROFILE_NAME}" to start from; profiles are ${profiles.map((p) => p.name).join(', ')}`,
    );
  }
  if (out.hasErrors || !base) return done();

  // 3. Apply what is left once unknown keys and rules are dropped.
  const clean = (doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {}) as Record<string, unknown>;
  for (const { path, key } of unknownKeys) {
    const owner = valueAt(clean, path);
    if (isPlainObject(owner)) delete owner[key];
  }
  if (isPlainObject(clean.rules)) {
    for (const id of unknownRules) delete clean.rules[id];
    // A rule named by its name (`budget-without-p0: off`) applies as its id; an id given too wins.
    const rules = clean.rules;
    for (const key of Object.keys(rules)) {
      const id = ruleIdFor(key);
      if (id === undefined || id === key) continue;
      if (!(id in rules)) rules[id] = rules[key];
      delete rules[key];
    }
  }
  const parsed = configFileSchema.safeParse(clean);
  if (!parsed.success) {
    // Not expected: the strict pass reported every error already.
    for (const issue of parsed.error.issues) {
      const path = issue.path as ConfigPath;
      out.error(() => locate(doc, map, path), `${formatPath(path)}: ${describeIssue(issue, valueAt(clean, path))}`);
    }
    return done();
  }
  const config: ConfigFile = parsed.data;
  try {
    return done(resolveProfile(base, config));
  } catch (e) {
    if (!(e instanceof ConfigResolutionError)) throw e;
    for (const issue of e.issues)
      out.error(() => locate(doc, map, issue.path, issue.at), `${formatPath(issue.path)}: ${issue.message}`);
    return done();
  }
}

/** The most problems reported for one file; the rest are counted in a last message. */
export const MAX_CONFIG_PROBLEMS = 100;

/** Collects problems, locating each lazily and only up to `MAX_CONFIG_PROBLEMS`, so a hostile file stays cheap. */
class Reporter {
  private readonly list: ConfigProblem[] = [];
  private readonly seen = new Set<string>();
  private omitted = 0;
  hasErrors = false;

  error(where: () => Range, message: string): void {
    this.hasErrors = true;
    this.add('error', where, message);
  }

  warning(where: () => Range, message: string): void {
    this.add('warning', where, message);
  }

  problems(): ConfigProblem[] {
    const sorted = [...this.list].sort(
      (a, b) =>
        a.range.start.line - b.range.start.line ||
        a.range.start.character - b.range.start.character ||
        (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
    );
    if (this.omitted > 0) {
      const last = sorted[sorted.length - 1].range;
      sorted.push({
        severity: this.hasErrors ? 'error' : 'warning',
        range: last,
        message: `${this.omitted} more problem${this.omitted === 1 ? '' : 's'} not shown`,
      });
    }
    return sorted;
  }

  private add(severity: ConfigProblem['severity'], where: () => Range, message: string): void {
    if (this.list.length >= MAX_CONFIG_PROBLEMS) {
      this.omitted++;
      return;
    }
    const range = where();
    const key = `${range.start.line}:${range.start.character}:${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ severity, range, message });
  }
}

/** Keys repeated within one mapping, in linear time. */
function duplicateKeys(doc: Document): { key: string; span: [number, number] }[] {
  const found: { key: string; span: [number, number] }[] = [];
  visit(doc, {
    Map(_, node) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const r = (pair.key as { range?: [number, number, number] } | null)?.range;
        if (seen.has(key) && r) found.push({ key, span: [r[0], r[1]] });
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}

/** `path:line:column: severity: message`, with 1-based line and column, for terminals and CI logs. */
export function formatConfigProblem(file: string, problem: ConfigProblem): string {
  return `${file}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.severity}: ${problem.message}`;
}

/** A plain-English sentence for a zod issue; the caller prefixes the key path. */
function describeIssue(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) return 'is required';
      const quoteHint =
        issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')
          ? '; put it in quotes to use it as text'
          : '';
      return `must be ${describeExpected(issue.expected)} (got ${describeValue(value)}${quoteHint})`;
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')} (got ${describeValue(value)})`;
    case 'too_small':
      if (issue.origin === 'array')
        return `must list at least ${String(issue.minimum)} item${Number(issue.minimum) === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be at least ${String(issue.minimum)} (got ${describeValue(value)})`;
    case 'too_big':
      if (issue.origin === 'array') return `must list at most ${String(issue.maximum)} items`;
      return `must be at most ${String(issue.maximum)} (got ${describeValue(value)})`;
    default:
      return issue.message;
  }
}

/** A YAML parse error in plain words. */
function yamlMessage(message: string): string {
  if (/multiple documents/i.test(message)) return 'the file must hold a single YAML document (remove the second "---")';
  if (/call stack/i.test(message)) return 'invalid YAML: nested too deeply';
  return `invalid YAML: ${message}`;
}

/** Locates the failure of `toJS`: an alias to an anchor that does not exist, or too many aliases. */
function aliasProblem(doc: Document, map: SourceMap, e: unknown): ConfigProblem {
  const message = e instanceof Error ? e.message : String(e);
  let first: [number, number] | undefined;
  let unresolved: [number, number] | undefined;
  let name = '';
  visit(doc, {
    Alias(_, node) {
      const r = node.range;
      if (!r) return undefined;
      first ??= [r[0], r[1]];
      if (!unresolved && node.resolve(doc) === undefined) {
        unresolved = [r[0], r[1]];
        name = node.source;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (unresolved) {
    return {
      severity: 'error',
      range: map.firstLine(unresolved[0], unresolved[1]),
      message: `invalid YAML: alias *${name} refers to no anchor &${name} defined before it`,
    };
  }
  if (/excessive alias count/i.test(message)) {
    return {
      severity: 'error',
      range: first ? map.firstLine(first[0], first[1]) : map.top(),
      message: `the file expands YAML aliases (*name) too many times (more than ${MAX_ALIAS_COUNT}); nothing in it was applied`,
    };
  }
  return {
    severity: 'error',
    range: first ? map.firstLine(first[0], first[1]) : map.top(),
    message: `invalid YAML: ${message}`,
  };
}

/** ` (did you mean "x"?)` when a name is close to `word`, else nothing. */
function near(word: string, names: readonly string[]): string {
  const name = closest(word, names);
  return name === undefined ? '' : ` (did you mean "${name}"?)`;
}

/** The UTF-8 length of `text`, counting no further than just past `limit`. */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit) return text.length; // every UTF-16 unit is at least one byte
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
