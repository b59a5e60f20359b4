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
    'start',
    'started',
    'starts',
    'began',
    'begins',
    'first error',
    'first errors',
    'first failure',
    'first failures',
    'first failed',
    'first 5xx',
    'first report',
    'first reports',
    'first occurred',
    'first occurrence',
    'outage begins',
    'outage began',
    'outage started',
    'incident begins',
    'incident began',
    'incident started',
    'errors start',
    'errors started',
    'error spike',
    'errors spike',
    'errors spiked',
    'errors began',
    'impact start',
    'impact started',
    'impact began',
    'issue first occurred',
    'degradation began',
    'degradation started',
    'started failing',
    'began failing',
    'started erroring',
    'went down',
    'goes down',
    'stopped working',
    'stopped responding',
  ],
  detection: [
    'alert',
    'alerts',
    'alerted',
    'alerting',
    'alarm',
    'alarms',
    'monitor fired',
    'monitor fires',
    'monitor triggered',
    'paged',
    'paging',
    'pages the',
    'pages on call',
    'pager',
    'pagerduty',
    'opsgenie',
    'check fails',
    'check failed',
    'detect',
    'detected',
    'detects',
    'noticed',
    'notices',
    'notice that',
    'reported',
    'reports',
    'reporting',
    'reported by',
    'user report',
    'user reports',
    'customer report',
    'customer reports',
    'user emails',
    'user emailed',
    'on call notified',
    'oncall notified',
    'on call was notified',
    'on call pinged',
    'pinged',
    'notified',
    'escalated to',
    'escalates to',
    'incident declared',
    'declared',
    'declares',
    'ticket raised',
    'ticket opened',
    'raises a * ticket',
    'raised a * ticket',
    'opens a * ticket',
    'opened a * ticket',
    'support ticket',
    'support tickets',
    'customer ticket',
    'customer tickets',
  ],
  mitigation: [
    'mitigate',
    'mitigated',
    'mitigates',
    'mitigating',
    'mitigation',
    'roll back',
    'rolled back',
    'rolling back',
    'rolls back',
    'rolled * back',
    'revert',
    'reverted',
    'reverts',
    'reverting',
    'fail over',
    'failed over',
    'failing over',
    'hot fix',
    'workaround',
    'scaled up',
    'scaled out',
    'restart',
    'restarted',
    'restarts',
    'drain',
    'drained',
    'disabled',
    'rate limit',
    'rate limited',
    'blocked',
    'contained',
    'containment',
    'fix deployed',
    'fix applied',
    'fix rolled out',
    'deployed * fix',
    'applied * fix',
    'applied',
    'patched',
    'revoked',
    'revokes',
    'destroyed',
    'suspended',
    'taken down',
    'takedown',
    'client hold',
    'clienthold',
    'paused',
    'killed',
    'replaced',
    'corrected',
    'raised',
    'installed',
    'switched',
    'purged',
    'throttled',
    're run',
    're ran',
    'flushed',
    'yanked',
    'uploaded',
    'migrated',
    'turned off',
    'switched off',
    'aborted',
    'deleted',
    'removed',
    'scaled',
    'recreated',
    'redeployed',
    'put back',
    'increased',
    'renewed',
    'reassigned',
    'repointed',
    'pointed at',
    'pointed to',
    'rerouted',
    're routed',
    'moved away',
    'moved off',
    'halted',
    'kill switch',
    'job stopped',
    'jobs stopped',
  ],
  resolution: [
    'resolved',
    'resolves',
    'recovered',
    'recovery complete',
    'restored',
    'back to normal',
    'back online',
    'all clear',
    'closed',
    'fully operational',
    'operating normally',
    'outage ends',
    'outage ended',
    'incident ends',
    'incident ended',
    'incident over',
    'ended',
    'resolution',
    'healthy again',
    'is healthy',
    'is back',
    'are back',
    'back to zero',
    'drop to zero',
    'drops to zero',
    'dropped to zero',
    'returned to normal',
    'normal again',
    'succeed',
    'succeeds',
    'succeeding',
    'caught up',
    'fixed',
    'revoked',
    'revokes',
    'destroyed',
    'taken down',
    'takedown',
    'client hold',
    'clienthold',
  ],
};

