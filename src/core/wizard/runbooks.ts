// The runbooks the wizard offers to create or update for the affected services, and the skeletons it writes on Finish.
import type { Profile } from '../profiles/types';
import { serviceKey } from '../slo/attribution';
import { documentPath } from '../templates/paths';
import { renderDocument } from '../templates/templates';
import type { WizardDraft, WizardRunbookChoice } from './draft';

/** An existing runbook, as the host found it in the workspace. */
export interface KnownRunbook {
  readonly service: string;
  readonly failureMode: string;
  /** Workspace-relative path. */
  readonly path: string;
}

/**
 * One suggestion per affected service: `update` for each existing runbook of the service
 * (names compared as in SLO attribution: case and punctuation ignored), else `create`
 * with an empty failure mode for the user to name.
 */
export function suggestRunbooks(
  knownRunbooks: readonly KnownRunbook[],
  services: readonly string[],
): WizardRunbookChoice[] {
  const out: WizardRunbookChoice[] = [];
  const seen = new Set<string>();
  for (const service of services.map((s) => s.trim()).filter(Boolean)) {
    const key = serviceKey(service);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const existing = knownRunbooks.filter((r) => serviceKey(r.service) === key);
    if (existing.length === 0) out.push({ service, failureMode: '', action: 'create' });
    for (const r of existing)
      out.push({ service: r.service, failureMode: r.failureMode, action: 'update', path: r.path });
  }
  return out;
}

/**
 * The workspace-relative path of a chosen runbook: the existing file for `update`, the
 * profile's runbook pattern for `create` (undefined without a service or runbook documents).
 * Throws when `date` is not YYYY-MM-DD.
 */
export function runbookPath(profile: Profile, choice: WizardRunbookChoice, date: string): string | undefined {
  if (choice.action === 'update') return choice.path?.trim() || undefined;
  const service = choice.service.trim();
  const failureMode = choice.failureMode.trim();
  if (!profile.documents.runbook || !service) return undefined;
  return documentPath(profile, 'runbook', {
    date,
    slug: failureMode ? `${service} ${failureMode}` : service,
    service,
    failureMode,
  });
}

/**
 * The runbook skeletons Finish writes: for each runbook choice with action `create` (and a
 * service), the path from the profile's runbook pattern and the text of a new runbook.
 */
export function runbookSkeletons(profile: Profile, draft: WizardDraft, date: string): { path: string; text: string }[] {
  if (!profile.documents.runbook) return [];
  const out: { path: string; text: string }[] = [];
  for (const choice of draft.document.runbooks) {
    const service = choice.service.trim();
    const failureMode = choice.failureMode.trim();
    if (choice.action !== 'create' || !service) continue;
    const title = failureMode ? `${service} ${failureMode}` : service;
    const path = runbookPath(profile, choice, date);
    if (!path || out.some((r) => r.path === path)) continue;
    out.push({
      path,
      text: renderDocument(profile, 'runbook', { title, date, service, failureMode: failureMode || undefined }),
    });
  }
  return out;
}
