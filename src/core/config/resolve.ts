// Applies a configuration's overrides to a base profile, producing a new frozen profile; the base is never touched.
import { normalizeHeading } from '../markdown/headingText';
import {
  DOCUMENT_KINDS,
  type DocumentKind,
  type DocumentKindSpec,
  type Profile,
  type SectionSpec,
} from '../profiles/types';
import { formatPath } from './messages';
import type { ConfigPath, ProfileOverrides, SectionOverrides } from './types';

/** Something in the overrides that does not fit the base profile (e.g. a section it does not have). */
export interface ResolutionIssue {
  /** Where in the configuration, e.g. `['documents', 'postmortem', 'sections', 'remove', 0]`. */
  readonly path: ConfigPath;
  /** What is wrong, without the path. */
  readonly message: string;
  /** Whether the key itself (a `modify` entry names a section by its key) or its value is at fault. */
  readonly at: 'key' | 'value';
}

/** Thrown by `resolveProfile` when the overrides do not fit the base profile. */
export class ConfigResolutionError extends Error {
  constructor(readonly issues: readonly ResolutionIssue[]) {
    super(issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('\n'));
    this.name = 'ConfigResolutionError';
  }
}

/**
 * The profile `base` with `overrides` applied. Pure: `base` and `overrides` are not
 * modified, and the result shares no object with either (it is a deep copy, frozen).
 *
 * - `documents.<kind>.folder` / `fileName` replace the base's; a kind the base lacks is
 *   added when both are given.
 * - `documents.<kind>.sections`: `remove`, then `modify`, then `add` (see `SectionOverrides`).
 * - `severities` replaces the scale; `actionItems.*` replace each field; `rules` merge over
 *   the base's rule levels.
 *
 * The overrides are expected to have passed `configFileSchema` (shapes and types); what
 * depends on the base — section references, duplicate ids and headings, a missing kind —
 * is checked here. Throws `ConfigResolutionError` listing every such issue.
 */
export function resolveProfile(base: Profile, overrides: ProfileOverrides): Profile {
  const issues: ResolutionIssue[] = [];
  const documents: Partial<Record<DocumentKind, DocumentKindSpec>> = {};
  for (const kind of DOCUMENT_KINDS) {
    const spec = base.documents[kind];
    const o = overrides.documents?.[kind];
    if (!o) {
      if (spec) documents[kind] = spec;
      continue;
    }
    const folder = o.folder ?? spec?.folder;
    const fileName = o.fileName ?? spec?.fileName;
    if (folder === undefined || fileName === undefined) {
      issues.push({
        path: ['documents', kind],
        at: 'key',
        message: `profile "${base.name}" has no ${kind} documents; to add them, give both folder and fileName`,
      });
      continue;
    }
    const sections = o.sections
      ? applySections(spec?.sections ?? [], o.sections, kind, ['documents', kind, 'sections'], issues)
      : (spec?.sections ?? []);
    documents[kind] = { ...spec, folder, fileName, sections };
  }
  if (issues.length > 0) throw new ConfigResolutionError(issues);

  const profile: Profile = {
    ...base,
    documents,
    severities: overrides.severities ?? base.severities,
    actionItems: {
      ...base.actionItems,
      requiredColumns: overrides.actionItems?.requiredColumns ?? base.actionItems.requiredColumns,
      minimum: overrides.actionItems?.minimum ?? base.actionItems.minimum,
      followUpReviewDays: overrides.actionItems?.followUpReviewDays ?? base.actionItems.followUpReviewDays,
    },
    postmortemDeadlineHours: overrides.postmortemDeadlineHours ?? base.postmortemDeadlineHours,
    severityMatrix: overrides.severityMatrix ?? base.severityMatrix,
    rules: { ...base.rules, ...overrides.rules },
    ...(overrides.ignores ? { ignores: [...(base.ignores ?? []), ...overrides.ignores] } : {}),
  };
  return deepFreeze(deepCopy(profile));
}

/** A section being built, with the names the configuration gave it (for duplicate checks). */
interface Draft {
  spec: SectionSpec;
  /** Names (title, synonyms) introduced by the configuration, with where they were written. */
  introduced: { name: string; path: ConfigPath }[];
}

