// `init`: reads a team's existing incident documents and proposes a `.incident-workbench.yaml` that fits their template.
import { parseConfig } from '../config/parse';
import { normalizeHeading } from '../markdown/headingText';
import { parseMarkdown, type MarkdownDocument } from '../markdown/model';
import { kindFromContent, kindFromPathWords, toPosix } from '../lint/documentKind';
import { lintModel } from '../lint/lint';
import { readActionItems } from '../postmortem/actionItems';
import { matchSeverity, readFields, SEVERITY_FIELD_NAMES } from '../postmortem/fields';
import { matchSections } from '../postmortem/sections';
import {
  BUILT_IN_PROFILES,
  DEFAULT_PROFILE_NAME,
  findProfile,
  type DocumentKind,
  type Profile,
  type SectionSpec,
} from '../profiles';

/** One existing document: its path relative to the repository root (forward slashes) and its text. */
export interface InitDocument {
  readonly path: string;
  readonly text: string;
}

/** The kinds `init` reads the structure of; live records vary too much to propose sections for. */
export const INIT_KINDS: readonly DocumentKind[] = ['postmortem', 'runbook'];

/** The rules whose findings are structural (a missing section), counted before and after. */
export const STRUCTURAL_RULES: readonly string[] = ['PM001', 'RB001'];

/** A share of documents at or above which a heading is the team's convention. */
const CONVENTION_SHARE = 0.5;
/** A share at or above which a team's own heading becomes a required section. */
const REQUIRED_SHARE = 0.8;
/** Below this many documents a missing section may be an incomplete document, not the team's convention: it stays required. */
const MIN_DOCUMENTS_TO_RELAX = 5;

/** What `init` found for one kind of document. */
export interface KindFindings {
  readonly kind: DocumentKind;
  readonly documents: number;
  /** The folder most of them are in ('.' for the root). */
  readonly folder: string;
  /** How many of them are in that folder. */
  readonly inFolder: number;
  /** The file-name pattern most of them follow, when one does. */
  readonly fileName?: string;
  readonly inFileName: number;
  /** Their section headings as most often written, with the number of documents that have each, most common first. */
  readonly headings: readonly { readonly text: string; readonly documents: number }[];
}

/** The proposal: the YAML, and the numbers it was chosen by. */
export interface InitProposal {
  /** The built-in profile the proposal extends. */
  readonly base: Profile;
  /** Structural findings (PM001, RB001) of each built-in profile on the documents, in registry order. */
  readonly byProfile: readonly { readonly name: string; readonly structural: number }[];
  readonly kinds: readonly KindFindings[];
  /** The text of `.incident-workbench.yaml`, comments included. */
  readonly yaml: string;
  /** The profile the YAML resolves to. */
  readonly profile: Profile;
  /** Structural findings under the base profile and under the proposal. */
  readonly before: number;
  readonly after: number;
  /** Findings of every rule under the base profile and under the proposal, by rule id. */
  readonly findingsBefore: Readonly<Record<string, number>>;
  readonly findingsAfter: Readonly<Record<string, number>>;
}

interface ReadDocument {
  readonly path: string;
  readonly doc: MarkdownDocument;
  readonly kind: DocumentKind;
}

/** File names that are not incident documents even in a documents folder. */
const NOT_DOCUMENT =
  /^(?:readme|index|changelog|contributing|license|licence|template|_template|summary)(?:[.-].*)?\.(?:md|markdown)$/i;

