// What a rule is and what it reports: the contract between rules, the editor and the CLI.
import type { MarkdownDocument } from '../markdown/model';
import type { Range } from '../markdown/position';
import type { DocumentKind, FindingSeverity, Profile } from '../profiles/types';
import type { SloDefinition } from '../slo/types';
import type { WorkspaceFacts } from './postmortemRequired';

/** One problem found in a document. */
export interface Finding {
  /** The rule's id, e.g. `PM001`. */
  readonly ruleId: string;
  readonly severity: FindingSeverity;
  /** A sentence in the user's words saying what is wrong. */
  readonly message: string;
  /** Where, in core's 0-based positions. */
  readonly range: Range;
}

/** What a rule's check receives. */
export interface RuleContext {
  readonly doc: MarkdownDocument;
  readonly kind: DocumentKind;
  readonly profile: Profile;
  /** The SLOs of the workspace's slo.yaml; undefined when there is none. */
  readonly slos?: readonly SloDefinition[];
  /** The document's path relative to the workspace root, forward slashes, when known. */
  readonly path?: string;
  /** True when the workspace was searched and has no SLO file (slo.yaml); undefined when not known. */
  readonly sloFileMissing?: boolean;
  /** The other documents of the workspace, for checks across documents (IN001); undefined when not known. */
  readonly workspace?: WorkspaceFacts;
}

/** A finding before the engine attaches the rule id and the effective severity. */
export interface RuleReport {
  readonly message: string;
  readonly range: Range;
}

/** A lint rule. */
export interface Rule {
  /** Stable id, e.g. `PM001`; never reused. */
  readonly id: string;
  /** Kebab-case name, e.g. `missing-section`. */
  readonly name: string;
  /** One line on what the rule checks. */
  readonly title: string;
  readonly defaultSeverity: FindingSeverity;
  /** The document kinds the rule checks. */
  readonly kinds: readonly DocumentKind[];
  /** Reports the problems in one document. */
  check(context: RuleContext): RuleReport[];
}
