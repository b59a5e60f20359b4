// Classifies timeline events into start, detection, mitigation and resolution, by explicit markers or keywords.
import type { TimelineEntry } from './timeline';

/** The milestones time to detect, time to mitigate and time to recover are computed from. */
export type Milestone = 'start' | 'detection' | 'mitigation' | 'resolution';

/** The milestones in the order an incident goes through them. */
export const MILESTONES: readonly Milestone[] = ['start', 'detection', 'mitigation', 'resolution'];

/**
 * Words that mark each milestone: the one definition used by PM010, the metrics and the docs
 * (docs/metrics.md lists them; a test keeps the two in step). Each phrase matches as whole
 * words, case ignored; a space also matches a hyphen or nothing (`roll back` matches
 * `rollback` and `roll-back`); `5xx` matches any 5xx status code; `*` stands for up to three
 * words (`rolled * back` matches "rolled the deploy back").
 */
export const MILESTONE_WORDS: Readonly<Record<Milestone, readonly string[]>> = {
  start: [
    'start', 'started', 'starts', 'began', 'begins', 'first error', 'first errors', 'first failure', 'first failures',
    'first failed', 'first 5xx', 'first report', 'first reports', 'first occurred', 'first occurrence', 'outage begins',
    'outage began', 'outage started', 'incident begins', 'incident began', 'incident started', 'errors start',
    'error spike', 'errors spike', 'errors spiked', 'errors began', 'impact start', 'impact started', 'impact began',
    'issue first occurred', 'degradation began', 'degradation started',
  ],
  detection: [
    'alert', 'alerts', 'alerted', 'alerting', 'alarm', 'alarms', 'monitor fired', 'monitor fires', 'monitor triggered',
    'paged', 'paging', 'pages the', 'pages on call', 'detect', 'detected', 'detects', 'noticed', 'notices',
    'reported', 'reports', 'reported by', 'user report', 'customer report', 'on call notified', 'oncall notified',
    'on call was notified', 'on call pinged', 'pinged', 'notified', 'escalated to', 'escalates to', 'incident declared',
    'declared', 'declares',
  ],
  mitigation: [
    'mitigate', 'mitigated', 'mitigates', 'mitigating', 'mitigation', 'roll back', 'rolled back', 'rolling back', 'rolls back',
    'rolled * back', 'revert', 'reverted', 'reverts', 'reverting', 'fail over', 'failed over', 'failing over', 'hot fix',
    'workaround', 'scaled up', 'scaled out', 'restart', 'restarted', 'restarts', 'drain', 'drained', 'disabled',
    'rate limit', 'rate limited', 'blocked', 'contained', 'containment', 'fix deployed', 'fix applied', 'fix rolled out',
    'deployed * fix', 'applied * fix', 'applied', 'patched',
  ],
  resolution: [
    'resolved', 'resolves', 'recovered', 'recovery complete', 'restored', 'back to normal', 'back online', 'all clear',
    'closed', 'fully operational', 'operating normally', 'outage ends', 'outage ended', 'incident ends', 'incident ended',
    'incident over', 'ended', 'resolution', 'healthy again', 'is healthy',
  ],
};

/**
 * Explicit markers, written anywhere in an event (`- 14:32 [detection] the queue alarm went
 * off`). A marker wins over keywords, wherever the marked event is.
 */
export const MILESTONE_MARKERS: Readonly<Record<Milestone, readonly string[]>> = {
  start: ['[start]', '[impact start]'],
  detection: ['[detect]', '[detected]', '[detection]'],
  mitigation: ['[mitigation]', '[mitigated]', '[mitigation start]'],
  resolution: ['[resolved]', '[resolution]', '[end]'],
};

function phraseSource(phrase: string): string {
  const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/5xx/g, '5\\d\\d');
  let out = '';
  let gap = '';
  for (const word of phrase.split(' ')) {
    if (word === '*') {
      gap = '\\s+(?:\\S+\\s+){0,3}?';
      continue;
    }
    out += (out ? gap || '[\\s-]*' : '') + escape(word);
    gap = '';
  }
  return out;
}

function wordsPattern(words: readonly string[]): RegExp {
  const sources = [...words].sort((a, b) => b.length - a.length).map(phraseSource);
  return new RegExp(`(?<![\\w-])(?:${sources.join('|')})(?![\\w-])`, 'i');
}