/**
 * Words that tell what kind of event an event is, beyond the milestones' own words; the choice
 * of milestones reads them (docs/metrics.md lists them). `impact`: users or systems are hurt;
 * `trigger`: a change that may have caused the incident; `response`: people start working on
 * it; `communication`: telling others (a notice, a status page, a mailing list), which is
 * never the detection nor the mitigation.
 */
export const EVENT_WORDS = {
  impact: [
    'errors',
    'error rate',
    'erroring',
    'failing',
    'failed',
    'outage',
    'is down',
    'was down',
    'were down',
    'being down',
    'unavailable',
    'unresponsive',
    'unreachable',
    'not responding',
    'responding slow',
    'very slow',
    'slowness',
    'timeouts',
    'timing out',
    'timed out',
    'time out',
    'times out',
    'fail',
    'fails',
    'crash',
    'crashes',
    'crashed',
    'lose',
    'loses',
    'lost',
    'loss',
    'hang',
    'hangs',
    'stops',
    'stop being',
    'stop loading',
    'empty',
    'delayed',
    'rejecting',
    'rejected',
    'stale',
    'cannot',
    'no longer',
    'duplicate',
    'backing up',
    'saturates',
    'overloaded',
    'evicts',
    'fills',
    'degraded',
    'broken',
    '5xx',
    'crash loop',
    'crashloop',
    'crashing',
    'exploited',
    'leaked',
    'exposed',
    'compromised',
    'phishing',
    'data loss',
    'not working',
    'unable to',
    'wrong',
    'fall behind',
    'falls behind',
    'fell behind',
    'falling behind',
    'stop receiving',
    'stopped receiving',
    'containing * token',
    'containing * secret',
    'containing * credentials',
    'containing * password',
  ],
  trigger: [
    'deploy',
    'deploys',
    'deployed',
    'deploying',
    'deployment',
    'merged',
    'merges',
    'released',
    'release',
    'rolled out',
    'rollout',
    'pushed',
    'pushes',
    'uploaded',
    'upgraded',
    'upgrade',
    'migrated',
    'migration',
    'config change',
    'configuration change',
    'changed',
    'bump',
    'updated',
    'enabled',
    'introduced',
    'update',
    'maintenance',
    'rebuild',
    'rotation',
    'job runs',
    'job starts',
    'job started',
    'job begins',
    'job began',
    'backup',
  ],
  response: [
    'investigating',
    'investigation',
    'investigate',
    'investigates',
    'looking into',
    'begins looking',
    'started looking',
    'acknowledged',
    'acknowledges',
    'joins',
    'joined',
    'triage',
    'triaging',
    'responds',
    'responded',
  ],
  communication: [
    'mailing list',
    'status page',
    'statuspage',
    'announce',
    'announced',
    'announces',
    'announcement',
    'blog',
    'banner',
    'posts a notice',
    'posted a notice',
    'post a notice',
    'tweet',
    'tweeted',
    'social media',
    'newsletter',
    'press',
    'disclosure',
    'published',
    'publishes',
    'advisory',
    'users notified',
    'customers notified',
    'teams notified',
    'notified users',
    'notified customers',
    'notified the teams',
    'notified affected',
    'notifies',
  ],
} as const satisfies Record<string, readonly string[]>;

/** Verbs of a change made to fix something: an event of recovery with one of these was also the fix. */
const FIX = wordsPattern([
  ...EVENT_WORDS.trigger,
  'updates',
  'corrects',
  'corrected',
  'fixes',
  'fixed',
  'replaced',
  'replaces',
  'removed',
  'removes',
  'deleted',
  'deletes',
  'cleaned up',
  'increased',
  'recreated',
  'redeployed',
  'redeploys',
  'reconfigured',
]);

/** The start words that say only that something began; they mark the start only in an event that is no detection, response, fix or message. */
const GENERIC_START = new Set(['start', 'started', 'starts', 'began', 'begins']);