/** Words in a heading that say which section of a postmortem or runbook it is, by section id (tried in order). */
const ROLE_WORDS: readonly (readonly [string, RegExp])[] = [
  ['contributing-factors', /\bcontribut|\bfactors?\b/],
  ['root-cause', /\bcauses?\b|\bwhy\b|\bwhat broke\b|\bfault\b|\bfailure\b/],
  ['root-causes', /\bcauses?\b|\bwhy\b|\bwhat broke\b|\bfault\b|\bfailure\b/],
  ['five-whys', /\bwhys\b/],
  ['trigger', /\btrigger/],
  ['went-well', /\bwent well\b|\bwhat worked\b|\bgood\b|\bwins?\b/],
  ['went-wrong', /\bwent wrong\b|\bpoor|\bbad\b|\bdidn.?t go|\bbetter\b/],
  ['could-be-improved', /\bimprov|\bbetter\b|\bwent wrong\b/],
  ['got-lucky', /\blucky?\b/],
  ['lessons-learned', /\blessons?\b|\blearn|\btakeaways?\b/],
  [
    'action-items',
    /\bactions?\b|\bfollow.?ups?\b|\btodo\b|\btasks?\b|\bnext steps?\b|\bremediation items?\b|\bprevent/,
  ],
  ['timeline', /\btimeline\b|\bchronolog|\bsequence\b|\bevents\b|\bhistory\b/],
  ['impact', /\bimpact|\baffected\b|\bblast radius\b|\bdamage\b/],
  ['detection', /\bdetect|\bdiscover|\bnoticed?\b|\balert(?:ing)?\b|\bhow we found\b/],
  ['mitigation', /\bmitigat|\bresol|\bfix|\brecover|\brespon|\brestor/],
  ['resolution', /\bmitigat|\bresol|\bfix|\brecover|\brespon|\brestor/],
  ['summary', /\bsummary\b|\boverview\b|\btl.?dr\b|\babstract\b|\bwhat happened\b|\bbackground\b/],
  ['what-happened', /\bwhat happened\b|\bnarrative\b|\bdescription\b|\bstory\b/],
  ['responders', /\brespond|\bpeople\b|\bparticipants?\b|\bwho\b/],
  ['symptoms', /\bsymptom|\bsigns?\b|\bmeaning\b|\balerts?\b/],
  ['diagnosis', /\bdiagnos|\binvestigat|\btriage\b|\btroubleshoot|\bcheck/],
  ['escalation', /\bescalat|\bcontacts?\b|\bwho to call\b|\bowners?\b/],
  ['verification', /\bverif|\bvalidat|\bconfirm|\bcheck it worked\b/],
];

/**
 * Reads `documents` and proposes a configuration: the built-in profile with the fewest structural findings
 * (or `profileName`), extended with the team's folders, file names and section headings.
 */
export function proposeConfig(documents: readonly InitDocument[], profileName?: string): InitProposal {
  const read = classify(documents);
  const byProfile = BUILT_IN_PROFILES.map((p) => ({ name: p.name, structural: countFindings(read, p).structural }));
  let base: Profile;
  if (profileName !== undefined) {
    const named = findProfile(profileName);
    if (!named) throw new Error(`Unknown profile "${profileName}".`);
    base = named;
  } else {
    const best = byProfile.reduce((a, b) => (b.structural < a.structural ? b : a), byProfile[0]);
    base = findProfile(best.name) ?? (findProfile(DEFAULT_PROFILE_NAME) as Profile);
  }
  const kinds = INIT_KINDS.map((kind) =>
    describeKind(
      kind,
      read.filter((d) => d.kind === kind),
    ),
  ).filter((k): k is KindFindings => k !== undefined);
  const yaml = renderYaml(base, kinds, read, byProfile);
  const parsed = parseConfig(yaml, '.incident-workbench.yaml');
  if (!parsed.profile)
    throw new Error(
      `init produced a configuration that does not apply: ${parsed.problems.map((p) => p.message).join('; ')}`,
    );
  const before = countFindings(read, base);
  const after = countFindings(read, parsed.profile);
  return {
    base,
    byProfile,
    kinds,
    yaml,
    profile: parsed.profile,
    before: before.structural,
    after: after.structural,
    findingsBefore: before.byRule,
    findingsAfter: after.byRule,
  };
}

/** The documents that are postmortems or runbooks: by words in their path, else their content. */
function classify(documents: readonly InitDocument[]): ReadDocument[] {
  const harness = findProfile(DEFAULT_PROFILE_NAME) as Profile;
  const out: ReadDocument[] = [];
  for (const d of documents) {
    const path = toPosix(d.path);
    if (NOT_DOCUMENT.test(path.split('/').pop() ?? '')) continue;
    const doc = parseMarkdown(d.text);
    // "incident" in a path says little ("incident-reviews/" holds postmortems): the content decides then.
    const fromPath = kindFromPathWords(path);
    const kind = fromPath && fromPath !== 'incident' ? fromPath : kindFromContent(doc, harness, INIT_KINDS);
    if (kind && INIT_KINDS.includes(kind)) out.push({ path, doc, kind });
  }
  return out;
}