function applySections(
  baseSections: readonly SectionSpec[],
  o: SectionOverrides,
  kind: DocumentKind,
  path: ConfigPath,
  issues: ResolutionIssue[],
): SectionSpec[] {
  const list: Draft[] = baseSections.map((spec) => ({ spec, introduced: [] }));
  const removed = new Set<string>();
  const find = (ref: string): number => {
    const wanted = normalizeHeading(ref);
    return list.findIndex((d) => d.spec.id === ref || normalizeHeading(d.spec.title) === wanted);
  };
  const known = (): string =>
    list.length === 0
      ? `${kind} has no sections left`
      : `${kind} sections are ${list.map((d) => `${d.spec.id} (${d.spec.title})`).join(', ')}`;
  const unknown = (ref: string): string =>
    removed.has(ref) || [...removed].some((r) => normalizeHeading(r) === normalizeHeading(ref))
      ? `section "${ref}" is removed by sections.remove`
      : `no section "${ref}" to refer to; ${known()}`;

  (o.remove ?? []).forEach((ref, i) => {
    const index = find(ref);
    if (index < 0) {
      issues.push({ path: [...path, 'remove', i], at: 'value', message: unknown(ref) });
      return;
    }
    removed.add(list[index].spec.id).add(list[index].spec.title);
    list.splice(index, 1);
  });

  const modified = new Map<string, string>();
  for (const [ref, m] of Object.entries(o.modify ?? {})) {
    const at: ConfigPath = [...path, 'modify', ref];
    const index = find(ref);
    if (index < 0) {
      issues.push({ path: at, at: 'key', message: unknown(ref) });
      continue;
    }
    const draft = list[index];
    const previous = modified.get(draft.spec.id);
    if (previous !== undefined) {
      issues.push({
        path: at,
        at: 'key',
        message: `section "${draft.spec.id}" is already modified under "${previous}"`,
      });
      continue;
    }
    modified.set(draft.spec.id, ref);
    const synonyms = m.synonyms ?? [...draft.spec.synonyms, ...(m.addSynonyms ?? [])];
    draft.spec = {
      // Keeps what the configuration cannot change (the id, a runbook section's step verbs).
      ...draft.spec,
      title: m.title ?? draft.spec.title,
      synonyms: dedupe(synonyms),
      required: m.required ?? draft.spec.required,
    };
    if (m.title !== undefined) draft.introduced.push({ name: m.title, path: [...at, 'title'] });
    (m.synonyms ?? []).forEach((s, j) => draft.introduced.push({ name: s, path: [...at, 'synonyms', j] }));
    (m.addSynonyms ?? []).forEach((s, j) => draft.introduced.push({ name: s, path: [...at, 'addSynonyms', j] }));
  }

  (o.add ?? []).forEach((a, i) => {
    const at: ConfigPath = [...path, 'add', i];
    if (list.some((d) => d.spec.id === a.id)) {
      issues.push({
        path: [...at, 'id'],
        at: 'value',
        message: `section "${a.id}" already exists in ${kind}; change it under sections.modify instead`,
      });
      return;
    }
    let index = list.length;
    const anchor = a.after ?? a.before;
    if (anchor !== undefined) {
      const found = find(anchor);
      if (found < 0) {
        issues.push({
          path: [...at, a.after !== undefined ? 'after' : 'before'],
          at: 'value',
          message: unknown(anchor),
        });
        return;
      }
      index = a.after !== undefined ? found + 1 : found;
    }
    const synonyms = a.synonyms ?? [];
    list.splice(index, 0, {
      spec: { id: a.id, title: a.title, synonyms: dedupe(synonyms), required: a.required ?? true },
      introduced: [
        { name: a.title, path: [...at, 'title'] },
        ...synonyms.map((s, j) => ({ name: s, path: [...at, 'synonyms', j] })),
      ],
    });
  });

  // A heading must identify one section only: a name the configuration introduced may not
  // also be a name of another section of the kind.
  for (const draft of list) {
    for (const { name, path: where } of draft.introduced) {
      const n = normalizeHeading(name);
      const other = list.find(
        (d) => d !== draft && [d.spec.title, ...d.spec.synonyms].some((x) => normalizeHeading(x) === n),
      );
      if (other) {
        issues.push({
          path: where,
          at: 'value',
          message: `"${name}" already names section ${other.spec.id} (${other.spec.title}); a heading must identify one section`,
        });
      }
    }
  }
  return list.map((d) => d.spec);
}

function dedupe(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = normalizeHeading(n);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A deep copy of plain data (objects, arrays, primitives). */
function deepCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => deepCopy(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // defineProperty, so that a key named `__proto__` stays a plain key.
      if (v !== undefined)
        Object.defineProperty(out, k, { value: deepCopy(v), enumerable: true, writable: true, configurable: true });
    }
    return out as T;
  }
  return value;
}

/** Freezes `value` and everything in it; only ever called on fresh copies. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
