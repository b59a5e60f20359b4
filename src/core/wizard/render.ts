// Renders the postmortem the wizard's draft describes, line by line, remembering which draft field each line comes from.
import { normalizeHeading } from '../markdown/headingText';
import { fieldOfColumn } from '../postmortem/actionItems';
import { SEVERITY_FIELD_NAMES } from '../postmortem/fields';
import type { Profile } from '../profiles/types';
import { documentPath } from '../templates/paths';
import { promptFor } from '../templates/prompts';
import {
  actionItemColumns,
  documentTitle,
  FIVE_WHYS_PROMPT,
  formatDuration,
  headerFieldsOf,
  headerValue,
  investigationSectionId,
  minutesBetween,
  type TemplateValues,
} from '../templates/templates';
import type { WizardActionItem, WizardCommit, WizardDraft, WizardRunbookChoice } from './draft';
import { escapeInline, escapeListItem, escapeParagraphs, escapeTableCell } from './escape';
import { sectionNames } from '../postmortem/sections';
import { runbookPath } from './runbooks';
import { FIXED_PART_FIELDS, fixedPartsBySection, postmortemSections, type FixedPart } from './sections';

/** What the wizard knows besides the draft. */
export interface WizardRenderContext {
  /** Today, YYYY-MM-DD: the postmortem's date when the draft has no start time. */
  readonly date?: string;
  /** The commits of the incident window, to describe the suspected ones. */
  readonly commits?: readonly WizardCommit[];
  /** The author to name in the header (from git); the incident commander otherwise. */
  readonly author?: string;
}

/** A line of the rendered postmortem and the draft field (dotted path) it comes from, if any. */
export interface RenderedLine {
  readonly text: string;
  readonly field?: string;
}

/**
 * The four timeline milestones: the draft field of each, the marker the timeline core reads
 * (`MILESTONE_MARKERS`: a marked row is the milestone whatever other rows say), the event
 * written when the user described none, and the prompt when the time is blank too.
 */
const MILESTONE_ROWS = [
  {
    field: 'started',
    marker: '[start]',
    event: 'Incident started',
    prompt: 'Incident started: <first error or symptom>',
  },
  {
    field: 'detected',
    marker: '[detected]',
    event: 'Incident detected',
    prompt: 'Detected: <alert fired or first report>',
  },
  {
    field: 'mitigated',
    marker: '[mitigated]',
    event: 'Impact mitigated',
    prompt: 'Mitigation started: <rollback, failover, ...>',
  },
  {
    field: 'resolved',
    marker: '[resolved]',
    event: 'Incident resolved',
    prompt: 'Resolved: <how recovery was confirmed>',
  },
] as const;

/** Normalised names of a section or header field that takes what changed (the incident's trigger). */
const TRIGGER_NAMES = ['trigger', 'triggers', 'what changed', 'triggering change'];

/** Normalised names of a header field that names the incident commander. */
const COMMANDER_NAMES = ['incident commander', 'commander', 'ic'];

/** Header fields the draft fills, by normalised name, with the field findings on them point to. */
const HEADER_FIELDS: Readonly<Record<string, string>> = {
  date: 'assess.started',
  severity: 'assess.severity',
  duration: 'assess.resolved',
  'incident commander': 'assess.incidentCommander',
  author: 'assess.incidentCommander',
  authors: 'assess.incidentCommander',
  'postmortem owner': 'assess.incidentCommander',
  'affected systems': 'assess.services',
  'affected services': 'assess.services',
  services: 'assess.services',
  service: 'assess.services',
  'affected users': 'assess.affectedUsers',
  ...Object.fromEntries(TRIGGER_NAMES.map((name) => [name, 'assess.whatChanged'])),
};

/** Collects lines, never two blank ones in a row. */
class Lines {
  readonly lines: RenderedLine[] = [];

  /** Adds `text` (possibly several lines), each tagged with `field`. */
  add(text: string, field?: string): void {
    for (const line of text.split('\n')) {
      if (line.trim() === '' && (this.lines.length === 0 || this.lines[this.lines.length - 1].text === '')) continue;
      this.lines.push({ text: line.trim() === '' ? '' : line, field });
    }
  }

