// Facts about a wizard draft that both the page and the host need: whether the user has entered anything, and how many edits a stored copy has had.
import type { WizardDraft } from './protocol';

/** Whether the draft holds any input: a non-blank text, an answer or a choice. The phase alone does not count. */
export function draftHasInput(draft: WizardDraft): boolean {
  const walk = (value: unknown): boolean => {
    if (typeof value === 'string') return value.trim().length > 0;
    if (typeof value === 'boolean') return true;
    if (Array.isArray(value)) return value.some(walk);
    if (value && typeof value === 'object') return Object.values(value).some(walk);
    return false;
  };
  return walk([draft.assess, draft.investigate, draft.document, draft.improve]);
}

/** The edit count stored with a copy of the draft (page state or workspace state): a non-negative safe integer, else 0. */
export function revisionOf(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}
