// Matches a document's headings (and bold labels, and runbook steps) to the sections a profile asks for, by meaning.
import { normalizeHeading } from '../markdown/headingText';
import { documentMatches, documentView } from '../markdown/documentViews';
import type { Heading, MarkdownDocument, Section } from '../markdown/model';
import { range } from '../markdown/position';
import type { SectionSpec } from '../profiles/types';

/**
 * How a document section was recognised as a profile section, most literal first:
 * - `title`: the heading is the section's title;
 * - `synonym`: the heading is one of its synonyms;
 * - `qualified`: a title or synonym followed by a qualifier ("Timeline (all times UTC)", "Impact: customers");
 * - `head noun`: the heading's head noun phrase is a name, with qualifiers before or after it
 *   ("Incident Impact", "Impact on users", "Root cause of the outage", "Details of Fix");
 * - `combined`: one part of a heading joining several ("Recovery and Lessons Learned");
 * - `question`: a question heading that asks for the section ("How did this happen?");
 * - `bold label`: a paragraph that starts with a bold label (`**Impact**`, `**Impact:** text`);
 * - `step`: a numbered or titled step, or a list item, whose verb does the section's work and that holds a command.
 */
export type SectionMatchHow =
  'title' | 'synonym' | 'qualified' | 'head noun' | 'combined' | 'question' | 'bold label' | 'step';

/** A required section and the document section that provides it, if any. */
export interface SectionMatch {
  readonly spec: SectionSpec;
  /**
   * The document section providing it. For a bold label or a step it is a pseudo-section: its
   * heading is the label or the step's first line (level one below the enclosing heading).
   */
  readonly section: Section | undefined;
  /** How the section was recognised (undefined when it was not). */
  readonly how?: SectionMatchHow;
  /** The title, synonym or verb of the spec that the heading was read as (normalised). */
  readonly name?: string;
  /** For a bold label: the character on the label's line where its value starts (after the label and its colon). */
  readonly labelEnd?: number;
}

/** The normalised names that identify a section spec: its title and its synonyms. */
export function sectionNames(spec: SectionSpec): Set<string> {
  return new Set([spec.title, ...spec.synonyms].map(normalizeHeading));
}

/** A place in the document that may provide sections. */
interface Candidate {
  readonly section: Section;
  readonly source: 'heading' | 'label';
  readonly labelEnd?: number;
}

/** A reading of a candidate as one spec. */
interface Reading {
  readonly how: SectionMatchHow;
  readonly name: string;
}

/**
 * Finds, for each spec, the section of the document that provides it. The document title
 * (the first level-1 heading) never counts as a section. Readings are tried from the most
 * literal to the loosest, each over the whole document in order: a heading that is a title or
 * synonym, one with a qualifier, one whose head noun, part or question names the section; then
 * bold-label paragraphs the same way; then (for specs with step verbs) steps. A heading that
 * is exactly one section's name is read as that section only, so "Contributing Causes" stays
 * with Contributing Factors even where "Causes" names the root cause.
 */
export function matchSections(doc: MarkdownDocument, specs: readonly SectionSpec[]): SectionMatch[] {
  const candidates = documentCandidates(doc);
  const readings = candidates.map((c) => cachedReading(c.section.heading.text, specs));
  const tiers: ((reading: Reading, c: Candidate) => boolean)[] = [
    (r, c) => c.source === 'heading' && (r.how === 'title' || r.how === 'synonym'),
    (r, c) => c.source === 'heading' && r.how === 'qualified',
    (_r, c) => c.source === 'heading',
    (_r, c) => c.source === 'label',
  ];
  return specs.map((spec) => {
    for (const tier of tiers) {
      for (let i = 0; i < candidates.length; i++) {
        const reading = readings[i].get(spec);
        if (reading && tier(reading, candidates[i])) {
          const c = candidates[i];
          const how = c.source === 'label' ? 'bold label' : reading.how;
          return {
            spec,
            section: c.section,
            how,
            name: reading.name,
            ...(c.labelEnd !== undefined ? { labelEnd: c.labelEnd } : {}),
          };
        }
      }
    }
    if (spec.stepVerbs && spec.stepVerbs.length > 0) {
      const step = findStep(doc, spec.stepVerbs);
      if (step) return { spec, section: step.section, how: 'step', name: step.verb };
    }
    return { spec, section: undefined };
  });
}

