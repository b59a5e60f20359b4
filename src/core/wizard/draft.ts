// The wizard's draft and what the host computes from it, as zod schemas: core renders and evaluates drafts, the webview protocol carries them.
import * as z from 'zod';

/** The wizard's four phases, in order (seed 000's spine). */
export const WIZARD_PHASES = ['assess', 'investigate', 'document', 'improve'] as const;
export type WizardPhase = (typeof WIZARD_PHASES)[number];

/** The kinds of action item the Improve phase offers. */
export const ACTION_ITEM_TYPES = ['code', 'testing', 'monitoring', 'process', 'architecture'] as const;
export type ActionItemType = (typeof ACTION_ITEM_TYPES)[number];

/** Action-item priorities, most urgent first. */
export const ACTION_ITEM_PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;
export type ActionItemPriority = (typeof ACTION_ITEM_PRIORITIES)[number];

/** Longest text a single field accepts; longer input is refused, not truncated. */
export const MAX_FIELD_CHARS = 20_000;
/** Most entries any list in the draft (whys, factors, action items, ...) may hold. */
export const MAX_LIST_ENTRIES = 100;

/** A text field. */
export const text = z.string().max(MAX_FIELD_CHARS);
/** A short text field (titles, names). */
export const shortText = z.string().max(500);
/** `YYYY-MM-DDTHH:MM` (UTC, as an `<input type="datetime-local">` gives it) or empty. */
export const dateTime = z.string().regex(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})?$/, 'must be YYYY-MM-DDTHH:MM or empty');
/** `YYYY-MM-DD` or empty. */
const date = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'must be YYYY-MM-DD or empty');
/** A list of at most MAX_LIST_ENTRIES items. */
export const list = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_LIST_ENTRIES);

export const actionItemSchema = z.object({
  action: text,
  owner: shortText,
  priority: z.enum(ACTION_ITEM_PRIORITIES).or(z.literal('')),
  due: date,
  type: z.enum(ACTION_ITEM_TYPES).or(z.literal('')),
});
export type WizardActionItem = z.infer<typeof actionItemSchema>;

export const runbookChoiceSchema = z.object({
  service: shortText,
  failureMode: shortText,
  /** `create` writes a runbook skeleton on Finish; `update` only links the existing one. */
  action: z.enum(['create', 'update']),
  /** Workspace-relative path of an existing runbook, for `update`. */
  path: shortText.optional(),
});
export type WizardRunbookChoice = z.infer<typeof runbookChoiceSchema>;

/** Everything the user has entered; the draft that survives hide, reload and restart. */
export const wizardDraftSchema = z.object({
  version: z.literal(1),
  phase: z.enum(WIZARD_PHASES),
  assess: z.object({
    title: shortText,
    whatIsBroken: text,
    affectedUsers: text,
    affectedTenants: shortText,
    /** Share of users or requests affected, `0`..`100`, or empty. */
    affectedPercent: z.string().regex(/^(\d{1,3}(\.\d+)?)?$/, 'must be a number from 0 to 100 or empty'),
    whatChanged: text,
    /** When the change happened, if not at the start of the incident (a draft saved before this field existed reads as empty). */
    changedAt: dateTime.default(''),
    /** Answers to the profile's severity decision tree so far, in question order. */
    severityAnswers: list(z.boolean()),
    /** A severity id of the profile's scale, or empty. */
    severity: shortText,
    started: dateTime,
    detected: dateTime,
    mitigated: dateTime,
    resolved: dateTime,
    incidentCommander: shortText,
    services: list(shortText),
  }),
  investigate: z.object({
    /** Short hashes of commits marked as suspected. */
    suspectedCommits: list(z.string().regex(/^[0-9a-f]{4,40}$/)),
    whys: list(text),
    rootCause: text,
    contributingFactors: list(text),
  }),
  document: z.object({
    summary: text,
    impact: text,
    detection: text,
    mitigation: text,
    /** Who confirmed the fix, and how (a draft saved before this field existed reads as empty); rule PM020 asks for it under the agent profile. */
    fixConfirmedBy: text.default(''),
    /** Text of the profile's other sections (by section id): lessons learned, what went well, containment, ... */
    otherSections: z.record(z.string().regex(/^[a-z0-9-]{1,60}$/), text),
    runbooks: list(runbookChoiceSchema),
  }),
  improve: z.object({
    actionItems: list(actionItemSchema),
  }),
});
export type WizardDraft = z.infer<typeof wizardDraftSchema>;

/** An empty draft at the first phase. */
export function emptyDraft(): WizardDraft {
  return {
    version: 1,
    phase: 'assess',
    assess: {
      title: '',
      whatIsBroken: '',
      affectedUsers: '',
      affectedTenants: '',
      affectedPercent: '',
      whatChanged: '',
      changedAt: '',
      severityAnswers: [],
      severity: '',
      started: '',
      detected: '',
      mitigated: '',
      resolved: '',
      incidentCommander: '',
      services: [],
    },
    investigate: { suspectedCommits: [], whys: [''], rootCause: '', contributingFactors: [''] },
    document: {
      summary: '',
      impact: '',
      detection: '',
      mitigation: '',
      fixConfirmedBy: '',
      otherSections: {},
      runbooks: [],
    },
    improve: { actionItems: [] },
  };
}

/** A commit in the incident window. */
export const wizardCommitSchema = z.object({
  shortHash: z.string().regex(/^[0-9a-f]{4,40}$/),
  date: shortText,
  subject: text,
  author: shortText,
});
export type WizardCommit = z.infer<typeof wizardCommitSchema>;

/** A linter finding on the postmortem the draft would write, tied to the phase whose input fixes it. */
export const wizardFindingSchema = z.object({
  ruleId: shortText,
  severity: z.enum(['error', 'warning', 'info']),
  message: text,
  phase: z.enum(WIZARD_PHASES),
  /** The draft field the finding is about, as a dotted path (`investigate.rootCause`), when known. */
  field: shortText.optional(),
});
export type WizardFinding = z.infer<typeof wizardFindingSchema>;

/** What the host computes from a draft for the page: the postmortem it would write, its findings and measures. */
export const wizardEvaluationSchema = z.object({
  /** The postmortem the draft would write, as Markdown (the preview renders it). */
  markdown: z.string().max(2_000_000),
  /** Where Finish would write it (workspace-relative). */
  path: shortText,
  findings: z.array(wizardFindingSchema).max(1000),
  /** Time to detect (start to detection) and time to recover (detection to resolution, as the metrics define it) in minutes, when the times allow. */
  timeToDetectMinutes: z.number().nullable(),
  timeToRecoverMinutes: z.number().nullable(),
  /** A sentence on the error budget this incident used, when an SLO file exists. */
  sloImpact: text.optional(),
  /** Runbooks to create or update, suggested from the draft's services and the workspace's runbooks (the Document phase offers them). */
  runbookSuggestions: list(runbookChoiceSchema).optional(),
});
/** The evaluation of a draft (the `evaluation` message without its type). */
export type WizardEvaluation = z.infer<typeof wizardEvaluationSchema>;