  blank(): void {
    this.add('');
  }
}

const filled = (values: readonly string[]) => values.map((v) => v.trim()).filter((v) => v.length > 0);

/** `2026-03-15T14:28` → `2026-03-15 14:28`. */
function timeText(dateTime: string): string {
  return dateTime.replace('T', ' ');
}

/** The incident's date: the day it started, else the day given, else a blank. */
export function incidentDate(draft: WizardDraft, date?: string): string {
  return draft.assess.started.slice(0, 10) || draft.assess.detected.slice(0, 10) || date || '';
}

/** The workspace-relative path the wizard writes the postmortem to (the profile's folder and file-name pattern). */
export function wizardPostmortemPath(profile: Profile, draft: WizardDraft, date: string): string {
  return documentPath(profile, 'postmortem', {
    date: incidentDate(draft, date),
    slug: draft.assess.title.trim() || 'incident',
  });
}

function templateValues(draft: WizardDraft, context: WizardRenderContext): TemplateValues {
  const a = draft.assess;
  const author = context.author?.trim() || a.incidentCommander.trim();
  return {
    title: escapeInline(a.title) || '<short title>',
    date: incidentDate(draft, context.date) || '<YYYY-MM-DD>',
    severity: escapeInline(a.severity) || undefined,
    author: author ? escapeInline(author) : undefined,
    incidentCommander: escapeInline(a.incidentCommander) || undefined,
  };
}

function wizardHeaderValue(field: string, draft: WizardDraft, values: TemplateValues): string {
  const a = draft.assess;
  const services = filled(a.services).map(escapeInline).join(', ');
  switch (field.toLowerCase()) {
    case 'duration': {
      const minutes = a.started && a.resolved ? minutesBetween(`${a.started}:00Z`, `${a.resolved}:00Z`) : undefined;
      return minutes === undefined ? '<duration>' : formatDuration(minutes);
    }
    case 'affected systems':
    case 'affected services':
    case 'services':
    case 'service':
      return services || `<${field.toLowerCase()}>`;
    case 'affected users': {
      const parts = [a.affectedPercent ? `${a.affectedPercent}%` : '', escapeInline(a.affectedUsers)].filter(Boolean);
      return parts.join(' — ') || '<affected users>';
    }
    default:
      if (TRIGGER_NAMES.includes(normalizeHeading(field))) return escapeInline(a.whatChanged) || '<what changed>';
      return headerValue(field, 'postmortem', values);
  }
}

function renderHeader(out: Lines, profile: Profile, draft: WizardDraft, values: TemplateValues): void {
  out.add(`# ${documentTitle(profile, 'postmortem', values)}`, 'assess.title');
  out.blank();
  const fields = headerFieldsOf(profile, 'postmortem');
  const names = new Set(fields.map((f) => f.toLowerCase()));
  for (const field of fields)
    out.add(`**${field}:** ${wizardHeaderValue(field, draft, values)}`, HEADER_FIELDS[field.toLowerCase()]);
  // A profile whose header has no severity (google-sre) still gets the chosen one, for the index.
  if (draft.assess.severity.trim() && !fields.some((f) => SEVERITY_FIELD_NAMES.includes(normalizeHeading(f)))) {
    out.add(`**Severity:** ${escapeInline(draft.assess.severity)}`, 'assess.severity');
  }
  // Services and the affected share tie the incident to its SLOs (error budget); written when known.
  const services = filled(draft.assess.services);
  if (
    services.length > 0 &&
    !['services', 'service', 'affected services', 'affected systems'].some((n) => names.has(n))
  ) {
    out.add(`**Services:** ${services.map(escapeInline).join(', ')}`, 'assess.services');
  }
  if (draft.assess.affectedPercent && !names.has('affected users'))
    out.add(`**Affected:** ${draft.assess.affectedPercent}%`, 'assess.affectedPercent');
  // The incident commander is a field of its own even where the header names only authors (git may name someone else).
  if (draft.assess.incidentCommander.trim() && !fields.some((f) => COMMANDER_NAMES.includes(normalizeHeading(f)))) {
    out.add(`**Incident Commander:** ${escapeInline(draft.assess.incidentCommander)}`, 'assess.incidentCommander');
  }
  out.blank();
}

