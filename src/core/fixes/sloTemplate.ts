// The SLO starter template the PM016 quick fix creates (docs/runbooks/slo-template.yaml): the short form of slo.yaml, to copy and fill in.
import { sloTemplatePath } from '../rules/sloDefinitionsMissing';
import type { Profile } from '../profiles/types';

/** The text of the starter template; it parses as a valid short-form slo.yaml. */
export const SLO_STARTER_TEMPLATE = `# SLO starter template. Copy this file to slo.yaml at the root of the workspace,
# list one entry per user-facing service, and agree the objectives with its owners.
# objective: the share of good events (requests, minutes) you promise, in percent.
# window: the period the objective is measured over (7d, 28d, 30d).
# Incident Workbench reads slo.yaml to compute how much error budget an incident consumed
# (see "incident-workbench slo"); this template itself is not read.
slos:
  - name: example-availability
    service: example-service
    objective: 99.9
    window: 30d
    description: Share of successful requests (non-5xx) over 30 days.
`;

/** A file to create: never over an existing file, and only at a path inside the workspace (the writer checks both). */
export interface NewFileFix {
  /** What the fix does, in the user's words. */
  readonly title: string;
  /** Workspace-relative, forward slashes. */
  readonly path: string;
  readonly text: string;
}

/** The PM016 fix: create the SLO starter template where the profile keeps runbooks. */
export function sloTemplateFix(profile: Profile): NewFileFix {
  const path = sloTemplatePath(profile);
  return { title: `Create the SLO starter template (${path})`, path, text: SLO_STARTER_TEMPLATE };
}