// ---------------------------------------------------------------------------------------------
// Reading one heading

const namesCache = new WeakMap<SectionSpec, ReadonlyMap<string, string>>();

/** The spec's names keyed by their stemmed form (each word's plural `s` dropped), to the normalised name. */
function stemmedNames(spec: SectionSpec): ReadonlyMap<string, string> {
  let names = namesCache.get(spec);
  if (!names) {
    const map = new Map<string, string>();
    // The title first: a synonym that stems to the same phrase ("Triggers") does not replace it.
    for (const n of sectionNames(spec)) if (!map.has(stem(n))) map.set(stem(n), n);
    names = map;
    namesCache.set(spec, names);
  }
  return names;
}

/** Drops a plural `s` from each word of a normalised phrase ("root causes" → "root cause"). */
function stem(phrase: string): string {
  return phrase
    .split(' ')
    .map((w) =>
      w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')
        ? w.slice(0, -1)
        : w,
    )
    .join(' ');
}

/** The spec that `phrase` (stemmed) names exactly, with that name. */
function exactName(phrase: string, spec: SectionSpec): string | undefined {
  return stemmedNames(spec).get(phrase);
}

/** The name of `spec` that `phrase` (stemmed) ends with, as whole words ("incident impact" ends with "impact"). */
function suffixName(phrase: string, spec: SectionSpec): string | undefined {
  for (const [stemmed, name] of stemmedNames(spec)) {
    if (phrase === stemmed || phrase.endsWith(` ${stemmed}`)) return name;
  }
  return undefined;
}

const readingCache = new WeakMap<readonly SectionSpec[], Map<string, Map<SectionSpec, Reading>>>();
const READING_CACHE_LIMIT = 2048;

/** `readCandidate`, remembered per spec list (a profile's) and heading text: the same headings come back on every lint. */
function cachedReading(text: string, specs: readonly SectionSpec[]): Map<SectionSpec, Reading> {
  let perSpecs = readingCache.get(specs);
  if (!perSpecs) {
    perSpecs = new Map();
    readingCache.set(specs, perSpecs);
  }
  let reading = perSpecs.get(text);
  if (!reading) {
    reading = readCandidate(text, specs);
    if (perSpecs.size >= READING_CACHE_LIMIT) perSpecs.clear();
    perSpecs.set(text, reading);
  }
  return reading;
}

/**
 * How a heading text reads as each spec. A heading that is exactly some spec's name (as
 * written or without a qualifier) is read as that spec only; otherwise its meaning is read.
 */
function readCandidate(text: string, specs: readonly SectionSpec[]): Map<SectionSpec, Reading> {
  const out = new Map<SectionSpec, Reading>();
  const normalised = normalizeHeading(text);
  const whole = stem(normalised);
  for (const spec of specs) {
    const name = exactName(whole, spec);
    if (name !== undefined) out.set(spec, { how: name === normalizeHeading(spec.title) ? 'title' : 'synonym', name });
  }
  if (out.size > 0) return out;
  const bare = stem(withoutReferences(stripQualifier(normalised)));
  for (const spec of specs) {
    const name = exactName(bare, spec);
    if (name !== undefined) out.set(spec, { how: 'qualified', name });
  }
  if (out.size > 0) return out;
  for (const part of meaningParts(normalised)) {
    for (const spec of specs) {
      if (out.has(spec)) continue;
      const name = part.exact ? exactName(part.phrase, spec) : suffixName(part.phrase, spec);
      if (name !== undefined) out.set(spec, { how: part.how, name });
    }
  }
  return out;
}

function stripQualifier(text: string): string {
  return text.replace(/\s*(?:\(.*\)|[:–—-]\s.*)$/u, '').trim();
}

/** Drops footnote and reference marks a converter leaves in headings: "timeline [167]", "impact ^163^". */
function withoutReferences(text: string): string {
  return text.replace(/(?:\s*(?:\[\[?\d+\]?\]|\^\[?\d+\]?\^?|\[\^\w+\]))+\s*$/u, '').trim();
}