/** Where the profile takes what changed: a header field or a section (by id or name), else nowhere (it goes into the summary). */
function triggerPlace(profile: Profile): { field: string } | { sectionId: string } | undefined {
  const field = headerFieldsOf(profile, 'postmortem').find((f) => TRIGGER_NAMES.includes(normalizeHeading(f)));
  if (field) return { field };
  const section = postmortemSections(profile).find(
    (s) => s.id === 'trigger' || TRIGGER_NAMES.some((n) => sectionNames(s).has(n)),
  );
  return section ? { sectionId: section.id } : undefined;
}

/** Whether `text` already holds `part` (white space and case ignored): the user pasted the same words into both fields. */
function holds(text: string, part: string): boolean {
  const norm = (t: string) => t.replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(part) !== '' && norm(text).includes(norm(part));
}

/**
 * The summary's paragraphs: the user's summary, then what is broken (plain when there is no
 * summary, labelled after one) and, when the profile has no place for the trigger, what
 * changed. Text the summary already holds is not repeated.
 */
function summaryParts(draft: WizardDraft, hasTriggerPlace: boolean): Array<{ text: string; field: string }> {
  const summary = escapeParagraphs(draft.document.summary);
  const broken = escapeParagraphs(draft.assess.whatIsBroken);
  const changed = escapeParagraphs(draft.assess.whatChanged);
  const parts: Array<{ text: string; field: string }> = [];
  if (summary) parts.push({ text: summary, field: 'document.summary' });
  if (broken && !holds(summary, broken))
    parts.push({ text: summary ? `**What broke:** ${broken}` : broken, field: 'assess.whatIsBroken' });
  if (!hasTriggerPlace && changed && !holds(summary, changed))
    parts.push({ text: `**What changed:** ${changed}`, field: 'assess.whatChanged' });
  return parts;
}

function addParts(out: Lines, parts: ReadonlyArray<{ text: string; field: string }>): void {
  parts.forEach((part, i) => {
    if (i > 0) out.blank();
    out.add(part.text, part.field);
  });
}

/** The trigger section: the Document phase's text and what changed (Assess), both kept unless one holds the other. */
function triggerParts(draft: WizardDraft, sectionId: string): Array<{ text: string; field: string }> {
  const own = escapeParagraphs(draft.document.otherSections[sectionId] ?? '');
  const changed = escapeParagraphs(draft.assess.whatChanged);
  const parts: Array<{ text: string; field: string }> = [];
  if (own) parts.push({ text: own, field: `document.otherSections.${sectionId}` });
  if (changed && !holds(own, changed))
    parts.push({ text: own ? `**What changed:** ${changed}` : changed, field: 'assess.whatChanged' });
  return parts;
}

function paragraphsOr(text: string, id: string, title: string): string {
  return escapeParagraphs(text) || promptFor(id, title);
}

/** The first sentence of `text`, on one line and at most 160 characters (cut at a word): a timeline event. */
export function eventText(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  const sentence = /^(.+?[.!?])(?=\s+[A-Z]|$)/.exec(one)?.[1] ?? one;
  if (sentence.length <= 160) return sentence;
  const cut = sentence.slice(0, 159);
  return `${cut.replace(/\s+\S*$/, '') || cut}…`;
}

/**
 * The resolution row's event: who confirmed the fix, and how, in full (the user's words are
 * kept whole, not cut to a sentence), where rule PM020 looks for it; empty when not said.
 */
function fixConfirmation(text: string): string {
  const who = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:the\s+)?(?:fix\s+)?(?:was\s+)?confirmed\s+by\s+/i, '')
    .replace(/\.$/, '');
  return who ? `Incident resolved; fix confirmed by ${who}.` : '';
}

/**
 * The timeline table. Each milestone row carries its marker, so the metrics find it whatever
 * the other rows say, and reads like an event when the user said what happened then: the
 * change (at the start time, or a row of its own at its own time), what broke, the detection
 * and the mitigation (their first sentences), and who confirmed the fix at the resolution (in full).
 * Rows are in time order.
 */