/** A user, customer or outsider telling the team, however worded ("A user emails security about ...", "a member posts about ..."). */
const OUTSIDE_REPORT =
  /(?<![\w-])(?:users?|customers?|members?|researchers?|someone|community|reporters?|contributors?|staff|employees?|developers?|shoppers?|clients?|partners?|support|helpdesk|finance)(?![\w-])[^.;\n]{0,50}?(?<![\w-])(?:emails?|emailed|contacts?|contacted|reports?|reported|reporting|posts?|posted|complains?|complained|opens?|opened|files?|filed|writes?|wrote|tells?|told|says?|said|escalates?|escalated|asks?|asked|pings?|pinged|notices?|noticed|raises?|raised)(?![\w-])/i;
/** A page sent to people (`pages storage on-call`, `pages the database administrator`), not web pages. */
const PAGE_SENT =
  /(?<![\w-])pages?\s+(?:\S+\s+){0,3}?(?:on[\s-]?call|engineers?|sre|dba|team|administrators?|responders?)(?![\w-])/i;
/**
 * A thing put back as it was, which is a fix (`previous certificates restored`, `index restored`),
 * unlike the service coming back (`service restored`, `Services are restored`), which is the recovery.
 */
const RESTORED_THING =
  /(?<!(?:services?|access|connectivity|functionality|operations?|availability|traffic|site|systems?|everything|is|are|was|were|been|be|fully|partially)\s+)(?<![\w-])restored(?![\w-])/i;

/**
 * Words of recovery beyond `MILESTONE_WORDS.resolution`: working "again" (`logins succeed again`,
 * `ERP responsive again`), "normal" (`latency normal`, not `higher than normal`) and "back" at the
 * end of a clause or before "up", "online", "to normal" or a figure (`service back`, `Search results back`,
 * `crash rate back to 0.3%`), but not a change undone (`rolled back`, `put back`, `switched back`); and
 * everything done ("all reports generated", "all messages delivered").
 */
const RECOVERY = new RegExp(
  [
    '(?<![\\w-])(?:succeed\\w*|work\\w*|load\\w*|connect\\w*|flow\\w*|available|responsive|serv\\w+|generat\\w+|correct|healthy|normal|up|pass\\w*|deliver\\w*|on time|accept\\w*|process\\w*|running|stable|green|online|reachable|respond\\w*|render\\w*)\\s+(?:\\S+\\s+){0,2}?again(?![\\w-])',
    '(?<!(?:than|above|below|of)\\s+)(?<![\\w-])normal(?:ly)?(?![\\w-])',
    '(?<![\\w-])all\\s+(?:\\S+\\s+){0,3}?(?:delivered|processed|generated|sent|caught\\s+up)(?![\\w-])',
    '(?<!(?:roll\\w*|put\\w*|set\\w*|switch\\w*|scal\\w*|fail\\w*|turn\\w*|dial\\w*|revert\\w*|mov\\w*|shift\\w*|call\\w*|push\\w*|pull\\w*|fell|fall\\w*|step\\w*|look\\w*|go|goes|went|get|got|wrote|writ\\w*|report\\w*|trac\\w*)\\s+(?:[^\\s.;,:]+\\s+){0,3}?)(?<![\\w-])back(?=\\s*(?:[.;,!)]|$)|\\s+(?:up|online|to\\s+(?:normal|baseline|zero|health\\w*|full)|in\\s+service|under)(?![\\w-])|\\s+to\\s+~?\\d)',
  ].join('|'),
  'i',
);

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
  const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/5xx/g, '5(?:\\d\\d|xx)');
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
  return new RegExp(
    markers.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]')).join('|'),
    'i',
  );
}

/** The keywords of each milestone as one regular expression (markers included, for compatibility). */
export const MILESTONE_PATTERNS: Readonly<Record<Milestone, RegExp>> = Object.fromEntries(
  MILESTONES.map((m) => [
    m,
    new RegExp(`${wordsPattern(MILESTONE_WORDS[m]).source}|${markersPattern(MILESTONE_MARKERS[m]).source}`, 'i'),
  ]),
) as Record<Milestone, RegExp>;