/** Structural findings, and all findings by rule, of `profile` on the documents. */
export function countFindings(
  read: readonly { doc: MarkdownDocument; kind: DocumentKind; path: string }[],
  profile: Profile,
): { structural: number; byRule: Record<string, number> } {
  const byRule: Record<string, number> = {};
  let structural = 0;
  for (const d of read) {
    for (const f of lintModel(d.doc, d.kind, profile, { path: d.path }).findings) {
      byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
      if (STRUCTURAL_RULES.includes(f.ruleId)) structural++;
    }
  }
  return { structural, byRule };
}

/** The headings that divide a document into sections: those of the most used level below the title. */
function sectionHeadings(doc: MarkdownDocument): string[] {
  const levels = new Map<number, number>();
  for (const h of doc.headings) if (h !== doc.title) levels.set(h.level, (levels.get(h.level) ?? 0) + 1);
  const top = [...levels.keys()].sort((a, b) => a - b)[0];
  return doc.headings
    .filter((h) => h !== doc.title && h.level === top)
    .map((h) => h.text.trim())
    .filter(Boolean);
}

function describeKind(kind: DocumentKind, docs: readonly ReadDocument[]): KindFindings | undefined {
  if (docs.length === 0) return undefined;
  const folders = tally(docs.map((d) => (d.path.includes('/') ? d.path.slice(0, d.path.lastIndexOf('/')) : '.')));
  const patterns = tally(
    docs.map((d) => fileNamePattern(d.path.split('/').pop() ?? '')).filter((p): p is string => p !== undefined),
  );
  const spelled = new Map<string, Map<string, number>>();
  const counts = new Map<string, number>();
  for (const d of docs) {
    const seen = new Set<string>();
    for (const text of sectionHeadings(d.doc)) {
      const key = normalizeHeading(text);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      const forms = spelled.get(key) ?? new Map<string, number>();
      forms.set(text, (forms.get(text) ?? 0) + 1);
      spelled.set(key, forms);
    }
  }
  const headings = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key, n]) => ({
      text: withoutNumbering(
        [...(spelled.get(key) as Map<string, number>).entries()].sort((a, b) => b[1] - a[1])[0][0],
      ),
      documents: n,
    }));
  return {
    kind,
    documents: docs.length,
    folder: folders[0][0],
    inFolder: folders[0][1],
    fileName: patterns[0]?.[0],
    inFileName: patterns[0]?.[1] ?? 0,
    headings,
  };
}

/** A heading's text without leading numbering ("3.", "3)", "IV.", "Step 2:"). */
function withoutNumbering(text: string): string {
  return (
    text
      .replace(/^\s*(?:(?:step|section|part|phase)\s+)?(?:\d+(?:\.\d+)*\s*[.):\-–—]?|[ivx]+\s*[.)])\s+/iu, '')
      .trim() || text
  );
}

/** The file-name pattern of `name` in the profile's placeholders, when it carries a date. */
export function fileNamePattern(name: string): string | undefined {
  const m = /^(.*?)(\d{4})-(\d{2})-(\d{2})(.*)\.(md|markdown)$/i.exec(name);
  if (m)
    return `${m[1]}YYYY-MM-DD${m[5] ? (m[5].startsWith('-') || m[5].startsWith('_') ? `${m[5][0]}<slug>` : '<slug>') : ''}.${m[6]}`;
  const compact = /^(.*?)(\d{4})(\d{2})(\d{2})(.*)\.(md|markdown)$/i.exec(name);
  if (compact && /^(?:19|20)\d\d$/.test(compact[2]))
    return `${compact[1]}YYYYMMDD${compact[5] ? `${compact[5][0]}<slug>` : ''}.${compact[6]}`;
  return undefined;
}

/** Values and their counts, most frequent first (ties: first seen). */
function tally(values: readonly string[]): [string, number][] {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1]);
}

/** How sure a share of documents makes us, in words. */
function sureness(n: number, of: number): string {
  const share = of === 0 ? 0 : n / of;
  return `${n} of ${of} documents${share >= 0.9 ? '' : share >= 0.6 ? ', fairly sure' : ', unsure'}`;
}

const q = (s: string) => JSON.stringify(s);

