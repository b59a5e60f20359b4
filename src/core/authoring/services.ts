// Service names a new runbook can be for: read from service manifests (compose files, package.json, go.mod, pyproject.toml, Cargo.toml) and from existing runbook file names.
import { parseDocument } from 'yaml';
import type { Profile } from '../profiles/types';
import { slugify } from '../templates/slug';

/** The longest service name accepted from a manifest; longer values are not names. */
export const MAX_SERVICE_NAME_LENGTH = 100;

/**
 * Words that end a service's name rather than start its failure mode (`payment-service`, `user-api`).
 * Not `db`, `database`, `cache` or `queue`: in runbook names they usually start the failure mode
 * (`user-service-database-slow-query`).
 */
const SERVICE_SUFFIXES = new Set([
  'service',
  'svc',
  'api',
  'app',
  'web',
  'worker',
  'workers',
  'server',
  'gateway',
  'frontend',
  'backend',
  'ui',
  'cron',
  'scheduler',
  'consumer',
  'producer',
  'daemon',
]);

/** Manifest file names this module reads, as globs relative to any folder (for `findFiles`). */
export const SERVICE_MANIFEST_GLOBS: readonly string[] = [
  '**/docker-compose*.yml',
  '**/docker-compose*.yaml',
  '**/compose.yml',
  '**/compose.yaml',
  '**/package.json',
  '**/go.mod',
  '**/pyproject.toml',
  '**/Cargo.toml',
];

/** Which manifest a file name is, or undefined when it is none this module reads. */
export function manifestKind(
  fileName: string,
): 'compose' | 'package.json' | 'go.mod' | 'pyproject.toml' | 'Cargo.toml' | undefined {
  const name = fileName.replace(/\\/g, '/').slice(fileName.replace(/\\/g, '/').lastIndexOf('/') + 1);
  if (/^docker-compose[^/]*\.ya?ml$/i.test(name) || /^compose\.ya?ml$/i.test(name)) return 'compose';
  if (name === 'package.json') return 'package.json';
  if (name === 'go.mod') return 'go.mod';
  if (name === 'pyproject.toml') return 'pyproject.toml';
  if (name === 'Cargo.toml') return 'Cargo.toml';
  return undefined;
}

/**
 * The service names a manifest declares, in file order, without duplicates:
 * the keys of `services:` in a docker-compose / compose file; `name` of a package.json
 * (without its `@scope/`); the last segment of go.mod's `module` path (a `/vN` major
 * version suffix skipped); `[project]` or `[tool.poetry]` `name` of pyproject.toml;
 * `[package]` `name` of Cargo.toml. A file that cannot be read gives no names; never throws.
 */
export function servicesFromManifest(fileName: string, text: string): string[] {
  let names: string[];
  try {
    switch (manifestKind(fileName)) {
      case 'compose':
        names = composeServices(text);
        break;
      case 'package.json':
        names = packageJsonName(text);
        break;
      case 'go.mod':
        names = goModuleName(text);
        break;
      case 'pyproject.toml':
        names = tomlName(text, ['project', 'tool.poetry']);
        break;
      case 'Cargo.toml':
        names = tomlName(text, ['package']);
        break;
      default:
        names = [];
    }
  } catch {
    names = [];
  }
  return unique(names.map((n) => n.trim()).filter(isPlausibleName));
}

function composeServices(text: string): string[] {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return [];
  const root: unknown = doc.toJS({ maxAliasCount: 100 });
  if (!isRecord(root) || !isRecord(root.services)) return [];
  return Object.keys(root.services).filter((key) => key !== '<<');
}

function packageJsonName(text: string): string[] {
  const json: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
  if (!isRecord(json) || typeof json.name !== 'string') return [];
  return [json.name.replace(/^@[^/]+\//, '')];
}

function goModuleName(text: string): string[] {
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    const m = /^module\s+(?:"([^"]+)"|`([^`]+)`|(\S+))$/.exec(line);
    if (!m) continue;
    const segments = (m[1] ?? m[2] ?? m[3]).split('/').filter(Boolean);
    // `example.com/payments/v2`: the major version suffix is not the name.
    if (segments.length > 1 && /^v\d+$/.test(segments[segments.length - 1])) segments.pop();
    return segments.length ? [segments[segments.length - 1]] : [];
  }
  return [];
}

