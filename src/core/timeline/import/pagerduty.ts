// Reads a PagerDuty incident's log entries (the REST API's {"log_entries": [...]}) into timeline events: a trigger is the detection, a resolve the resolution.
import { byTime, inWindow, TimelineImportError, type ImportedEvent, type ImportWindow } from './events';
import type { JsonFile } from './slack';

/** Entry types left out: one per notification sent (SMS, e-mail, push) is noise in a timeline. */
const DROPPED_TYPES = new Set(['notify_log_entry']);

/** Whether parsed JSON looks like PagerDuty log entries (an object with a `log_entries` array). */
export function isPagerDutyLog(data: unknown): boolean {
  return isRecord(data) && Array.isArray(data.log_entries);
}

/**
 * The log entries in the window as events, sorted by time: `created_at` in UTC, the entry's
 * `summary` as text (an annotation's note text), the agent as author. The first trigger is
 * the detection and the last resolve the resolution (both `explicit`). Notifications are left
 * out. Throws when the file is not a log (no `log_entries` array) or an entry has no readable time.
 */
export function pagerDutyEvents(file: JsonFile, window: ImportWindow): ImportedEvent[] {
  if (!isPagerDutyLog(file.data)) {
    throw new TimelineImportError(
      file.path,
      'not a PagerDuty log (expected a JSON object with a "log_entries" array, as GET /incidents/{id}/log_entries returns).',
    );
  }
  const entries = (file.data as { log_entries: unknown[] }).log_entries;
  const events: { event: ImportedEvent; type: string }[] = [];
  entries.forEach((entry, index) => {
    if (!isRecord(entry)) return;
    const type = typeof entry.type === 'string' ? entry.type : '';
    if (DROPPED_TYPES.has(type)) return;
    const at = typeof entry.created_at === 'string' ? Date.parse(entry.created_at) : NaN;
    if (!Number.isFinite(at))
      throw new TimelineImportError(file.path, `log entry ${index + 1} has no readable "created_at" time.`);
    if (!inWindow(at, window)) return;
    const text = entryText(entry, type);
    if (!text) return;
    events.push({ event: { at, text, source: 'pagerduty', author: agentOf(entry), milestone: null }, type });
  });
  const sorted = byTime(events.map((e) => e.event));
  const typeOf = new Map(events.map((e) => [e.event, e.type]));
  const trigger = sorted.findIndex((e) => typeOf.get(e) === 'trigger_log_entry');
  let resolve = -1;
  for (let i = sorted.length - 1; i >= 0 && resolve < 0; i--)
    if (typeOf.get(sorted[i]) === 'resolve_log_entry') resolve = i;
  return sorted.map((e, i) =>
    i === trigger
      ? { ...e, milestone: 'detection' as const, explicit: true }
      : i === resolve
        ? { ...e, milestone: 'resolution' as const, explicit: true }
        : e,
  );
}

/** The entry's text: an annotation's note, else its summary (white space collapsed). */
function entryText(entry: Record<string, unknown>, type: string): string {
  const channel = isRecord(entry.channel) ? entry.channel : {};
  const note = isRecord(entry.note) ? entry.note.content : entry.note;
  const candidates =
    type === 'annotate_log_entry'
      ? [note, channel.content, channel.type === 'note' ? channel.summary : undefined, entry.summary]
      : [entry.summary, channel.summary];
  const text = candidates.find((t): t is string => typeof t === 'string' && t.trim() !== '') ?? '';
  const clean = text.replace(/\s+/g, ' ').trim();
  return type === 'annotate_log_entry' && clean && !/^note\b/i.test(clean) ? `Note: ${clean}` : clean;
}

function agentOf(entry: Record<string, unknown>): string | null {
  const agent = isRecord(entry.agent) ? entry.agent : undefined;
  const name =
    agent &&
    (typeof agent.summary === 'string' ? agent.summary : typeof agent.name === 'string' ? agent.name : undefined);
  return name && name.trim() ? name.trim() : null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
