// The wizard's state as the phases see it: the draft, what the host sent, and the actions a control can take.
import type { HostMessage, WebviewMessage, WizardDraft, WizardFinding } from '../webview/protocol';

export type InitMessage = Extract<HostMessage, { type: 'init' }>;
export type EvaluationMessage = Extract<HostMessage, { type: 'evaluation' }>;
export type CommitsMessage = Extract<HostMessage, { type: 'commits' }>;

/** What a phase renderer reads and calls. */
export interface App {
  /** The draft being edited; controls change it in place and then call `changed`. */
  readonly draft: WizardDraft;
  readonly init: InitMessage;
  readonly evaluation: EvaluationMessage | undefined;
  readonly commits: CommitsMessage | undefined;
  /** Saves the draft in the webview state and tells the host (debounced). */
  changed(): void;
  /** Builds the current phase again (after a list grew or shrank), then focuses `focusId` if given. */
  rerender(focusId?: string): void;
  post(message: WebviewMessage): void;
}

/** The value at a dotted path of the draft (`assess.title`, `investigate.whys.2`). */
export function getPath(draft: WizardDraft, path: string): unknown {
  let value: unknown = draft;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Sets the value at a dotted path of the draft; the parent objects must exist. */
export function setPath(draft: WizardDraft, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let parent: unknown = draft;
  for (const key of keys) parent = (parent as Record<string, unknown>)[key];
  (parent as Record<string, unknown>)[last] = value;
}

/** Whether a finding belongs to the field at `path` (the field itself or something inside it). */
export function findingIsFor(finding: WizardFinding, path: string): boolean {
  return finding.field === path || (finding.field?.startsWith(`${path}.`) ?? false);
}