/** A kebab-case id for a team's own section. */
function idOf(title: string): string {
  return (
    normalizeHeading(title)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'section'
  );
}

interface SectionPlan {
  readonly modify: { id: string; title?: string; addSynonyms: string[]; required?: boolean; why: string }[];
  readonly add: { id: string; title: string; required: boolean; why: string }[];
}

/** How the base's sections for `kind` change to fit the team's headings. */
function planSections(specs: readonly SectionSpec[], docs: readonly ReadDocument[], found: KindFindings): SectionPlan {
  const n = docs.length;
  // Which of the team's headings already provide a base section, and how many documents have each base section.
  const provided = new Map<string, number>();
  const usedHeadings = new Set<string>();
  for (const d of docs) {
    for (const m of matchSections(d.doc, specs)) {
      if (!m.section) continue;
      provided.set(m.spec.id, (provided.get(m.spec.id) ?? 0) + 1);
      usedHeadings.add(normalizeHeading(m.section.heading.text));
    }
  }
  const plan: SectionPlan = { modify: [], add: [] };
  const taken = new Set<string>();
  const common = found.headings.filter(
    (h) => h.documents / n >= CONVENTION_SHARE && !usedHeadings.has(normalizeHeading(h.text)),
  );
  for (const heading of common) {
    const key = normalizeHeading(heading.text);
    const role = ROLE_WORDS.find(
      ([id, words]) =>
        words.test(key) &&
        specs.some((s) => s.id === id && (provided.get(id) ?? 0) / n < CONVENTION_SHARE) &&
        !taken.has(id),
    );
    if (role) {
      const spec = specs.find((s) => s.id === role[0]) as SectionSpec;
      taken.add(spec.id);
      plan.modify.push({
        id: spec.id,
        title: heading.text,
        addSynonyms: [spec.title],
        why: `your documents call it "${heading.text}" (${sureness(heading.documents, n)})`,
      });
    } else {
      const id = idOf(heading.text);
      if (specs.some((s) => s.id === id) || plan.add.some((a) => a.id === id)) continue;
      const required = heading.documents / n >= REQUIRED_SHARE;
      plan.add.push({
        id,
        title: heading.text,
        required,
        why: `a section of your own (${sureness(heading.documents, n)})${required ? '' : '; optional'}`,
      });
    }
  }
  for (const spec of specs) {
    if (!spec.required || taken.has(spec.id)) continue;
    const have = provided.get(spec.id) ?? 0;
    // Required stays required only where nearly every document already has it: a rarer section is not the team's convention.
    if (have / n < REQUIRED_SHARE && n >= MIN_DOCUMENTS_TO_RELAX) {
      plan.modify.push({
        id: spec.id,
        addSynonyms: [],
        required: false,
        why: `only ${have} of ${n} documents have it; made optional`,
      });
    }
  }
  return plan;
}