function timelineBody(out: Lines, draft: WizardDraft): void {
  const a = draft.assess;
  const change = eventText(a.whatChanged);
  const changeOwnRow = a.changedAt !== '' && a.changedAt !== a.started;
  const described: Record<(typeof MILESTONE_ROWS)[number]['field'], string> = {
    started: change && !changeOwnRow ? change : eventText(a.whatIsBroken),
    detected: eventText(draft.document.detection),
    mitigated: eventText(draft.document.mitigation),
    resolved: fixConfirmation(draft.document.fixConfirmedBy),
  };
  const rows: Array<{ time: string; text: string; field: string }> = MILESTONE_ROWS.map((row) => {
    const time = a[row.field];
    const event = described[row.field];
    // A row without a time carries no marker: PM010 then says the milestone is missing, and the field to fill.
    const cell = event
      ? `${time ? `${row.marker} ` : ''}${escapeTableCell(event)}`
      : time
        ? `${row.marker} ${row.event}`
        : row.prompt;
    // Findings on a milestone row are about its time.
    return {
      time,
      text: `| ${time ? timeText(time) : '<YYYY-MM-DD HH:MM>'} | ${cell} |`,
      field: `assess.${row.field}`,
    };
  });
  if (changeOwnRow) {
    const row = {
      time: a.changedAt,
      text: `| ${timeText(a.changedAt)} | ${change ? escapeTableCell(change) : '<what changed>'} |`,
      field: 'assess.changedAt',
    };
    const at = rows.findIndex((r) => r.time !== '' && r.time > a.changedAt);
    rows.splice(at < 0 ? rows.length : at, 0, row);
  }
  out.add('| Time (UTC) | Event |\n|---|---|', 'assess.started');
  for (const row of rows) out.add(row.text, row.field);
}

function whysList(whys: readonly string[]): string {
  return filled(whys)
    .map((w, i) => `${i + 1}. ${escapeListItem(w)}`)
    .join('\n');
}

function factorsList(factors: readonly string[]): string {
  return filled(factors)
    .map((f) => `- ${escapeListItem(f)}`)
    .join('\n');
}

/** The action items table: the profile's columns, then Owner, Due Date, Priority, Type and Status when the profile does not ask for them. */
function actionItemsBody(out: Lines, profile: Profile, items: readonly WizardActionItem[]): void {
  const required = actionItemColumns(profile);
  const has = (field: string) => required.some((c) => fieldOfColumn(c) === field);
  const extra = (
    [
      ['owner', 'Owner'],
      ['due', 'Due Date'],
      ['priority', 'Priority'],
      ['type', 'Type'],
      ['status', 'Status'],
    ] as const
  )
    .filter(([f]) => !has(f))
    .map(([, c]) => c);
  const columns = [...required, ...extra];
  const isRequired = (column: string) => required.includes(column);
  out.add(`| ${columns.join(' | ')} |\n|${columns.map(() => '---').join('|')}|`, FIXED_PART_FIELDS.actionItems);
  const rows = items.filter((i) => [i.action, i.owner, i.due, i.priority, i.type].some((v) => v.trim()));
  const blank: WizardActionItem = { action: '', owner: '', due: '', priority: '', type: '' };
  const shown = rows.length > 0 ? rows : Array.from({ length: Math.max(1, profile.actionItems.minimum) }, () => blank);
  for (const item of shown) {
    const cells = columns.map((column) => {
      const value = cellValue(column, item);
      if (value !== undefined) return value ? escapeTableCell(value) : isRequired(column) ? cellPrompt(column) : '';
      return '';
    });
    out.add(`| ${cells.join(' | ')} |`, FIXED_PART_FIELDS.actionItems);
  }
}

/** The item's value for `column`; undefined for a column the wizard does not ask about (e.g. Bug). */
function cellValue(column: string, item: WizardActionItem): string | undefined {
  switch (fieldOfColumn(column)) {
    case 'action':
      return item.action;
    case 'owner':
      return item.owner;
    case 'due':
      return item.due;
    case 'priority':
      return item.priority;
    case 'type':
      return item.type;
    case 'status':
      return 'Open';
    default:
      return undefined;
  }
}

