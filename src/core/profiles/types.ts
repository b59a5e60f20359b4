// The shape of a profile: one team's incident process as data (folders, sections, severity scale, gates).

/** The kinds of incident document the product knows. */
export type DocumentKind = 'postmortem' | 'runbook' | 'incident';

/** Every document kind, in a stable order. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['postmortem', 'runbook', 'incident'];

/** The severity a rule's finding is reported with, or `off` to disable the rule. */
export type FindingSeverity = 'error' | 'warning' | 'info';
export type RuleLevel = FindingSeverity | 'off';

/** A section a document of some kind should have. */
export interface SectionSpec {
  /** Stable identifier, e.g. `root-cause`; used by rules and templates. */
  readonly id: string;
  /** The canonical heading text written by templates and named in messages. */
  readonly title: string;
  /** Other heading texts accepted for this section (compared after normalisation). */
  readonly synonyms: readonly string[];
  /** Whether a document without this section gets a missing-section finding. */
  readonly required: boolean;
  /**
   * Verbs (base form, e.g. `check`, `restart`, `fail over`) of steps that do this section's
   * work: a numbered or titled step, or a list item, that starts with one of them and holds a
   * command satisfies the section (runbooks write "1. Check the logs" rather than "Diagnosis").
   */
  readonly stepVerbs?: readonly string[];
  /** The questions the process asks in this section, in order; a new document writes each with a blank for its answer. */
  readonly questions?: readonly string[];
  /** The process's checklist for this section, in order; a new document writes each as an unchecked task item. */
  readonly checklist?: readonly string[];
  /**
   * Whether a record that says the incident is resolved must have this section (seed 002: recovery is verified
   * before the incident is declared resolved); PM002 reports its absence then, and an unticked checklist in it.
   */
  readonly requiredOnceResolved?: boolean;
}

/**
 * A variant of a document kind that needs only some of its sections, e.g. an alert runbook
 * (symptoms to escalation) or a procedure runbook (steps and a check that they worked).
 */
export interface DocumentVariant {
  /** Stable identifier, e.g. `alert` or `procedure`. */
  readonly id: string;
  /** How messages name a document of this variant, e.g. `procedure runbook`. */
  readonly title: string;
  /** The ids of the sections a document of this variant must have; a section the profile does not require stays optional. */
  readonly required: readonly string[];
  /** Words in the title or headings that reveal the variant, e.g. `Alert`, `Meaning`; `Steps`, `Procedure`. */
  readonly signals: readonly string[];
  /** Verbs a title opening with them names a task of this variant (`Rotate the signing key`: a procedure); each counts as one signal. */
  readonly titleVerbs?: readonly string[];
}

/** Where documents of one kind live and what they contain. */
export interface DocumentKindSpec {
  /** Folder relative to the workspace root, with forward slashes and no trailing slash. */
  readonly folder: string;
  /**
   * File-name pattern inside the folder. Placeholders: `YYYY`, `MM`, `DD`, `<slug>`,
   * `<service>`, `<failure-mode>`; everything else is literal.
   */
  readonly fileName: string;
  /** Sections in their canonical order. */
  readonly sections: readonly SectionSpec[];
  /**
   * Header fields the document states near its top (as `**Field:** value` lines, front
   * matter keys, or rows of a summary table), e.g. Date, Severity, Duration, Author.
   */
  readonly headerFields?: readonly string[];
  /**
   * Variants told apart by their title and headings; a document that reveals none (or a tie)
   * needs every section marked `required`.
   */
  readonly variants?: readonly DocumentVariant[];
}

/** One level of a severity scale. */
export interface SeverityLevel {
  /** The id written in documents, e.g. `SEV1` or `P1`. */
  readonly id: string;
  /** A short label, e.g. `Critical`. */
  readonly label: string;
  /** When this level applies. */
  readonly definition: string;
  /** How fast someone must respond, when the process says. */
  readonly responseTime?: string;
  /** How often status updates go out, when the process says. */
  readonly updateCadence?: string;
  /** Other spellings accepted in documents, e.g. `SEV-1`, `Critical`. Case and punctuation are ignored anyway. */
  readonly aliases?: readonly string[];
  /** Whether an incident of this level must get a postmortem. */
  readonly requiresPostmortem?: boolean;
}

/** One question of a severity decision tree: a yes decides the level, a no goes on to the next question. */
export interface SeverityQuestion {
  readonly question: string;
  /** The id of the level (of the profile's scale) a yes leads to. */
  readonly yes: string;
}

/** How the process chooses a severity: yes/no questions in order, the first yes decides. */
export interface SeverityDecisionTree {
  readonly questions: readonly SeverityQuestion[];
  /** The level when every question is answered no. */
  readonly fallback: string;
}

/** A profile: the conventions of one incident-response process. */
export interface Profile {
  /** Identifier used in settings, the CLI and `extends:`. */
  readonly name: string;
  /** Human title. */
  readonly title: string;
  /** One sentence on where the conventions come from. */
  readonly description: string;
  /** The document kinds this process uses; a kind left out is not linted. */
  readonly documents: Readonly<Partial<Record<DocumentKind, DocumentKindSpec>>>;
  /** The severity scale, most severe first. */
  readonly severities: readonly SeverityLevel[];
  /** The decision tree for choosing a severity, when the process gives one; otherwise one is derived from the definitions. */
  readonly severityDecisionTree?: SeverityDecisionTree;
  /** Action-item gates. */
  readonly actionItems: {
    /** Columns (or list fields) every action item must fill, e.g. Owner, Due Date. */
    readonly requiredColumns: readonly string[];
    /** The fewest action items a postmortem may have. */
    readonly minimum: number;
    /** Days after the incident when the open action items are reviewed, when the process says (e.g. 14). */
    readonly followUpReviewDays?: number;
  };
  /**
   * The project's severity matrix, relative to the workspace root (seed 000:
   * `docs/runbooks/severity-matrix.md`): when the file exists, its table is the severity scale.
   */
  readonly severityMatrix?: string;
  /** Hours from resolution by which a required postmortem must exist, when the process says (e.g. 24 or 48). */
  readonly postmortemDeadlineHours?: number;
  /** Incident roles the process names, e.g. Incident Commander. */
  readonly roles?: readonly string[];
  /**
   * Whether an incident is resolved only once a real user has confirmed the fix (seed 001): a postmortem, and a record
   * that says the incident is resolved, state who confirmed it (PM020), and a new postmortem's timeline asks for it.
   */
  readonly userConfirmsFix?: boolean;
  /** Per-rule levels that differ from the rules' defaults. */
  readonly rules: Readonly<Record<string, RuleLevel>>;
  /** Workspace paths the CLI's lint leaves out of folders and globs (.gitignore syntax, relative to the workspace root). */
  readonly ignores?: readonly string[];
}
