// Reads a Slack workspace export (channels.json, users.json, <channel>/YYYY-MM-DD.json) into timeline events: readable text, UTC times, no joins or edit duplicates.
import { inWindow, TimelineImportError, type ImportedEvent, type ImportWindow } from './events';

/** A parsed JSON file of an export and the path it was read from (for error messages). */
export interface JsonFile {
  readonly path: string;
  readonly data: unknown;
}

/** A channel of the export. */
export interface SlackChannel {
  readonly id: string;
  readonly name: string;
}

/** The files `slackEvents` reads: the channel list, the user list (optional) and one channel's day files. */
export interface SlackExportFiles {
  /** `channels.json` (with `groups.json`'s private channels appended, when present). */
  readonly channels: readonly SlackChannel[];
  /** `users.json`, when the export has one. */
  readonly users?: JsonFile;
  /** The channel's `YYYY-MM-DD.json` files. */
  readonly days: readonly JsonFile[];
}

/** Message subtypes that are no event of the incident: people joining or leaving, deletions. */
const DROPPED_SUBTYPES = new Set([
  'channel_join',
  'channel_leave',
  'group_join',
  'group_leave',
  'message_deleted',
  'tombstone',
  'bot_add',
  'bot_remove',
]);

/**
 * The channels listed in `channels.json` (an array of `{id, name}`); throws when the file is not
 * such a list.
 */
export function readSlackChannels(file: JsonFile): SlackChannel[] {
  if (!Array.isArray(file.data))
    throw new TimelineImportError(
      file.path,
      'not a Slack channel list (expected a JSON array of channels with "id" and "name").',
    );
  const out: SlackChannel[] = [];
  for (const c of file.data) {
    if (isRecord(c) && typeof c.name === 'string')
      out.push({ id: typeof c.id === 'string' ? c.id : c.name, name: c.name });
  }
  return out;
}

/**
 * The channel to import: the one named (`#` optional, case ignored), or the only one when the
 * export has a single channel. Throws, naming `channelsPath` and the channels there are, when
 * the name is not there or when several channels leave the choice open.
 */
