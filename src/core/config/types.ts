// The workspace configuration file `.incident-workbench.yaml`: its names, limits, problems and override shapes.
import type { Range } from '../markdown/position';
import type { DocumentKind, RuleLevel, SeverityLevel } from '../profiles/types';

/** The names the configuration file may have, in order of preference, at a workspace root. */
export const CONFIG_FILE_NAMES: readonly string[] = ['.incident-workbench.yaml', '.incident-workbench.yml'];

/** The largest configuration file read, in bytes (UTF-8); a larger file is refused with an error. */
export const MAX_CONFIG_BYTES = 256 * 1024;

/**
 * The budget of YAML alias expansions (`*name`) when reading the file, weighed as the `yaml`
 * package does (uses × aliases in the anchored node). Ordinary reuse of an anchor stays far
 * below it; "billion laughs" style files exceed it and are refused.
 */
export const MAX_ALIAS_COUNT = 100;

/** One thing wrong with a configuration file, located in it with core's 0-based positions. */
export interface ConfigProblem {
  /** `error`: the file is not applied at all. `warning`: the file is applied, the flagged part ignored. */
  readonly severity: 'error' | 'warning';
  /** Plain English, starting with the key it is about, e.g. `rules.PM004: must be one of off, info, warning, error (got "loud")`. */
  readonly message: string;
  /** The offending key or value (0-based lines and UTF-16 characters, end exclusive). */
  readonly range: Range;
}

/**
 * Changes to the sections of one document kind. Applied in the order `remove`, `modify`, `add`.
 * A section is referred to by its id (`root-cause`) or its title (`Root Cause`, compared like
 * headings: case, numbering and punctuation ignored).
 *
 * ```yaml
 * sections:
 *   remove: [detection, Contributing Factors]
 *   modify:
 *     root-cause: { title: Why It Happened, addSynonyms: [Root Cause], required: false }
 *   add:
 *     - { id: customer-communication, title: Customer Communication, after: impact }
 * ```
 */
export interface SectionOverrides {
  /** Sections to drop, by id or title. */
  readonly remove?: readonly string[];
  /** Changes to existing sections, keyed by id or title. */
  readonly modify?: Readonly<Record<string, SectionModification>>;
  /** New sections, appended unless `after` or `before` names a section. */
  readonly add?: readonly SectionAddition[];
}

/** A change to one existing section; every field is optional. */
export interface SectionModification {
  /** The new canonical title. The old title is no longer accepted unless listed in `addSynonyms`. */
  readonly title?: string;
  /** Replaces the accepted synonyms. Not together with `addSynonyms`. */
  readonly synonyms?: readonly string[];
  /** Adds accepted synonyms to the existing ones. Not together with `synonyms`. */
  readonly addSynonyms?: readonly string[];
  /** Makes the section required (`true`) or optional (`false`). */
  readonly required?: boolean;
}

/** A new section. */
export interface SectionAddition {
  /** Kebab-case id, unique within the kind, e.g. `customer-communication`. */
  readonly id: string;
  readonly title: string;
  /** Default: none. */
  readonly synonyms?: readonly string[];
  /** Default: `true`. */
  readonly required?: boolean;
  /** Insert after this section (id or title). Not together with `before`. */
  readonly after?: string;
  /** Insert before this section (id or title). Not together with `after`. */
  readonly before?: string;
}

/** Overrides for one document kind. */
export interface DocumentOverrides {
  /** Folder relative to the workspace root, forward slashes; `.` is the root itself. */
  readonly folder?: string;
  /** File-name pattern, e.g. `YYYY-MM-DD-<slug>.md`; no slashes; ends in `.md` or `.markdown`. */
  readonly fileName?: string;
  readonly sections?: SectionOverrides;
}

/** Everything a configuration file can change in the profile it extends. */
export interface ProfileOverrides {
  /** Per kind. A kind the base profile lacks can be added by giving `folder` and `fileName`. */
  readonly documents?: Readonly<Partial<Record<DocumentKind, DocumentOverrides>>>;
  /** Replaces the whole severity scale, most severe first. */
  readonly severities?: readonly SeverityLevel[];
  readonly actionItems?: {
    /** Replaces the list of columns every action item must fill. */
    readonly requiredColumns?: readonly string[];
    /** The fewest action items a postmortem may have. */
    readonly minimum?: number;
    /** Days after the incident when the open action items are reviewed (a whole number, 1 to 366). */
    readonly followUpReviewDays?: number;
  };
  /** Hours from resolution by which a required postmortem must exist (more than 0). */
  readonly postmortemDeadlineHours?: number;
  /** The severity matrix file, relative to the workspace root; when it exists, its table is the scale. */
  readonly severityMatrix?: string;
  /** Rule levels by rule id; merged over the base profile's. */
  readonly rules?: Readonly<Record<string, RuleLevel>>;
  /** Paths the CLI's lint leaves out of folders and globs, in .gitignore syntax, relative to the configuration file's folder. */
  readonly ignores?: readonly string[];
}

/** The whole configuration file, as validated. */
export interface ConfigFile extends ProfileOverrides {
  /** The built-in profile to start from; default `harness`. Only built-in names, never file paths. */
  readonly extends?: string;
}

/** A path into the configuration file: keys and list indexes, e.g. `['rules', 'PM004']`. */
export type ConfigPath = readonly (string | number)[];