const KEYWORDS = Object.fromEntries(MILESTONES.map((m) => [m, wordsPattern(MILESTONE_WORDS[m])])) as Record<
  Milestone,
  RegExp
>;
const MARKERS = Object.fromEntries(MILESTONES.map((m) => [m, markersPattern(MILESTONE_MARKERS[m])])) as Record<
  Milestone,
  RegExp
>;
const EXPLICIT_START = wordsPattern(MILESTONE_WORDS.start.filter((w) => !GENERIC_START.has(w)));
const ANY_START = KEYWORDS.start;
const IMPACT = wordsPattern(EVENT_WORDS.impact);
const TRIGGER = wordsPattern(EVENT_WORDS.trigger);
const RESPONSE = wordsPattern(EVENT_WORDS.response);
const COMMUNICATION = wordsPattern(EVENT_WORDS.communication);
/** An address ending in `@` (`incidents@`), as timelines name the lists they wrote to. */
const LIST_ADDRESS = /\w@(?![\w.])/;

/** "reports" as a noun after a determiner or a time word ("no reports generated", "yesterday's reports"), which tells no one anything. */
const REPORTS_NOUN_SOURCE = String.raw`(?<![\w-])(?:no|the|these|those|all|any|some|daily|nightly|weekly|monthly|[\w-]+'s)\s+reports(?![\w-])`;
const REPORTS_NOUN = new RegExp(REPORTS_NOUN_SOURCE, 'i');
const REPORTS_NOUN_ALL = new RegExp(REPORTS_NOUN_SOURCE, 'gi');

/** How a milestone was chosen. */
export type MilestoneHow =
  /** An explicit `[detection]`-style marker. */
  | 'marker'
  /** One of `MILESTONE_WORDS`. */
  | 'keyword'
  /** Start: no event says the incident started, so the first timed event is taken. */
  | 'first-entry'
  /** Start: the first event that shows impact before the detection. */
  | 'impact'
  /**
   * Start: the last change (deploy, merge, upload) before the detection, when no event shows impact before it.
   * Mitigation: the first change after the detection, up to the recovery, when no event says it fixed anything.
   */
  | 'trigger'
  /** Detection: the first response (investigating, joins, acknowledged) when no alert, page or report comes before it. */
  | 'response'
  /** Mitigation: no event of its own, so the resolution event, which fixed the incident, is taken. */
  | 'resolution';

/** A milestone, the event that marks it, and how it was recognised. */
export interface MilestoneHit {
  readonly milestone: Milestone;
  readonly entry: TimelineEntry;
  readonly how: MilestoneHow;
  /** Why this event was taken, as a phrase for the hover and the index ("the first alert, page or report"). */
  readonly why: string;
}

/**
 * What the words of one event say it is, each pattern tested only when a question needs it and
 * then kept: most questions are asked of a few events only (the searches stop at the first
 * event that answers), so testing every pattern on every event cost several times more.
 */
class EventKinds {
  /** Bit i set: question i was tested; its answer is bit i of `answers`. */
  private tested = 0;
  private answers = 0;
  constructor(private readonly text: string) {}

  private ask(bit: number, pattern: RegExp, other?: RegExp): boolean {
    if (this.tested & bit) return (this.answers & bit) !== 0;
    const yes = pattern.test(this.text) || (other !== undefined && other.test(this.text));
    this.tested |= bit;
    if (yes) this.answers |= bit;
    return yes;
  }

