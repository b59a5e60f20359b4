// Matches a document's headings to the sections a profile asks for, by normalised title or synonym.
import { normalizeHeading } from '../markdown/headingText';
import type { MarkdownDocument, Section } from '../markdown/model';
import type { SectionSpec } from '../profiles/types';

/** A required section and the document section that provides it, if any. */
export interface SectionMatch {
  readonly spec: SectionSpec;
  readonly section: Section | undefined;
}

/** The normalised names that identify a section spec: its title and its synonyms. */
export function sectionNames(spec: SectionSpec): Set<string> {
  return new Set([spec.title, ...spec.synonyms].map(normalizeHeading));
}

/**
 * Finds, for each spec, the first section whose heading names it. The document title
 * (the first level-1 heading) never counts as a section. A heading matches when its
 * normalised text equals a name, or starts with a name followed by a word boundary
 * and a qualifier in parentheses or after a dash or colon ("Timeline (all times UTC)",
 * "Impact — customers").
 */
export function matchSections(doc: MarkdownDocument, specs: readonly SectionSpec[]): SectionMatch[] {
  const candidates = doc.sections.filter((s) => s.heading !== doc.title);
  const normalised = candidates.map((s) => normalizeHeading(s.heading.text));
  return specs.map((spec) => {
    const names = cachedSectionNames(spec);
    const index = normalised.findIndex((text) => names.has(text) || names.has(stripQualifier(text)));
    return { spec, section: index >= 0 ? candidates[index] : undefined };
  });
}

const namesCache = new WeakMap<SectionSpec, ReadonlySet<string>>();

/** `sectionNames(spec)`, computed once per spec (the matcher runs on every lint). */
function cachedSectionNames(spec: SectionSpec): ReadonlySet<string> {
  let names = namesCache.get(spec);
  if (!names) {
    names = sectionNames(spec);
    namesCache.set(spec, names);
  }
  return names;
}

function stripQualifier(text: string): string {
  return text.replace(/\s*(?:\(.*\)|[:–—-]\s.*)$/u, '').trim();
}
