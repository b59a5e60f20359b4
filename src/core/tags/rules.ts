// The tag rules TG001 (no matching incident document) and TG002 (not a valid tag), as findings for one code file.
import type { Profile } from '../profiles/types';
import type { Finding, Rule } from '../rules/types';
import { expectedDocumentPaths, linkTag, type IncidentDocumentRef } from './documents';
import type { TagScan } from './grammar';

/**
 * TG001: a tag whose date (and slug) matches no postmortem or incident record. Tags live in
 * code, not in incident documents, so `check` finds nothing in a document; `tagFindings`
 * runs the rule on a code file's tags.
 */
export const TG001: Rule = {
  id: 'TG001',
  name: 'tag-without-incident',
  title: 'An INCIDENT tag in code matches no incident document',
  defaultSeverity: 'warning',
  kinds: [],
  check: () => [],
};

/** TG002: text meant as a tag that is not one: an impossible date, a date not written YYYY-MM-DD, or no colon. */
export const TG002: Rule = {
  id: 'TG002',
  name: 'invalid-tag',
  title: 'An INCIDENT tag in code has an impossible or malformed date, or no colon',
  defaultSeverity: 'error',
  kinds: [],
  check: () => [],
};

/** The tag rules, in id order. */
export const TAG_RULES: readonly Rule[] = [TG001, TG002];

/**
 * The TG001 and TG002 findings for one file's tag scan, given the workspace's incident
 * documents, at the levels `profile` sets (a rule set to `off` reports nothing). Sorted by
 * position. The CLI and the editor both show these.
 */
export function tagFindings(scan: TagScan, documents: readonly IncidentDocumentRef[], profile: Profile): Finding[] {
  const findings: Finding[] = [];
  const tg001 = profile.rules[TG001.id] ?? TG001.defaultSeverity;
  const tg002 = profile.rules[TG002.id] ?? TG002.defaultSeverity;
  if (tg001 !== 'off') {
    for (const tag of scan.tags) {
      if (linkTag(tag, documents).length > 0) continue;
      findings.push({
        ruleId: TG001.id,
        severity: tg001,
        message: unlinkedMessage(tag, documents, profile),
        range: tag.headRange,
      });
    }
  }
  if (tg002 !== 'off') {
    for (const problem of scan.problems)
      findings.push({ ruleId: TG002.id, severity: tg002, message: problem.message, range: problem.range });
  }
  return findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

/** Why a tag links to nothing, and where its document was expected. */
export function unlinkedMessage(
  tag: TagScan['tags'][number],
  documents: readonly IncidentDocumentRef[],
  profile: Profile,
): string {
  const name = `INCIDENT-${tag.dateText}${tag.slug ? ` ${tag.slug}` : ''}`;
  const expected = expectedDocumentPaths(tag, profile);
  let message = `No incident document matches ${name}`;
  message +=
    expected.length > 0
      ? `; expected ${expected.join(' or ')}.`
      : '; the profile names no dated postmortem or incident files.';
  const sameDate = documents.filter((d) => d.dateText === tag.dateText);
  if (sameDate.length > 0) {
    message += ` Documents of that date: ${sameDate.map((d) => d.path).join(', ')}.`;
  }
  return message;
}
