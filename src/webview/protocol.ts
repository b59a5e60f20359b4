// The wizard's messages between the extension host and the webview, as zod schemas: both sides validate what they receive.
import * as z from 'zod';
import {
  dateTime,
  list,
  shortText,
  text,
  wizardCommitSchema,
  wizardDraftSchema,
  wizardEvaluationSchema,
} from '../core/wizard/draft';

export {
  WIZARD_PHASES,
  ACTION_ITEM_TYPES,
  ACTION_ITEM_PRIORITIES,
  MAX_FIELD_CHARS,
  MAX_LIST_ENTRIES,
  actionItemSchema,
  runbookChoiceSchema,
  wizardDraftSchema,
  emptyDraft,
  wizardCommitSchema,
  wizardFindingSchema,
  wizardEvaluationSchema,
  type WizardPhase,
  type ActionItemType,
  type ActionItemPriority,
  type WizardActionItem,
  type WizardRunbookChoice,
  type WizardDraft,
  type WizardCommit,
  type WizardFinding,
  type WizardEvaluation,
} from '../core/wizard/draft';

/** One severity level as the webview shows it. */
export const severityOptionSchema = z.object({ id: shortText, label: shortText, definition: text });

/** One question of the severity decision tree: `yes` decides the level; `no` goes to the next question. */
export const decisionQuestionSchema = z.object({ question: text, yes: shortText });

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
  wizardEvaluationSchema.extend({ type: z.literal('evaluation') }),
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
export function parseMessage<T>(
  schema: z.ZodType<T>,
  value: unknown,
): { ok: true; message: T } | { ok: false; error: string } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, message: result.data };
  const issue = result.error.issues[0];
  return {
    ok: false,
    error: `Ignored a malformed wizard message${issue ? ` (${issue.path.join('.') || 'message'}: ${issue.message})` : ''}.`,
  };
}