/** A phrase to look up: exactly (a question's canonical name) or as the end of the phrase (a head noun phrase). */
interface MeaningPart {
  readonly phrase: string;
  readonly exact: boolean;
  readonly how: SectionMatchHow;
}

/** Nouns that name a kind of text rather than its subject: "Impact Analysis" and "Details of Fix" are about impact and the fix. */
const CONTAINER_NOUNS = new Set([
  'analysis',
  'assessment',
  'detail',
  'description',
  'discussion',
  'explanation',
  'breakdown',
  'note',
  'report',
  'summary',
  'overview',
  'identification',
  'step',
  'section',
  'statement',
  'information',
  'info',
]);

/** Prepositions that start a qualifier after the head noun: "Impact on users", "Root cause of the outage". */
const PREPOSITION =
  /^(.+?)\s+(?:of|on|for|to|in|from|during|with|at|by|about|after|behind|into|across|per|under)\s+(.+)$/u;

/** Words that only intensify: "What didn't go so well" reads as "What didn't go well". */
const FILLERS = /\b(?:so|very|really|particularly|quite|especially)\s+/gu;

/**
 * Question headings and the section names they ask for. Names are tried in order against
 * each spec; a question that asks for no name of a profile satisfies nothing.
 */
const QUESTIONS: readonly (readonly [RegExp, readonly string[]])[] = [
  [
    /^(?:what|who|which \w+|how) (?:\w+ )?(?:was|were|is|are|got|has been|have been|gets|get) (?:impacted|affected)$|^(?:who|what) (?:did|does) (?:it|this|the [\w ]+) (?:impact|affect)$/u,
    ['impact'],
  ],
  [
    /^(?:how|why) (?:did|does|could|would) (?:this|it|that|the [\w ]+) (?:happen|occur)$|^why (?:this|it|that|the [\w ]+) happened$|^what (?:caused|causes) (?:this|it|that|the [\w ]+)$|^why did (?:this|it|that|the [\w ]+) (?:fail|break)$/u,
    ['root causes', 'root cause', 'cause'],
  ],
  [
    /^how (?:was|were|did we|we|did you|did they) (?:it |this |that |the [\w ]+ )?(?:detect|detected|notice|noticed|discover|discovered|find|found|spot|spotted)\b/u,
    ['detection'],
  ],
  [
    /^how (?:was|were|did we|we|did you|did they) (?:it |this |that |the [\w ]+ )?(?:fix|fixed|resolve|resolved|mitigate|mitigated|recover|recovered|respond|responded)\b/u,
    ['resolution', 'mitigation', 'recovery', 'response'],
  ],
  // "What we're doing about it" tells both what was done and what will be.
  [
    /\b(?:doing|do|did|done|going to do) about (?:it|this|that)$/u,
    ['action items', 'resolution', 'mitigation', 'remediation'],
  ],
  [
    /^how (?:are|will|do|can|could|should) we (?:prevent|preventing|avoid|avoiding|stop|stopping) (?:it|this|that|the [\w ]+|recurrence|a recurrence)(?: (?:from )?(?:happening|occurring)(?: again)?| again| in the future)?$|^how (?:to|do we|will we|can we) (?:fix|prevent) (?:it|this|that)$/u,
    ['action items'],
  ],
  [/^what (?:did )?we (?:learn|learned|learnt)$|^how(?:d| did) we do$|^how did it go$/u, ['lessons learned']],
  [/^what (?:is|was|were|are) the (.+)$/u, []],
  [/^what happened$/u, ['summary']],
];