export function chooseSlackChannel(
  channels: readonly SlackChannel[],
  name: string | undefined,
  channelsPath: string,
): SlackChannel {
  const list = channels.map((c) => `#${c.name}`).join(', ') || 'none';
  if (name === undefined) {
    if (channels.length === 1) return channels[0];
    throw new TimelineImportError(
      channelsPath,
      channels.length === 0
        ? 'the export lists no channel.'
        : `the export has ${channels.length} channels (${list}); choose one with --channel NAME.`,
    );
  }
  const wanted = name.replace(/^#/, '').toLowerCase();
  const found = channels.find((c) => c.name.toLowerCase() === wanted || c.id.toLowerCase() === wanted);
  if (!found)
    throw new TimelineImportError(channelsPath, `no channel named #${wanted} in the export; its channels: ${list}.`);
  return found;
}

const DAY_FILE = /^(\d{4})-(\d{2})-(\d{2})\.json$/;

/**
 * The day files (`YYYY-MM-DD.json`) of a channel folder that may hold messages of the window,
 * sorted by day; a day either side is kept, as Slack names a day file in the workspace's zone.
 */
export function slackDayFiles(names: readonly string[], window: ImportWindow): string[] {
  const day = 86_400_000;
  return names
    .filter((n) => {
      const m = DAY_FILE.exec(n);
      if (!m) return false;
      const start = Date.UTC(+m[1], +m[2] - 1, +m[3]);
      return (
        (window.since === undefined || start + 2 * day > window.since) &&
        (window.until === undefined || start - day <= window.until)
      );
    })
    .sort();
}

interface Kept {
  readonly at: number;
  readonly seq: number;
  text: string;
  readonly author: string | null;
  readonly bot: boolean;
  edited: number;
}

/** A bot message that reports an alert firing (`Triggered:`, `[FIRING:1]`, `Alert:`), not its recovery. */
const ALERT = /^\W{0,3}(?:triggered|firing|alert(?:ing)?|alarm|critical|warn(?:ing)?)\b/i;
const RECOVERY = /\b(?:recovered|resolved|ok(?:ay)?|back to normal)\b/i;

/**
 * The channel's messages in the window as events, sorted by time (thread replies in their place
 * in time, so threads read flattened): `<@U…>` mentions become `@name`, `<#C…|name>` `#name`,
 * `<url|label>` `label (url)`; joins, leaves and deletions are dropped; an edit replaces the
 * message it edits (one event per message); bot messages are kept (their attachments' text when
 * they have no text of their own), and the first bot alert (`Triggered:`, `[FIRING]`) is the
 * detection (`explicit`). Times come from `ts` (seconds since 1970, UTC).
 */
export function slackEvents(files: SlackExportFiles, window: ImportWindow): ImportedEvent[] {
  const users = readUsers(files.users);
  const channelNames = new Map(files.channels.map((c) => [c.id, c.name]));
  const byTs = new Map<string, Kept>();
  let seq = 0;
  for (const file of files.days) {
    if (!Array.isArray(file.data))
      throw new TimelineImportError(file.path, 'not a Slack day file (expected a JSON array of messages).');
    for (const raw of file.data) {
      if (!isRecord(raw)) continue;
      let m: Record<string, unknown> = raw;
      if (m.subtype === 'message_changed') {
        // An edit event: the message as edited, at the time of the original.
        if (!isRecord(m.message)) continue;
        m = { ...m.message, edited: m.message.edited ?? { ts: m.ts } };
      }
      if (typeof m.subtype === 'string' && DROPPED_SUBTYPES.has(m.subtype)) continue;
      if (m.type !== undefined && m.type !== 'message') continue;
      const ts = typeof m.ts === 'string' ? m.ts : typeof m.ts === 'number' ? String(m.ts) : undefined;
      const seconds = ts === undefined ? NaN : Number(ts);
      if (!Number.isFinite(seconds)) continue;
      const at = Math.round(seconds * 1000);
      if (!inWindow(at, window)) continue;
      const text = readable(messageText(m), users, channelNames);
      if (!text) continue;
      const edited =
        isRecord(m.edited) && (typeof m.edited.ts === 'string' || typeof m.edited.ts === 'number')
          ? Number(m.edited.ts) || 0
          : 0;
      const before = byTs.get(ts as string);
      if (before) {
        // The same message twice (an edit, a reply also sent to the channel): the latest text wins.
        if (edited >= before.edited) {
          before.text = text;
          before.edited = edited;
        }
        continue;
      }
      const bot = m.subtype === 'bot_message' || typeof m.bot_id === 'string';
      byTs.set(ts as string, { at, seq: seq++, text, author: authorOf(m, users), bot, edited });
    }
  }
  const kept = [...byTs.values()].sort((a, b) => a.at - b.at || a.seq - b.seq);
  // The first alert a bot posted is the detection: a fact of the channel, not a reading of the words.
  const alert = kept.find((k) => k.bot && ALERT.test(k.text) && !RECOVERY.test(k.text));
  return kept.map((k) =>
    k === alert
      ? {
          at: k.at,
          text: k.text,
          source: 'slack' as const,
          author: k.author,
          milestone: 'detection' as const,
          explicit: true,
        }
      : { at: k.at, text: k.text, source: 'slack' as const, author: k.author, milestone: null },
  );
}

/** users.json as id → the name people see (display name, else real name, else user name). */
function readUsers(file: JsonFile | undefined): Map<string, string> {
  const users = new Map<string, string>();
  if (!file) return users;
  if (!Array.isArray(file.data))
    throw new TimelineImportError(file.path, 'not a Slack user list (expected a JSON array of users).');
  for (const u of file.data) {
    if (!isRecord(u) || typeof u.id !== 'string') continue;
    const profile = isRecord(u.profile) ? u.profile : {};
    const name = [profile.display_name, profile.real_name, u.real_name, u.name].find(
      (n): n is string => typeof n === 'string' && n.trim() !== '',
    );
    if (name) users.set(u.id, name.trim());
  }
  return users;
}

function authorOf(m: Record<string, unknown>, users: Map<string, string>): string | null {
  if (typeof m.user === 'string' && users.has(m.user)) return users.get(m.user) as string;
  if (typeof m.username === 'string' && m.username.trim()) return m.username.trim();
  if (isRecord(m.bot_profile) && typeof m.bot_profile.name === 'string') return m.bot_profile.name;
  if (isRecord(m.user_profile)) {
    const p = m.user_profile;
    const name = [p.display_name, p.real_name, p.name].find(
      (n): n is string => typeof n === 'string' && n.trim() !== '',
    );
    if (name) return name;
  }
  if (typeof m.user === 'string') return m.user;
  if (typeof m.bot_id === 'string') return m.bot_id;
  return null;
}

/** The message's own text, else its attachments' (bot alerts), else the names of its files. */
function messageText(m: Record<string, unknown>): string {
  if (typeof m.text === 'string' && m.text.trim()) return m.text;
  const parts: string[] = [];
  if (Array.isArray(m.attachments)) {
    for (const a of m.attachments) {
      if (!isRecord(a)) continue;
      const t = [a.fallback, a.pretext, a.title, a.text].find(
        (x): x is string => typeof x === 'string' && x.trim() !== '',
      );
      if (t) parts.push(t);
    }
  }
  if (parts.length === 0 && Array.isArray(m.files)) {
    for (const f of m.files) if (isRecord(f) && typeof f.name === 'string') parts.push(`(shared a file: ${f.name})`);
  }
  return parts.join(' ');
}

/** Slack markup: `<@U…>`, `<#C…|name>`, `<!here>`, `<scheme:…|label>` (a bare `<` is written `&lt;` in exports). */
const SPECIAL = /<([@#!][^<>\n]*|[A-Za-z][\w+.-]*:[^<>\s|]*(?:\|[^<>\n]*)?)>/g;

/** Slack's markup made readable, entities decoded, white space collapsed to one line. */
export function readable(
  text: string,
  users: ReadonlyMap<string, string>,
  channels: ReadonlyMap<string, string>,
): string {
  const out =
    text.indexOf('<') < 0
      ? text
      : text.replace(SPECIAL, (_all, inner: string) => {
          const bar = inner.indexOf('|');
          const target = bar < 0 ? inner : inner.slice(0, bar);
          const label = bar < 0 ? undefined : inner.slice(bar + 1);
          switch (target[0]) {
            case '@':
              return `@${users.get(target.slice(1)) ?? label?.replace(/^@/, '') ?? target.slice(1)}`;
            case '#':
              return `#${label ?? channels.get(target.slice(1)) ?? target.slice(1)}`;
            case '!': {
              const word = target.slice(1);
              if (word === 'here' || word === 'channel' || word === 'everyone') return `@${word}`;
              if (label) return label;
              return word.startsWith('subteam^') ? `@${word.slice(8)}` : `@${word}`;
            }
            default: {
              const url = target.startsWith('mailto:') ? target.slice(7) : target;
              return label && label !== url && label !== target ? `${label} (${url})` : url;
            }
          }
        });
  return decodeEntities(out).replace(/\s+/g, ' ').trim();
}

function decodeEntities(text: string): string {
  return text.indexOf('&') < 0 ? text : text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