  get communication(): boolean {
    return this.ask(1, COMMUNICATION, LIST_ADDRESS);
  }
  get detection(): boolean {
    if (!(this.tested & 2) && REPORTS_NOUN.test(this.text)) {
      // "reports" as a noun ("no reports generated") is no report: ask of the text without it.
      const yes = new EventKinds(this.text.replace(REPORTS_NOUN_ALL, ' ')).ask(2, KEYWORDS.detection, PAGE_SENT);
      this.tested |= 2;
      if (yes) this.answers |= 2;
    }
    return this.ask(2, KEYWORDS.detection, PAGE_SENT) || this.outsideReport;
  }
  /** A user, customer or outsider telling the team: a detection even when said on social media or a forum. */
  get outsideReport(): boolean {
    return this.ask(512, OUTSIDE_REPORT);
  }
  get response(): boolean {
    return this.ask(4, RESPONSE);
  }
  get mitigation(): boolean {
    return this.ask(8, KEYWORDS.mitigation, RESTORED_THING);
  }
  get explicitStart(): boolean {
    return this.ask(16, EXPLICIT_START);
  }
  get impact(): boolean {
    return this.ask(32, IMPACT);
  }
  get resolution(): boolean {
    return this.ask(64, KEYWORDS.resolution, RECOVERY);
  }
  /** Says only that something began: no explicit start, detection, response, fix or message. */
  get genericStart(): boolean {
    return (
      !this.explicitStart &&
      this.ask(128, ANY_START) &&
      !this.detection &&
      !this.response &&
      !this.mitigation &&
      !this.communication &&
      !this.trigger
    );
  }
  /** A change (deploy, merge, upload) that is neither a fix nor a message. */
  get trigger(): boolean {
    return this.ask(256, TRIGGER) && !this.mitigation && !this.communication;
  }
}

/**
 * The kinds of an event's text, kept across lints (bounded, as `normalizeHeading` keeps its
 * answers): a document is linted again on every edit, and its timeline mostly stays as it was.
 */
function eventKinds(text: string): EventKinds {
  let k = kindsMemo.get(text);
  if (k === undefined) {
    if (kindsMemo.size >= KINDS_MEMO_LIMIT) kindsMemo.clear();
    kindsMemo.set(text, (k = new EventKinds(text)));
  }
  return k;
}

const KINDS_MEMO_LIMIT = 4096;
const kindsMemo = new Map<string, EventKinds>();

/** How long after a fix that reads as a recovery a plain recovery event is still taken as the resolution. */
const RECOVERY_AFTER_FIX_MINUTES = 6 * 60;

/** Minutes of an entry: its time, or the start of its day for a date-only event (which can only be a start). */
function minutesOf(e: TimelineEntry): number {
  return (e.minutes ?? e.dayStart) as number;
}

/**
 * Finds each milestone as a careful reader would. A marked event wins. Otherwise, from the
 * events' words and their order:
 * - detection: the first alert, page, monitor, or report by a user or outsider (`D`); failing
 *   that, the first response (investigating, joins); a message to others (a notice, the status
 *   page, a mailing list) is never the detection;
 * - start: the first explicit start ("outage begins", "first errors", "started failing"); else
 *   the first event before `D` that shows impact (errors, down, unresponsive, leaked) or says
 *   only that something began; else the last change before `D` (deploy, merge, upload),
 *   which may be a date-only event; else `D` itself when it shows impact; else the first timed event;
 * - mitigation: the first fix (rollback, revert, restart, revoked, ...) at or after the
 *   detection, messages excluded; else the first change (deploy, update) after the detection,
 *   up to the recovery; else the resolution event;
 * - resolution: the first event of recovery (resolved, restored, back online, is back) at or
 *   after the start, the detection and the mitigation, preferring one that is not a message.
 * The start is at or before the detection, which is at or before the mitigation and resolution.
 */