/** The parts of a heading's meaning: its question, or its head noun phrases (each part of a combined heading, each side of a colon). */
function meaningParts(normalised: string): MeaningPart[] {
  const text = withoutReferences(
    normalised
      .replace(/\s*\([^)]*\)\s*/gu, ' ')
      .replace(FILLERS, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  const out: MeaningPart[] = [];
  for (const side of text.split(/\s*(?::|\s[–—-])\s+/u)) {
    const question = readQuestion(side);
    if (question) {
      out.push(...question);
      continue;
    }
    const conjuncts = side.split(/\s*(?:,|\band\b|&|\/|\+)\s*/u).filter((c) => c.length > 0);
    const how: SectionMatchHow = conjuncts.length > 1 ? 'combined' : 'head noun';
    for (const conjunct of conjuncts)
      out.push(...headPhrases(conjunct).map((phrase) => ({ phrase, exact: false, how })));
  }
  return out;
}

function readQuestion(text: string): MeaningPart[] | undefined {
  for (const [pattern, names] of QUESTIONS) {
    const m = pattern.exec(text);
    if (!m) continue;
    // "What was the root cause?" asks for the noun phrase it names.
    if (names.length === 0) return headPhrases(m[1]).map((phrase) => ({ phrase, exact: false, how: 'question' }));
    return names.map((name) => ({ phrase: stem(name), exact: true, how: 'question' }));
  }
  // A question we do not know ("What went well?" is matched as written) says nothing more.
  return undefined;
}

/**
 * The head noun phrases of one conjunct, best first: without a prepositional tail ("impact on
 * users" → "impact"); a container noun gives way to what it contains ("impact analysis" →
 * "impact", "details of fix" → "fix"), the container itself coming last.
 */
function headPhrases(conjunct: string): string[] {
  const c = conjunct.replace(/^(?:the|our|a|an|some)\s+/u, '');
  const m = PREPOSITION.exec(c);
  const head = stem(m ? m[1] : c);
  const complement = m ? stem(m[2].replace(/^(?:the|our|a|an)\s+/u, '')) : undefined;
  const words = head.split(' ');
  const last = words[words.length - 1];
  if (!CONTAINER_NOUNS.has(last)) return [head];
  if (words.length > 1) return [words.slice(0, -1).join(' '), head];
  return complement ? [complement, head] : [head];
}

// ---------------------------------------------------------------------------------------------
// Candidates: headings and bold labels

/** The headings (title excepted) and bold-label paragraphs of `doc`, in document order, as sections. */
function documentCandidates(doc: MarkdownDocument): readonly Candidate[] {
  return documentView(doc, 'sectionCandidates', () => {
    const headings: Candidate[] = doc.sections
      .filter((s) => s.heading !== doc.title)
      .map((section) => ({ section, source: 'heading' }));
    const labels = boldLabels(doc);
    return [...headings, ...labels].sort((a, b) => a.section.heading.line - b.section.heading.line);
  });
}

/**
 * The bold-label paragraphs of `doc` as pseudo-sections (heading: the label; body: from the label's
 * line to the next heading or label), the same ones `matchSections` reads, for readers that look
 * for sections by their own names (the follow-up sections of the action items).
 */
export function boldLabelSections(doc: MarkdownDocument): readonly Section[] {
  return documentCandidates(doc)
    .filter((c) => c.source === 'label')
    .map((c) => c.section);
}

/** `**Label**`, `**Label:** text`, `**Label**: text`, `__Label__` at the start of a paragraph, with footnote marks allowed after it. */
const BOLD_LABEL = /^(\*\*|__)(?!\s)([^*_\n]{1,60}?)(?<!\s)\1(.*)$/u;
const TRAILING_REFERENCES = /^(?:\s*(?:\^\[[^\]]*\]\([^)]*\)\^|\[\[[^\]]*\]\]\([^)]*\)|\[\^?\w+\]))+/u;

/**
 * Bold-label paragraphs outside lists, quotes, tables and code: a bold label with a colon
 * (inside or after the bold) followed by its value, or a bold label alone on its paragraph.
 * Each becomes a pseudo-section running to the next heading or label.
 */