function cellPrompt(column: string): string {
  switch (fieldOfColumn(column)) {
    case 'action':
      return '<action that prevents a recurrence>';
    case 'owner':
      return '<owner>';
    case 'due':
      return '<due date>';
    case 'priority':
      return '<priority>';
    case 'type':
      return '<code / testing / monitoring / process / architecture>';
    default:
      return `<${column.toLowerCase()}>`;
  }
}

/** The suspected commits as a list: hash, date, subject and author when the commit is known, else the hash. */
function suspectedCommitsList(draft: WizardDraft, commits: readonly WizardCommit[] = []): string {
  return filled(draft.investigate.suspectedCommits)
    .map((hash) => {
      const c = commits.find((x) => x.shortHash.startsWith(hash) || hash.startsWith(x.shortHash));
      if (!c) return `- \`${hash}\``;
      const when = c.date.slice(0, 16).replace('T', ' ');
      return `- \`${c.shortHash}\` ${when} ${escapeListItem(c.subject)}${c.author ? ` (${escapeInline(c.author)})` : ''}`;
    })
    .join('\n');
}

/** `to` relative to the folder of `from` (both workspace-relative, `/`-separated), as a link destination. */
function relativeHref(from: string, to: string): string {
  const base = from.split('/').slice(0, -1);
  const target = to.split('/');
  let common = 0;
  while (common < base.length && common < target.length - 1 && base[common] === target[common]) common++;
  const path = [...base.slice(common).map(() => '..'), ...target.slice(common)].join('/');
  return encodeURI(path).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The runbooks chosen in the Document phase, as a list, each linked to the file Finish writes or the one it updates. */
function runbooksList(profile: Profile, draft: WizardDraft, date: string | undefined): string {
  const postmortem = date ? safePath(() => wizardPostmortemPath(profile, draft, date)) : undefined;
  return draft.document.runbooks
    .filter((r) => r.service.trim() || r.failureMode.trim() || r.path?.trim())
    .map((choice: WizardRunbookChoice) => {
      const service = escapeInline(choice.service);
      const mode = escapeInline(choice.failureMode);
      const what = `${choice.action === 'create' ? 'Create' : 'Update'} the runbook${service ? ` for ${service}` : ''}${mode ? ` (${mode})` : ''}`;
      const path = date ? safePath(() => runbookPath(profile, choice, date)) : choice.path?.trim();
      if (!path) return `- ${escapeListItem(what)}`;
      const label = path.replace(/[[\]\\]/g, (c) => `\\${c}`);
      return `- ${escapeListItem(what)}: ${postmortem ? `[${label}](${relativeHref(postmortem, path)})` : `\`${path.replace(/`/g, '')}\``}`;
    })
    .join('\n');
}

/** A path the profile's patterns give, or undefined when they cannot give one (no runbooks, no date). */
function safePath(compute: () => string | undefined): string | undefined {
  try {
    return compute();
  } catch {
    return undefined;
  }
}

/** The fixed parts the profile has no section for (their text goes into a section of its own, or under the summary with a label). */
function foldedParts(fixed: Map<string, FixedPart>): Set<FixedPart> {
  const present = new Set(fixed.values());
  return new Set(
    (['impact', 'detection', 'mitigation', 'rootCause', 'whys', 'contributingFactors'] as FixedPart[]).filter(
      (p) => !present.has(p),
    ),
  );
}

/**
 * Titles for the 5 Whys and the contributing factors when the profile has no section for
 * them: a section of their own after the root cause, so the root cause section holds only
 * the statement PM008 judges. The first title the profile does not already use is taken.
 */
const EXTRA_TITLES: Partial<Record<FixedPart, readonly string[]>> = {
  whys: ['The 5 Whys', 'Asking Why Five Times'],
  contributingFactors: ['Contributing Factors', 'What Contributed'],
};

function extraTitle(profile: Profile, part: FixedPart): string | undefined {
  const used = new Set(postmortemSections(profile).flatMap((s) => [...sectionNames(s)]));
  return EXTRA_TITLES[part]?.find((title) => !used.has(normalizeHeading(title)));
}

const FOLD_LABELS: Partial<Record<FixedPart, string>> = {
  impact: 'Impact',
  detection: 'Detection',
  mitigation: 'Mitigation',
  rootCause: 'Root cause',
};

function addFolded(out: Lines, draft: WizardDraft, parts: readonly FixedPart[]): void {
  const d = draft.document;
  for (const part of parts) {
    const field = FIXED_PART_FIELDS[part];
    if (part === 'whys' && filled(draft.investigate.whys).length) {
      out.blank();
      out.add(`The 5 Whys:\n\n${whysList(draft.investigate.whys)}`, field);
    } else if (part === 'contributingFactors' && filled(draft.investigate.contributingFactors).length) {
      out.blank();
      out.add(`Contributing factors:\n\n${factorsList(draft.investigate.contributingFactors)}`, field);
    } else if (part === 'rootCause') {
      const text = escapeParagraphs(draft.investigate.rootCause);
      if (text) {
        out.blank();
        out.add(`**${FOLD_LABELS[part]}:** ${text}`, field);
      }
    } else if (part === 'impact' || part === 'detection' || part === 'mitigation') {
      const text = escapeParagraphs(d[part]);
      if (text) {
        out.blank();
        out.add(`**${FOLD_LABELS[part]}:** ${text}`, field);
      }
      // Who is affected (Assess) goes with the impact, wherever that is written.
      const facts = part === 'impact' ? impactFacts(draft) : '';
      if (facts) {
        out.blank();
        out.add(facts, 'assess.affectedUsers');
      }
    }
  }
}

function addExtraSections(
  out: Lines,
  draft: WizardDraft,
  extras: ReadonlyArray<{ part: FixedPart; title: string }>,
): void {
  for (const { part, title } of extras) {
    const body =
      part === 'whys'
        ? whysList(draft.investigate.whys)
        : part === 'contributingFactors'
          ? factorsList(draft.investigate.contributingFactors)
          : '';
    if (!body) continue;
    out.add(`## ${title}`, FIXED_PART_FIELDS[part]);
    out.blank();
    out.add(body, FIXED_PART_FIELDS[part]);
    out.blank();
  }
}