export function classifyMilestones(entries: readonly TimelineEntry[]): Partial<Record<Milestone, MilestoneHit>> {
  // Timed events, and date-only events (which can only mark the start), in the order written.
  const events = readDateSlips(entries.filter((e) => e.minutes !== undefined || e.dayStart !== undefined));
  const timed = events.filter((e) => e.minutes !== undefined);
  const kind = (e: TimelineEntry) => eventKinds(e.body || e.text);
  const text = (e: TimelineEntry) => e.body || e.text;
  // Every marker starts with `[`: without one in any event, no event is marked (one look per event, not one per milestone).
  const anyMarker = timed.some((e) => text(e).includes('['));
  const marked = (m: Milestone) => (anyMarker ? timed.find((e) => MARKERS[m].test(text(e))) : undefined);
  const hit = (
    milestone: Milestone,
    entry: TimelineEntry | undefined,
    how: MilestoneHow,
    why: string,
  ): MilestoneHit | undefined => (entry ? { milestone, entry, how, why } : undefined);
  const first = (list: readonly TimelineEntry[], test: (k: EventKinds) => boolean, from?: number, before?: number) =>
    list.find(
      (e) =>
        (from === undefined || minutesOf(e) >= from) &&
        (before === undefined || minutesOf(e) < before) &&
        test(kind(e)),
    );
  // A message to others is no detection, but a user's report is one wherever it was made (a forum, social media).
  const isDetection = (k: EventKinds) => (k.detection && !k.communication) || k.outsideReport;

  const found: Partial<Record<Milestone, MilestoneHit>> = {};
  const markedStart = marked('start');
  const markedDetection = marked('detection');
  // The first detection of the whole timeline bounds the start; the start may be a date-only event.
  const firstSignal =
    markedDetection ?? first(timed, isDetection) ?? first(timed, (k) => k.response && !k.communication);
  const signalAt = firstSignal ? minutesOf(firstSignal) : undefined;
  // An explicit start counts up to the first fix (a later "errors started" is a relapse, not the start).
  const firstFix = first(timed, (k) => k.mitigation || k.resolution);
  const fixBound = firstFix ? minutesOf(firstFix) + 1 : undefined;
  let lastTrigger: TimelineEntry | undefined;
  // The last event before the detection that is a change, looking from the end (no reversed copy).
  for (let i = events.length - 1; signalAt !== undefined && i >= 0 && !lastTrigger; i--) {
    if (minutesOf(events[i]) < signalAt && kind(events[i]).trigger) lastTrigger = events[i];
  }
  // An event that shows impact is the start before one that only says something began ("maintenance starts").
  const impactBefore =
    signalAt === undefined
      ? undefined
      : (first(events, (k) => k.impact && !k.trigger, undefined, signalAt) ??
        first(events, (k) => k.impact || k.genericStart, undefined, signalAt));
  const explicit = first(timed, (k) => k.explicitStart, undefined, fixBound);
  // An event that shows impact before the one that says it started ("first report that 503s are served") is the earlier start.
  const saysStarted =
    explicit && !(impactBefore && minutesOf(impactBefore) < minutesOf(explicit)) ? explicit : undefined;
  found.start =
    hit('start', markedStart, 'marker', 'marked as the start') ??
    hit('start', saysStarted, 'keyword', 'the first event that says the incident started') ??
    hit(
      'start',
      impactBefore,
      'impact',
      impactBefore && kind(impactBefore).impact
        ? 'the first event that shows impact before the detection'
        : 'the first event before the detection that says something began',
    ) ??
    hit('start', lastTrigger, 'trigger', 'the last change before the detection') ??
    hit(
      'start',
      firstSignal && kind(firstSignal).impact ? firstSignal : undefined,
      'impact',
      'the detection shows the impact itself',
    ) ??
    hit('start', timed[0], 'first-entry', 'no event says when the incident started, so the first timed event');
  const startAt = found.start ? minutesOf(found.start.entry) : undefined;
  found.detection =
    hit('detection', markedDetection, 'marker', 'marked as the detection') ??
    hit('detection', first(timed, isDetection, startAt), 'keyword', 'the first alert, page or report') ??
    hit(
      'detection',
      first(timed, (k) => k.response && !k.communication, startAt),
      'response',
      'no alert, page or report: the first response',
    );
  const detectedAt = found.detection ? minutesOf(found.detection.entry) : startAt;
  found.mitigation =
    hit('mitigation', marked('mitigation'), 'marker', 'marked as the mitigation') ??
    hit(
      'mitigation',
      first(timed, (k) => k.mitigation && !k.communication, detectedAt),
      'keyword',
      'the first fix after the detection',
    );
  const bounds = [
    startAt,
    found.detection && minutesOf(found.detection.entry),
    found.mitigation && minutesOf(found.mitigation.entry),
  ].filter((v): v is number => v !== undefined);
  const resolutionFrom = bounds.length ? Math.max(...bounds) : undefined;
  const recovered = first(timed, (k) => k.resolution && !k.communication, resolutionFrom);
  // A fix that names what it restored ("previous certificates restored") is followed by the service
  // working again ("calls healthy again"): the recovery is that later event, when one follows within hours.
  const recoveredAfterFix =
    recovered && kind(recovered).mitigation
      ? first(
          timed,
          (k) => k.resolution && !k.mitigation && !k.communication,
          minutesOf(recovered) + 1,
          minutesOf(recovered) + RECOVERY_AFTER_FIX_MINUTES,
        )
      : undefined;
  found.resolution =
    hit('resolution', marked('resolution'), 'marker', 'marked as the resolution') ??
    hit(
      'resolution',
      recoveredAfterFix,
      'keyword',
      'the first event after the fix that says the service works again',
    ) ??
    hit('resolution', recovered, 'keyword', 'the first event that says the service recovered') ??
    hit(
      'resolution',
      first(timed, (k) => k.resolution, resolutionFrom),
      'keyword',
      'the first message that says the service recovered',
    );
  // No fix by its words: the first change made after the detection (a certificate deployed, a client
  // updated), up to the recovery, was the fix.
  const changedAfter =
    found.mitigation || detectedAt === undefined
      ? undefined
      : first(
          timed,
          (k) => k.trigger,
          detectedAt + (found.detection ? 1 : 0),
          found.resolution ? minutesOf(found.resolution.entry) + 1 : undefined,
        );
  // The recovery event itself, when it is that change, is taken below as the recovery that fixed it.
  if (changedAfter && changedAfter !== found.resolution?.entry)
    found.mitigation = hit('mitigation', changedAfter, 'trigger', 'the first change after the detection');
  if (!found.mitigation && found.resolution?.how === 'keyword' && FIX.test(text(found.resolution.entry))) {
    found.mitigation = {
      milestone: 'mitigation',
      entry: found.resolution.entry,
      how: 'resolution',
      why: 'no fix of its own before the recovery, so the recovery event',
    };
  }
  for (const m of MILESTONES) if (!found[m]) delete found[m];
  return found;
}