/** `name = "..."` in the first of `tables` that has one; a small reader for the one key, not a TOML parser. */
function tomlName(text: string, tables: readonly string[]): string[] {
  const found = new Map<string, string>();
  let table = '';
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    const header = /^\[\s*([A-Za-z0-9_.\-" ]+?)\s*\]\s*(?:#.*)?$/.exec(line);
    if (header) {
      table = header[1].replace(/\s*\.\s*/g, '.').replace(/"/g, '');
      continue;
    }
    if (line.startsWith('[[')) {
      table = '';
      continue;
    }
    const m = /^name\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')\s*(?:#.*)?$/.exec(line);
    if (m && tables.includes(table) && !found.has(table)) found.set(table, m[1] ?? m[2]);
  }
  for (const t of tables) {
    const name = found.get(t);
    if (name !== undefined) return [name];
  }
  return [];
}

/**
 * The services the existing runbooks are for, from their file names and the profile's runbook
 * pattern (`<service>-<failure-mode>.md`). Where the split is ambiguous
 * (`user-service-database-slow-query.md`), the longest of `known` services (from manifests)
 * that begins the name wins; else the first word, extended by words that end service names
 * (`service`, `api`, `worker`, ...). Names that do not fit the pattern, and README, index and
 * template files, are skipped. Returns slugs, sorted, without duplicates.
 */
export function servicesFromRunbookNames(
  names: readonly string[],
  profile: Profile,
  known: readonly string[] = [],
): string[] {
  const pattern = profile.documents.runbook?.fileName;
  if (!pattern || !pattern.includes('<service>')) return [];
  const matcher = patternRegExp(pattern);
  const knownSlugs = unique(known.map((k) => slugify(k, 'service'))).sort((a, b) => b.length - a.length);
  const services: string[] = [];
  for (const raw of names) {
    const name = raw.replace(/\\/g, '/').slice(raw.replace(/\\/g, '/').lastIndexOf('/') + 1);
    if (/^(?:readme|index|changelog|_|template)/i.test(name)) continue;
    const m = matcher.exec(name);
    const captured = m?.groups?.service;
    if (!captured) continue;
    // The pattern's greedy split is only a guess when a failure mode follows the service.
    const combined = m.groups?.failure !== undefined ? `${captured}-${m.groups.failure}` : captured;
    const service = m.groups?.failure !== undefined ? splitService(combined, knownSlugs) : captured.toLowerCase();
    if (service) services.push(service);
  }
  return unique(services).sort();
}

/** A regular expression for a file-name pattern, capturing `service` and (when it follows a hyphen) `failure`. */
function patternRegExp(pattern: string): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const parts = pattern.split(/(<service>-<failure-mode>|<service>|<failure-mode>|<slug>|YYYY|MM|DD)/);
  const source = parts
    .map((part) => {
      switch (part) {
        case '<service>-<failure-mode>':
          return '(?<service>[a-z0-9]+)-(?<failure>[a-z0-9]+(?:-[a-z0-9]+)*)';
        case '<service>':
          return '(?<service>[a-z0-9]+(?:-[a-z0-9]+)*)';
        case '<failure-mode>':
        case '<slug>':
          return '[a-z0-9]+(?:-[a-z0-9]+)*';
        case 'YYYY':
          return '\\d{4}';
        case 'MM':
        case 'DD':
          return '\\d{2}';
        default:
          return escape(part);
      }
    })
    .join('');
  return new RegExp(`^${source}$`, 'i');
}

/** The service part of `<service>-<failure-mode>` written as one hyphenated slug. */
function splitService(combined: string, knownSlugs: readonly string[]): string | undefined {
  const lower = combined.toLowerCase();
  const knownMatch = knownSlugs.find((k) => lower.startsWith(`${k}-`) && lower.length > k.length + 1);
  if (knownMatch) return knownMatch;
  const words = lower.split('-');
  let end = 1;
  while (end < words.length - 1 && SERVICE_SUFFIXES.has(words[end])) end++;
  return words.slice(0, end).join('-');
}

function isPlausibleName(name: string): boolean {
  return name.length > 0 && name.length <= MAX_SERVICE_NAME_LENGTH && ![...name].some((ch) => ch.charCodeAt(0) < 0x20);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