/** Impact facts the Assess phase collected, as a short list under the impact text. */
function impactFacts(draft: WizardDraft): string {
  const a = draft.assess;
  return [
    a.affectedUsers.trim() ? `- Users affected: ${escapeListItem(a.affectedUsers)}` : '',
    a.affectedTenants.trim() ? `- Tenants affected: ${escapeListItem(a.affectedTenants)}` : '',
    a.affectedPercent ? `- Share of users or requests affected: ${a.affectedPercent}%` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * Renders the draft's postmortem as tagged lines: the title and header as `renderDocument`
 * writes them, then every section of the profile in order, filled from the draft; an empty
 * field leaves the template's `<...>` blank so the linter points at it.
 */
export function renderWizardLines(
  profile: Profile,
  draft: WizardDraft,
  context: WizardRenderContext = {},
): RenderedLine[] {
  const out = new Lines();
  const values = templateValues(draft, context);
  renderHeader(out, profile, draft, values);
  const sections = postmortemSections(profile);
  const fixed = fixedPartsBySection(profile);
  const folded = foldedParts(fixed);
  const investigation = investigationSectionId(profile, 'postmortem');
  // Whys and factors without a section of their own get one after the root cause; the rest goes under the summary with a label
  // (a Summary section of its own, first, when the profile has none: '' stands for it).
  const rootCauseId = [...fixed].find(([, p]) => p === 'rootCause')?.[0];
  const summaryId = [...fixed].find(([, p]) => p === 'summary')?.[0] ?? '';
  const foldInto = new Map<string, FixedPart[]>();
  const extras: Array<{ part: FixedPart; title: string }> = [];
  for (const part of folded) {
    const title = rootCauseId ? extraTitle(profile, part) : undefined;
    if (title) extras.push({ part, title });
    else foldInto.set(summaryId, [...(foldInto.get(summaryId) ?? []), part]);
  }
  const d = draft.document;
  const trigger = triggerPlace(profile);
  const summary = summaryParts(draft, trigger !== undefined);
  const hasActionItems = [...fixed.values()].includes('actionItems');
  const commits = suspectedCommitsList(draft, context.commits);
  const runbooks = runbooksList(profile, draft, context.date);
  if (!summaryId) {
    const own = new Lines();
    addParts(own, summary);
    addFolded(own, draft, foldInto.get('') ?? []);
    if (own.lines.length > 0) {
      out.add('## Summary', 'document.summary');
      out.blank();
      for (const line of own.lines) out.add(line.text, line.field);
      out.blank();
    }
  }
  for (const section of sections) {
    const part = fixed.get(section.id);
    const field = part ? FIXED_PART_FIELDS[part] : `document.otherSections.${section.id}`;
    out.add(`## ${section.title}`, field);
    out.blank();
    switch (part) {
      case 'summary': {
        if (summary.length > 0) addParts(out, summary);
        else out.add(promptFor(section.id, section.title), field);
        break;
      }
      case 'impact': {
        const facts = impactFacts(draft);
        const text = escapeParagraphs(d.impact);
        out.add(text || (facts ? '' : promptFor(section.id, section.title)), field);
        if (facts) {
          out.blank();
          out.add(facts, 'assess.affectedUsers');
        }
        break;
      }
      case 'detection':
        out.add(paragraphsOr(d.detection, section.id, section.title), field);
        break;
      case 'mitigation':
        out.add(paragraphsOr(d.mitigation, section.id, section.title), field);
        break;
      case 'timeline':
        timelineBody(out, draft);
        break;
      case 'rootCause':
        out.add(paragraphsOr(draft.investigate.rootCause, section.id, section.title), field);
        break;
      case 'whys':
        out.add(whysList(draft.investigate.whys) || FIVE_WHYS_PROMPT, field);
        break;
      case 'contributingFactors':
        out.add(factorsList(draft.investigate.contributingFactors) || promptFor(section.id, section.title), field);
        break;
      case 'actionItems': {
        actionItemsBody(out, profile, draft.improve.actionItems);
        if (runbooks) {
          out.blank();
          out.add(`Runbooks to create or update:\n\n${runbooks}`, 'document.runbooks');
        }
        break;
      }
      default: {
        // The trigger section holds what changed (Assess) as well as its own text.
        const parts =
          trigger && 'sectionId' in trigger && trigger.sectionId === section.id ? triggerParts(draft, section.id) : [];
        if (parts.length > 0) addParts(out, parts);
        else out.add(paragraphsOr(d.otherSections[section.id] ?? '', section.id, section.title), field);
      }
    }
    addFolded(out, draft, foldInto.get(section.id) ?? []);
    if (section.id === investigation && commits) {
      out.blank();
      out.add(`### Suspected changes\n\n${commits}`, 'investigate.suspectedCommits');
    }
    out.blank();
    if (section.id === rootCauseId) addExtraSections(out, draft, extras);
  }
  // What the profile has no section for gets a heading of its own at the end, never dropped.
  if (!investigation && commits) {
    out.add(`## Suspected Changes\n\n${commits}\n`, 'investigate.suspectedCommits');
  }
  if (!hasActionItems && draft.improve.actionItems.some((i) => [i.action, i.owner].some((v) => v.trim()))) {
    out.add('## Action Items\n', FIXED_PART_FIELDS.actionItems);
    actionItemsBody(out, profile, draft.improve.actionItems);
    out.blank();
  }
  if (!hasActionItems && runbooks) {
    out.add(`## Runbooks\n\n${runbooks}\n`, 'document.runbooks');
  }
  while (out.lines.length > 0 && out.lines[out.lines.length - 1].text === '') out.lines.pop();
  return out.lines;
}

/** The complete postmortem Markdown the wizard writes for `draft`. */
export function renderWizardPostmortem(
  profile: Profile,
  draft: WizardDraft,
  context: WizardRenderContext = {},
): string {
  return `${renderWizardLines(profile, draft, context)
    .map((l) => l.text)
    .join('\n')}\n`;
}