/** The severity ids written in the documents' Severity fields, and how many match the base scale. */
function severityFacts(
  docs: readonly ReadDocument[],
  base: Profile,
): { values: [string, number][]; matching: number; total: number } {
  const values: string[] = [];
  let matching = 0;
  for (const d of docs) {
    const field = readFields(d.doc).find((f) => SEVERITY_FIELD_NAMES.includes(normalizeHeading(f.name)));
    if (!field) continue;
    const value = field.value.trim().split(/[\s(,;]/)[0];
    if (!value) continue;
    values.push(value.toUpperCase());
    if (matchSeverity(field.value, base)) matching++;
  }
  return { values: tally(values), matching, total: values.length };
}

/** How the action items are written: as tables (with which columns) or lists. */
function actionItemFacts(docs: readonly ReadDocument[]): string {
  let tables = 0;
  let lists = 0;
  const columns: string[] = [];
  for (const d of docs) {
    const items = readActionItems(d.doc, undefined);
    if (!items || items.items.length === 0) continue;
    if (items.tables.length > 0) {
      tables++;
      for (const t of items.tables) for (const c of t.table.header.cells) columns.push(c.text.trim());
    } else lists++;
  }
  const cols = tally(columns.filter(Boolean))
    .slice(0, 6)
    .map(([c, k]) => `${c} (${k})`)
    .join(', ');
  if (tables + lists === 0) return 'no action items were recognised';
  return `${tables} documents write them as a table${cols ? ` (columns: ${cols})` : ''}, ${lists} as a list`;
}

function renderYaml(
  base: Profile,
  kinds: readonly KindFindings[],
  read: readonly ReadDocument[],
  byProfile: readonly { name: string; structural: number }[],
): string {
  const out: string[] = [
    '# Proposed by `incident-workbench init` from the documents already in this repository.',
    `# Read: ${kinds.map((k) => `${k.documents} ${k.kind}${k.documents === 1 ? '' : 's'}`).join(', ') || 'no incident documents'}.`,
    `# Missing-section findings (PM001/RB001) per built-in profile: ${byProfile.map((p) => `${p.name} ${p.structural}`).join(', ')}.`,
    `# The closest is ${base.name}; this file extends it and changes only what your documents do differently.`,
    '# Every rule keeps its level: only the folders, file names and sections below change.',
    `extends: ${base.name}`,
  ];
  const docsOut: string[] = [];
  for (const k of kinds) {
    const spec = base.documents[k.kind];
    if (!spec) continue;
    const docs = read.filter((d) => d.kind === k.kind);
    const lines: string[] = [];
    const sev = k.kind === 'postmortem' ? severityFacts(docs, base) : undefined;
    lines.push(`  ${k.kind}:`);
    if (k.folder !== spec.folder)
      lines.push(`    # ${sureness(k.inFolder, k.documents)} are in ${k.folder}.`, `    folder: ${q(k.folder)}`);
    if (k.fileName && k.fileName !== spec.fileName && k.inFileName / k.documents >= CONVENTION_SHARE) {
      lines.push(
        `    # Date convention: ${sureness(k.inFileName, k.documents)} are named ${k.fileName}.`,
        `    fileName: ${q(k.fileName)}`,
      );
    } else if (!k.fileName) {
      lines.push("    # No date convention was found in the file names; new documents keep the profile's pattern.");
    }
    const plan = planSections(spec.sections, docs, k);
    lines.push(
      `    # Section headings found (documents having each): ${k.headings
        .slice(0, 15)
        .map((h) => `${h.text} (${h.documents})`)
        .join(', ')}.`,
    );
    if (k.kind === 'postmortem') {
      lines.push(`    # Action items: ${actionItemFacts(docs)}.`);
      if (sev && sev.total > 0) {
        lines.push(
          `    # Severities written: ${sev.values.map(([v, c]) => `${v} (${c})`).join(', ')}; ${sev.matching} of ${sev.total} match the ${base.name} scale (${base.severities.map((s) => s.id).join(', ')}).`,
        );
      } else {
        lines.push("    # No Severity field was found; the profile's scale is kept.");
      }
    }
    if (plan.modify.length > 0 || plan.add.length > 0) {
      lines.push('    sections:');
      if (plan.modify.length > 0) {
        lines.push('      modify:');
        for (const m of plan.modify) {
          const parts: string[] = [];
          if (m.title !== undefined) parts.push(`title: ${q(m.title)}`);
          if (m.addSynonyms.length > 0) parts.push(`addSynonyms: [${m.addSynonyms.map(q).join(', ')}]`);
          if (m.required !== undefined) parts.push(`required: ${m.required}`);
          lines.push(`        # ${m.why}`, `        ${m.id}: { ${parts.join(', ')} }`);
        }
      }
      if (plan.add.length > 0) {
        lines.push('      add:');
        for (const a of plan.add)
          lines.push(
            `        # ${a.why}`,
            `        - { id: ${q(a.id)}, title: ${q(a.title)}, required: ${a.required} }`,
          );
      }
    }
    if (lines.some((l) => !/^\s*#/.test(l) && l.trim() !== `${k.kind}:`)) docsOut.push(...lines);
    // Nothing to change for this kind: its findings stay as comments, since a key with only comments under it is not a mapping.
    else
      out.splice(
        out.length - 1,
        0,
        `# ${k.kind}s: nothing to change.`,
        ...lines.filter((l) => /^\s*#/.test(l)).map((l) => `# ${l.trim().replace(/^#\s*/, '')}`),
      );
  }
  if (docsOut.length > 0) out.push('documents:', ...docsOut);
  return `${out.join('\n')}\n`;
}
