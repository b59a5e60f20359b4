// The wizard's messages between the extension host and the webview, as zod schemas: both sides validate what they receive.
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

const text = z.string().max(MAX_FIELD_CHARS);
const shortText = z.string().max(500);
/** `YYYY-MM-DDTHH:MM` (UTC, as an `<input type="datetime-local">` gives it) or empty. */
const dateTime = z.string().regex(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})?$/, 'must be YYYY-MM-DDTHH:MM or empty');
/** `YYYY-MM-DD` or empty. */
const date = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'must be YYYY-MM-DD or empty');
const list = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_LIST_ENTRIES);

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
      title: '', whatIsBroken: '', affectedUsers: '', affectedTenants: '', affectedPercent: '', whatChanged: '', changedAt: '',
      severityAnswers: [], severity: '', started: '', detected: '', mitigated: '', resolved: '', incidentCommander: '', services: [],
    },
    investigate: { suspectedCommits: [], whys: [''], rootCause: '', contributingFactors: [''] },
    document: { summary: '', impact: '', detection: '', mitigation: '', fixConfirmedBy: '', otherSections: {}, runbooks: [] },
    improve: { actionItems: [] },
  };
}

/** One severity level as the webview shows it. */
export const severityOptionSchema = z.object({ id: shortText, label: shortText, definition: text });

/** One question of the severity decision tree: `yes` decides the level; `no` goes to the next question. */
export const decisionQuestionSchema = z.object({ question: text, yes: shortText });

/** A commit in the incident window. */
export const wizardCommitSchema = z.object({ shortHash: z.string().regex(/^[0-9a-f]{4,40}$/), date: shortText, subject: text, author: shortText });
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

/** Messages from the extension host to the webview. */
export const hostMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('init'),
    draft: wizardDraftSchema,
    profile: z.object({
      name: shortText,
      title: shortText,
      severities: list(severityOptionSchema),
      decisionTree: list(decisionQuestionSchema),
      /** The severity when every decision-tree question is answered no. */
      decisionFallback: shortText,
      /** Columns every action item must fill, as the profile names them. */
      requiredActionColumns: list(shortText),
      minimumActionItems: z.number().int().min(0),
      /** The profile's sections the Document phase asks for beyond summary, impact, detection and mitigation. */
      otherSections: list(z.object({ id: z.string().regex(/^[a-z0-9-]{1,60}$/), title: shortText, prompt: text })),
    }),
    /** Services known from existing runbooks, for suggestions. */
    knownServices: list(shortText),
    /** Whether an SLO file exists (the Improve phase shows SLO impact only then). */
    hasSlo: z.boolean(),
    /** Whether the workspace is trusted; Finish is disabled (with the reason) when not. */
    canWrite: z.boolean(),
    /** How many edits the draft has had; the page keeps its own saved state only when that is at least as new. */
    revision: z.number().int().min(0).optional(),
  }),
  z.object({ type: z.literal('commits'), commits: z.array(wizardCommitSchema).max(200), unavailable: text.optional() }),
  z.object({
    type: z.literal('evaluation'),
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
  }),
  z.object({ type: z.literal('finished'), path: shortText }),
  z.object({ type: z.literal('error'), message: text }),
  /** Workspace trust changed while the wizard is open (it was granted): `canWrite` replaces the one `init` gave. */
  z.object({ type: z.literal('trustChanged'), canWrite: z.boolean() }),
]);
export type HostMessage = z.infer<typeof hostMessageSchema>;

/** Messages from the webview to the extension host. */
export const webviewMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  /** Sent (debounced) on every edit: the host saves it and answers with an `evaluation`. */
  z.object({ type: z.literal('draftChanged'), draft: wizardDraftSchema, revision: z.number().int().min(0).optional() }),
  z.object({ type: z.literal('requestCommits'), since: dateTime, until: dateTime }),
  z.object({ type: z.literal('finish'), draft: wizardDraftSchema }),
  z.object({ type: z.literal('cancel'), dirty: z.boolean() }),
  z.object({ type: z.literal('openLink'), href: z.string().max(2048) }),
]);
export type WebviewMessage = z.infer<typeof webviewMessageSchema>;

/** Parses a message from the other side; returns an error sentence instead of throwing. */
export function parseMessage<T>(schema: z.ZodType<T>, value: unknown): { ok: true; message: T } | { ok: false; error: string } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, message: result.data };
  const issue = result.error.issues[0];
  return { ok: false, error: `Ignored a malformed wizard message${issue ? ` (${issue.path.join('.') || 'message'}: ${issue.message})` : ''}.` };
}