function boldLabels(doc: MarkdownDocument): Candidate[] {
  // Most documents have no line starting with bold text: one search of the text settles it.
  if (!documentMatches(doc, /^(?:\*\*|__)\S/m)) return [];
  const inBlock = (line: number) =>
    doc.codeBlocks.some((b) => line >= b.startLine && line < b.endLine) ||
    doc.tables.some((t) => line >= t.startLine && line < t.endLine) ||
    doc.listItems.some((i) => line >= i.line && line < i.endLine);
  const headingLines = new Set(doc.headings.map((h) => h.line));
  const start = doc.frontMatter ? doc.frontMatter.endLine + 1 : 0;
  const found: { line: number; name: string; labelEnd: number }[] = [];
  for (let line = start; line < doc.lines.length; line++) {
    const text = doc.lines[line];
    if ((text[0] !== '*' && text[0] !== '_') || headingLines.has(line)) continue;
    const m = BOLD_LABEL.exec(text);
    if (!m || inBlock(line)) continue;
    let name = m[2].trim();
    // After the closing marks: footnote marks, a colon, footnote marks again, then the value.
    let at = text.length - m[3].length;
    let colon = name.endsWith(':');
    if (colon) name = name.slice(0, -1).trim();
    at += TRAILING_REFERENCES.exec(text.slice(at))?.[0].length ?? 0;
    if (!colon && /^\s*:/u.test(text.slice(at))) {
      colon = true;
      at = text.indexOf(':', at) + 1;
      at += TRAILING_REFERENCES.exec(text.slice(at))?.[0].length ?? 0;
    }
    while (at < text.length && /\s/u.test(text[at])) at++;
    const value = text.slice(at).trim();
    const previous = line > start ? doc.lines[line - 1].trim() : '';
    const paragraphStart = previous === '' || headingLines.has(line - 1) || found.some((f) => f.line === line - 1);
    if (!paragraphStart || /[.!,;]$/u.test(name) || name.length === 0) continue;
    if (colon) {
      found.push({ line, name, labelEnd: at });
    } else if (value === '') {
      const next = doc.lines[line + 1];
      if (next === undefined || next.trim() === '' || headingLines.has(line + 1) || inBlock(line + 1))
        found.push({ line, name, labelEnd: text.length });
    }
  }
  const nextBoundary = (line: number): number => {
    let end = doc.lines.length;
    for (const h of doc.headings)
      if (h.line > line) {
        end = h.line;
        break;
      }
    for (const f of found)
      if (f.line > line) {
        end = Math.min(end, f.line);
        break;
      }
    return end;
  };
  return found.map((f) => {
    const enclosing = enclosingHeading(doc, f.line);
    const heading: Heading = {
      level: Math.min(6, (enclosing?.level ?? 1) + 1),
      text: f.name,
      line: f.line,
      range: range(f.line, 0, f.line, doc.lines[f.line].length),
    };
    return {
      section: { heading, bodyStartLine: f.line, endLine: nextBoundary(f.line) },
      source: 'label',
      labelEnd: f.labelEnd,
    };
  });
}