function markersPattern(markers: readonly string[]): RegExp {
  return new RegExp(markers.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]')).join('|'), 'i');
}

/** The keywords of each milestone as one regular expression (markers included, for compatibility). */
export const MILESTONE_PATTERNS: Readonly<Record<Milestone, RegExp>> = Object.fromEntries(
  MILESTONES.map((m) => [m, new RegExp(`${wordsPattern(MILESTONE_WORDS[m]).source}|${markersPattern(MILESTONE_MARKERS[m]).source}`, 'i')]),
) as Record<Milestone, RegExp>;

const KEYWORDS = Object.fromEntries(MILESTONES.map((m) => [m, wordsPattern(MILESTONE_WORDS[m])])) as Record<Milestone, RegExp>;
const MARKERS = Object.fromEntries(MILESTONES.map((m) => [m, markersPattern(MILESTONE_MARKERS[m])])) as Record<Milestone, RegExp>;

/** A milestone, the event that marks it, and how it was recognised. */
export interface MilestoneHit {
  readonly milestone: Milestone;
  readonly entry: TimelineEntry;
  /**
   * `marker`: an explicit `[detection]`-style marker. `keyword`: one of `MILESTONE_WORDS`.
   * `first-entry`: no event says the incident started, so the first timed event is taken as the start.
   */
  readonly how: 'marker' | 'keyword' | 'first-entry';
}

/**
 * Finds each milestone among the timed entries. A marked entry wins. Otherwise the first entry
 * whose text has one of the milestone's words, in time order: the start at or before the first
 * detection event (else the first timed entry), the detection at or after the start, the
 * mitigation at or after the start, the resolution at or after the detection and the mitigation.
 */
export function classifyMilestones(entries: readonly TimelineEntry[]): Partial<Record<Milestone, MilestoneHit>> {
  const timed = entries.filter((e) => e.minutes !== undefined);
  const text = (e: TimelineEntry) => (e.body || e.text);
  // Every marker starts with `[`: without one in any event, no event is marked (one look per event, not one per milestone).
  const anyMarker = timed.some((e) => text(e).includes('['));
  const marked = (m: Milestone) => (anyMarker ? timed.find((e) => MARKERS[m].test(text(e))) : undefined);
  const keyword = (m: Milestone, from: number | undefined, to?: number) =>
    timed.find((e) => (from === undefined || (e.minutes as number) >= from) && (to === undefined || (e.minutes as number) <= to) && KEYWORDS[m].test(text(e)));
  const hit = (milestone: Milestone, entry: TimelineEntry | undefined, how: MilestoneHit['how']): MilestoneHit | undefined =>
    entry ? { milestone, entry, how } : undefined;
  const at = (h: MilestoneHit | undefined) => h?.entry.minutes;

  const found: Partial<Record<Milestone, MilestoneHit>> = {};
  const firstDetection = marked('detection') ?? keyword('detection', undefined);
  found.start = hit('start', marked('start'), 'marker')
    ?? hit('start', keyword('start', undefined, firstDetection?.minutes), 'keyword')
    ?? hit('start', timed[0], 'first-entry');
  found.detection = hit('detection', marked('detection'), 'marker') ?? hit('detection', keyword('detection', at(found.start)), 'keyword');
  found.mitigation = hit('mitigation', marked('mitigation'), 'marker') ?? hit('mitigation', keyword('mitigation', at(found.start)), 'keyword');
  const resolutionFrom = Math.max(...[at(found.start), at(found.detection), at(found.mitigation)].filter((v): v is number => v !== undefined));
  found.resolution = hit('resolution', marked('resolution'), 'marker')
    ?? hit('resolution', keyword('resolution', Number.isFinite(resolutionFrom) ? resolutionFrom : undefined), 'keyword');
  for (const m of MILESTONES) if (!found[m]) delete found[m];
  return found;
}

/** The entry of each milestone found (see `classifyMilestones`); the start falls back to the first timed entry. */
export function milestones(entries: readonly TimelineEntry[]): Partial<Record<Milestone, TimelineEntry>> {
  const hits = classifyMilestones(entries);
  const out: Partial<Record<Milestone, TimelineEntry>> = {};
  for (const m of MILESTONES) {
    const h = hits[m];
    if (h) out[m] = h.entry;
  }
  return out;
}
