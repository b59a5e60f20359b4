// Which postmortem section each part of the wizard's draft fills, and which sections the Document phase must ask for.
import type { Profile, SectionSpec } from '../profiles/types';
import { promptFor } from '../templates/prompts';

/** The draft's fixed fields and the section ids that take them, first present wins. */
export const FIXED_SECTION_IDS = {
  summary: ['summary'],
  impact: ['impact'],
  detection: ['detection'],
  mitigation: ['mitigation', 'resolution'],
  timeline: ['timeline'],
  rootCause: ['root-cause', 'root-causes'],
  whys: ['five-whys'],
  contributingFactors: ['contributing-factors'],
  actionItems: ['action-items'],
} as const;

/** A fixed part of the draft. */
export type FixedPart = keyof typeof FIXED_SECTION_IDS;

/** The draft field (dotted path) of each fixed part, where findings about it point. */
export const FIXED_PART_FIELDS: Readonly<Record<FixedPart, string>> = {
  summary: 'document.summary',
  impact: 'document.impact',
  detection: 'document.detection',
  mitigation: 'document.mitigation',
  timeline: 'assess.started',
  rootCause: 'investigate.rootCause',
  whys: 'investigate.whys',
  contributingFactors: 'investigate.contributingFactors',
  actionItems: 'improve.actionItems',
};

/** The profile's postmortem sections. */
export function postmortemSections(profile: Profile): readonly SectionSpec[] {
  return profile.documents.postmortem?.sections ?? [];
}

/** For each postmortem section id the fixed part filling it; sections not listed are "other" sections. */
export function fixedPartsBySection(profile: Profile): Map<string, FixedPart> {
  const ids = new Set(postmortemSections(profile).map((s) => s.id));
  const out = new Map<string, FixedPart>();
  for (const [part, candidates] of Object.entries(FIXED_SECTION_IDS) as Array<[FixedPart, readonly string[]]>) {
    const id = candidates.find((c) => ids.has(c));
    if (id) out.set(id, part);
  }
  return out;
}

/** A prompt as a hint for a form field: the template's `<...>` blank without its brackets and list marks. */
export function promptHint(id: string, title: string): string {
  return promptFor(id, title)
    .split('\n')
    .map((l) =>
      l
        .replace(/^\s*(?:[-*]\s+)?(?:\[[ xX]\]\s*)?/, '')
        .replace(/[<>]/g, '')
        .trim(),
    )
    .filter(Boolean)
    .join(' ');
}

/**
 * The profile's postmortem sections the Document phase asks for beyond those the draft's
 * fixed fields fill (summary, impact, detection, mitigation, timeline, root cause, 5 Whys,
 * contributing factors, action items): required sections first, each group in profile order.
 */
export function wizardOtherSections(profile: Profile): { id: string; title: string; prompt: string }[] {
  const fixed = fixedPartsBySection(profile);
  const others = postmortemSections(profile).filter((s) => !fixed.has(s.id));
  return [...others.filter((s) => s.required), ...others.filter((s) => !s.required)].map((s) => ({
    id: s.id,
    title: s.title,
    prompt: promptHint(s.id, s.title),
  }));
}