/** The last heading before `line`. */
function enclosingHeading(doc: MarkdownDocument, line: number): Heading | undefined {
  let found: Heading | undefined;
  for (const h of doc.headings) {
    if (h.line >= line) break;
    found = h;
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Runbook steps

/**
 * The first step whose leading verb is one of `verbs` and that holds a command: a heading
 * (numbered, "1. Check the logs", or titled, "Finding and terminating old transactions") whose
 * body holds a command, or a list item ("Restart the service: `systemctl restart x`") that does.
 */
function findStep(doc: MarkdownDocument, verbs: readonly string[]): { section: Section; verb: string } | undefined {
  const forms = verbForms(verbs);
  const steps: { section: Section; verb: string }[] = [];
  for (const section of doc.sections) {
    if (section.heading === doc.title) continue;
    const verb = leadingVerb(normalizeHeading(section.heading.text), forms);
    if (verb && holdsCommand(doc, section.bodyStartLine, section.endLine)) steps.push({ section, verb });
  }
  for (const item of doc.listItems) {
    // Not `normalizeHeading`: its memo is for the few names compared on every lint, not every list item.
    const verb = leadingVerb(
      item.text
        .toLowerCase()
        .replace(/[*_`~]/gu, '')
        .replace(/[’']/gu, '')
        .trim(),
      forms,
    );
    if (!verb || !holdsCommand(doc, item.line, item.endLine)) continue;
    const enclosing = enclosingHeading(doc, item.line);
    const heading: Heading = {
      level: Math.min(6, (enclosing?.level ?? 1) + 1),
      text: item.text.trim(),
      line: item.line,
      range: range(item.line, 0, item.line, doc.lines[item.line].length),
    };
    steps.push({ section: { heading, bodyStartLine: item.line, endLine: item.endLine }, verb });
  }
  steps.sort((a, b) => a.section.heading.line - b.section.heading.line);
  return steps[0];
}

const formsCache = new WeakMap<readonly string[], ReadonlyMap<string, string>>();

/** Each verb's forms (base, -s, -ing, -ed) to the base: "restarting" → "restart", "fail over" → "fail over". */
function verbForms(verbs: readonly string[]): ReadonlyMap<string, string> {
  let forms = formsCache.get(verbs);
  if (forms) return forms;
  const map = new Map<string, string>();
  for (const verb of verbs) {
    const [first, ...rest] = verb.toLowerCase().split(' ');
    const tail = rest.length ? ` ${rest.join(' ')}` : '';
    const stemE = first.endsWith('e') ? first.slice(0, -1) : first;
    const doubled = /[^aeiou][aeiou][bdgklmnprt]$/u.test(first) ? first + first[first.length - 1] : first;
    for (const f of [
      first,
      `${first}s`,
      `${first}es`,
      `${stemE}ing`,
      `${doubled}ing`,
      `${stemE}ed`,
      `${doubled}ed`,
      first.endsWith('y') ? `${first.slice(0, -1)}ies` : first,
    ]) {
      map.set(f + tail, verb);
    }
  }
  forms = map;
  formsCache.set(verbs, forms);
  return forms;
}

/**
 * The verb (base form) that `text` starts with, or that starts one of its parts joined by
 * "and" ("find and terminate old transactions"), after "attempt to", "try to" or "then".
 */
function leadingVerb(text: string, forms: ReadonlyMap<string, string>): string | undefined {
  const t = text
    .replace(/\bre-(?=[a-z])/gu, 're')
    .replace(/^(?:then|now|finally|first|next)\s+/u, '')
    .replace(/^(?:attempt|try|be sure|make sure you)\s+to\s+/u, '');
  for (const part of t.split(/\s*(?:,|\band\b|\bthen\b)\s*/u)) {
    const words = part.replace(/^(?:attempt|try)\s+to\s+/u, '').split(/[\s:]+/u);
    for (const n of [2, 1]) {
      const verb = forms.get(words.slice(0, n).join(' '));
      if (verb) return verb;
    }
  }
  return undefined;
}

/** Whether lines [from, to) hold a command: a non-empty code block, or inline code with arguments or shell syntax. */
function holdsCommand(doc: MarkdownDocument, from: number, to: number): boolean {
  return (
    doc.codeBlocks.some((b) => b.startLine >= from && b.startLine < to && b.content.trim().length > 0) ||
    doc.inlineCode.some((c) => c.line >= from && c.line < to && /\s|[|=()<>$]/u.test(c.content.trim()))
  );
}

/** Which heading (or label, or step) satisfied which profile section, as `--format json` and the hover tell it. */
export interface SectionExplanation {
  /** The profile section's id, e.g. `root-cause`. */
  readonly id: string;
  /** The profile section's title, e.g. `Root Cause`. */
  readonly section: string;
  /** The heading, label or step text that provides it. */
  readonly heading: string;
  /** 1-based line of that heading. */
  readonly line: number;
  readonly how: SectionMatchHow;
  /** The title, synonym or verb it was read as. */
  readonly name: string;
}

/** The matched sections of `matches`, explained, in the profile's order. */
export function explainSections(matches: readonly SectionMatch[]): SectionExplanation[] {
  return matches.flatMap((m) =>
    m.section && m.how
      ? [
          {
            id: m.spec.id,
            section: m.spec.title,
            heading: m.section.heading.text,
            line: m.section.heading.line + 1,
            how: m.how,
            name: m.name ?? normalizeHeading(m.spec.title),
          },
        ]
      : [],
  );
}

/** One sentence saying how a match was made, e.g. `Satisfies the profile's "Impact" section (head noun "impact").` */
export function describeMatch(m: SectionMatch): string | undefined {
  if (!m.section || !m.how) return undefined;
  const why: Record<SectionMatchHow, string> = {
    title: 'its title',
    synonym: `the synonym "${m.name ?? ''}"`,
    qualified: `"${m.name ?? ''}" with a qualifier`,
    'head noun': `head noun "${m.name ?? ''}"`,
    combined: `"${m.name ?? ''}", one part of a combined heading`,
    question: `a question asking for "${m.name ?? ''}"`,
    'bold label': `a bold label read as "${m.name ?? ''}"`,
    step: `a step whose verb "${m.name ?? ''}" does its work`,
  };
  return `Satisfies the profile's "${m.spec.title}" section (${why[m.how]}).`;
}
