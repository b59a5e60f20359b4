// What a tag's CodeLens says about its incident document, projected from the one incident summary.
import type { IncidentSummary } from '../incident/summary';

/** The CodeLens title for a linked document: `Postmortem: User service timeouts (SEV2, 2026-03-15)`. */
export function incidentLensTitle(summary: IncidentSummary): string {
  const facts = [summary.severity, summary.dateText].filter((f): f is string => Boolean(f));
  return `${summary.kindLabel}: ${summary.title}${facts.length > 0 ? ` (${facts.join(', ')})` : ''}`;
}
