// Which of the linter's findings the wizard shows: a field's findings once the user has touched that field, all of them once Finish was pressed.
import type { WizardDraft, WizardFinding } from './draft';

/** Whether touching `path` touches `field`: the same field, or a field inside it (`improve.actionItems.0.owner` touches `improve.actionItems`, not the other way round). */
function touches(path: string, field: string): boolean {
  return path === field || path.startsWith(`${field}.`);
}

/**
 * Whether the wizard shows `finding`: always after Finish was pressed; before that, a finding on
 * a field only once that field (or a field inside it, or the list it belongs to) was touched, and a
 * finding on no field only once some field of its phase was touched. An empty form the user has not
 * started shows none.
 */
export function findingVisible(finding: WizardFinding, touched: Iterable<string>, finishPressed: boolean): boolean {
  if (finishPressed) return true;
  for (const path of touched) {
    if (finding.field ? touches(path, finding.field) : path.startsWith(`${finding.phase}.`)) return true;
  }
  return false;
}

/** The findings the wizard shows, in their order (see `findingVisible`). */
export function visibleFindings(
  findings: readonly WizardFinding[],
  touched: Iterable<string>,
  finishPressed: boolean,
): WizardFinding[] {
  const paths = [...touched];
  return findings.filter((f) => findingVisible(f, paths, finishPressed));
}

/**
 * The draft fields that already hold input, as dotted paths (`assess.title`, `investigate.whys.0`,
 * `improve.actionItems.1.owner`): a resumed draft counts them as touched. The severity questions'
 * answers count as the severity field; a suspected commit counts as the commit list.
 */
export function filledFields(draft: WizardDraft): string[] {
  const paths: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (value.trim()) paths.push(path);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, `${path}.${index}`));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`);
    }
  };
  walk(draft.assess, 'assess');
  walk(draft.investigate, 'investigate');
  walk(draft.document, 'document');
  walk(draft.improve, 'improve');
  if (draft.assess.severityAnswers.length > 0) paths.push('assess.severity');
  return paths
    .map((p) => (p.startsWith('investigate.suspectedCommits.') ? 'investigate.suspectedCommits' : p))
    .filter((p, index, all) => all.indexOf(p) === index);
}

/** The touched fields kept in the page's saved state, read defensively: a state saved before the page kept them (or a malformed one) gives none. */
export function touchedFromState(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((p): p is string => typeof p === 'string' && p.length > 0 && p.length <= 500).slice(0, 2000);
}