/**
 * The events with each slip of the pen in a date read as a careful reader reads it: when an
 * event's own date puts it days before the event listed above it, but on that event's day its
 * time follows it within twelve hours, it is read on that day, and so are the events after it
 * that carry the same mistaken date ("2026-06-28 14:09", then "2026-06-11 14:15"). PM009
 * still reports the order as written.
 */
function readDateSlips(events: readonly TimelineEntry[]): readonly TimelineEntry[] {
  let out: TimelineEntry[] | undefined;
  let previous: number | undefined;
  // The time of the event before `previous`, to tell a slip in this event from one in the previous.
  let beforePrevious: number | undefined;
  // The written day that was mistaken, and the days added to it.
  let slip: { day: number; days: number } | undefined;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e.minutes === undefined) continue;
    const writtenDay = Math.floor((e.minutes + e.utcOffset) / 1440);
    if (slip && slip.day !== writtenDay) slip = undefined;
    let at = e.minutes + (slip ? slip.days * 1440 : 0);
    const previousStrayed =
      beforePrevious !== undefined &&
      previous !== undefined &&
      previous - beforePrevious >= 1440 &&
      at >= beforePrevious;
    if (!slip && e.dated && previous !== undefined && previous - at >= 1440 && previousStrayed) {
      // The event above is the one dated days off (the 20th among the 2nd's): this one follows the ones before it.
      previous = at;
      continue;
    }
    if (!slip && e.dated && previous !== undefined && previous - at >= 1440) {
      const days = Math.floor((previous + e.utcOffset) / 1440) - writtenDay;
      const moved = at + days * 1440;
      if (moved >= previous && moved < previous + 720) {
        slip = { day: writtenDay, days };
        at = moved;
      }
    }
    if (slip) {
      out ??= [...events];
      out[i] = { ...e, minutes: at, slipDays: slip.days };
    }
    beforePrevious = previous;
    previous = at;
  }
  return out ?? events;
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
