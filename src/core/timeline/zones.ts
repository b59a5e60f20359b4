// Time zones as postmortems write them (UTC, PST, +02:00, Eastern, US/Pacific) and their offsets at a given date.

/** A time zone named in a document. */
export interface TimeZone {
  /** The zone as written, e.g. `PST`, `+02:00`, `US/Pacific`, `Eastern`. */
  readonly name: string;
  /** A fixed offset east of UTC in minutes (abbreviations and numeric offsets). */
  readonly fixedOffset?: number;
  /** An IANA zone whose offset depends on the date (region names and `Area/City` names). */
  readonly iana?: string;
}

/**
 * Offsets from UTC in minutes of the zone abbreviations people write. An abbreviation is
 * read as written: `PST` in July is still UTC−8 (the author said so).
 */
export const ZONE_OFFSETS: Readonly<Record<string, number>> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  BST: 60,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  IST: 330,
  SGT: 480,
  HKT: 480,
  JST: 540,
  KST: 540,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  HST: -600,
  EASTERN: -300,
  PACIFIC: -480,
  CENTRAL: -360,
  MOUNTAIN: -420,
};

/** Region names whose offset follows daylight saving time, and the IANA zone they stand for. */
export const REGION_ZONES: Readonly<Record<string, string>> = {
  eastern: 'America/New_York',
  pacific: 'America/Los_Angeles',
  central: 'America/Chicago',
  mountain: 'America/Denver',
};

/**
 * The short names of the North American regions (`ET`, `PT`, `CT`, `MT`): they name no season,
 * so, like `Eastern`, they follow daylight saving time by the date (10:30 ET is 15:30 UTC in
 * January and 14:30 UTC in July). Read only in capitals.
 */
export const REGION_ABBREVIATIONS: Readonly<Record<string, string>> = {
  ET: 'America/New_York',
  PT: 'America/Los_Angeles',
  CT: 'America/Chicago',
  MT: 'America/Denver',
};

const ABBREVIATIONS = [...Object.keys(ZONE_OFFSETS), ...Object.keys(REGION_ABBREVIATIONS)].filter(
  (k) => /^[A-Z]+$/.test(k) && k.length > 1 && !(k.toLowerCase() in REGION_ZONES),
);

/**
 * The zone written right after a time, as a regular-expression source (no capture groups):
 * `UTC`, `UTC+2`, `GMT-05:00`, `Z`, `+02:00`, a known abbreviation in capitals, a region name
 * (`Eastern`, optionally followed by `Time`), or an IANA name such as `US/Pacific`.
 */
export const ZONE_SOURCE = [
  '(?:UTC|GMT)[+\u2212-]\\d{1,2}(?::?\\d{2})?(?![\\d:])',
  '[+\u2212-]\\d{2}:?\\d{2}(?![\\d:])',
  'Z(?![A-Za-z0-9])',
  `(?:${ABBREVIATIONS.sort((a, b) => b.length - a.length).join('|')})(?![A-Za-z])`,
  '(?:[Uu][Tt][Cc]|[Gg][Mm][Tt])(?![A-Za-z])',
  '(?:[Ee]astern|[Pp]acific|[Cc]entral|[Mm]ountain)(?:\\s+(?:[Ss]tandard\\s+|[Dd]aylight\\s+)?[Tt]ime)?(?![A-Za-z])',
  '[A-Z][A-Za-z]+(?:_[A-Z][A-Za-z]+)*\\/[A-Z][A-Za-z_]+(?:\\/[A-Z][A-Za-z_]+)?',
].join('|');

/** A zone token at an index (sticky): no slice of the text per attempt; the pattern looks only ahead. */
const ZONE_AT = new RegExp(`(?:${ZONE_SOURCE})`, 'y');
const ZONE_ANYWHERE = new RegExp(`(?<![A-Za-z0-9/])(?:${ZONE_SOURCE})`, 'g');

/**
 * Reads a zone token (as matched by `ZONE_SOURCE`) into a zone; undefined for an IANA-looking
 * name the runtime does not know.
 */
export function parseZone(token: string): TimeZone | undefined {
  const name = token.trim();
  const offset = /^(?:UTC|GMT)?([+\u2212-])(\d{1,2})(?::?(\d{2}))?$/i.exec(name);
  if (offset) {
    const minutes = +offset[2] * 60 + +(offset[3] ?? 0);
    if (+offset[2] > 14 || minutes > 14 * 60) return undefined;
    return { name, fixedOffset: offset[1] === '+' ? minutes : -minutes };
  }
  if (/^(?:utc|gmt|z)$/i.test(name)) return { name, fixedOffset: 0 };
  if (name in ZONE_OFFSETS && /^[A-Z]+$/.test(name)) return { name, fixedOffset: ZONE_OFFSETS[name] };
  if (name in REGION_ABBREVIATIONS) return { name, iana: REGION_ABBREVIATIONS[name] };
  const region = /^(eastern|pacific|central|mountain)(?:\s+(standard|daylight)\s+time)?/i.exec(name);
  if (region) {
    const key = region[1].toLowerCase();
    // "Eastern Standard Time" is a fixed offset; "Eastern" alone follows daylight saving time.
    if (region[2]?.toLowerCase() === 'standard') return { name, fixedOffset: ZONE_OFFSETS[key.toUpperCase()] };
    if (region[2]?.toLowerCase() === 'daylight') return { name, fixedOffset: ZONE_OFFSETS[key.toUpperCase()] + 60 };
    return { name, iana: REGION_ZONES[key] };
  }
  if (name.includes('/') && isIanaZone(name)) return { name, iana: name };
  return undefined;
}

/**
 * The first zone named anywhere in `text` (a heading such as `Timeline (PST)` or a note such as
 * `All times US/Pacific`). Abbreviations count only in capitals, so words such as "est" or
 * "wet" are not zones; `UTC` and `GMT` count in any case.
 */
export function findZone(text: string): TimeZone | undefined {
  // matchAll copies the pattern, so one compiled instance is shared.
  for (const match of text.matchAll(ZONE_ANYWHERE)) {
    // A bare "Z" or a numeric offset in prose is too ambiguous outside a time.
    if (/^z$/i.test(match[0]) || /^[+\u2212-]/.test(match[0])) continue;
    const zone = parseZone(match[0]);
    if (zone) return zone;
  }
  return undefined;
}

/** The zone at the start of `text`, with the length of its token, for reading a time's suffix. */
export function zoneAtStart(text: string): { zone: TimeZone; length: number } | undefined {
  return zoneAt(text, 0);
}

/** The zone token starting exactly at `index` of `text`, with its length (`zoneAtStart` of the rest, without a slice). */
export function zoneAt(text: string, index: number): { zone: TimeZone; length: number } | undefined {
  ZONE_AT.lastIndex = index;
  const m = ZONE_AT.exec(text);
  if (!m) return undefined;
  const zone = parseZone(m[0]);
  return zone ? { zone, length: m[0].length } : undefined;
}

/** The offset of `zone` east of UTC, in minutes, at the UTC instant `utcMinutes` (minutes since 1970). */
export function offsetAt(zone: TimeZone, utcMinutes: number): number {
  if (zone.fixedOffset !== undefined) return zone.fixedOffset;
  if (!zone.iana) return 0;
  return ianaOffset(zone.iana, utcMinutes);
}

/**
 * Converts a wall-clock time in `zone` (minutes since 1970-01-01 00:00 as if the wall clock
 * were UTC) to minutes since 1970-01-01 00:00 UTC.
 */
export function toUtcMinutes(zone: TimeZone | undefined, localMinutes: number): number {
  if (!zone) return localMinutes;
  if (zone.fixedOffset !== undefined) return localMinutes - zone.fixedOffset;
  // Two passes: the offset at the guessed instant settles all but the hour skipped at a DST change.
  const first = localMinutes - offsetAt(zone, localMinutes);
  return localMinutes - offsetAt(zone, first);
}

/** The offset in minutes east of UTC named in `text` (`UTC`, `PST`, `+02:00`, `Eastern`); fixed, as written. */
export function zoneIn(text: string): number | undefined {
  const offset = /(?:UTC|GMT)?\s*([+-])(\d{2}):?(\d{2})\b/.exec(text);
  if (offset && /[+-]\d{2}:?\d{2}/.test(text)) return (offset[1] === '-' ? -1 : 1) * (+offset[2] * 60 + +offset[3]);
  for (const word of text.toUpperCase().match(/\b[A-Z]{1,7}\b/g) ?? []) {
    if (word in ZONE_OFFSETS && word !== 'Z') return ZONE_OFFSETS[word];
  }
  return undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(iana: string): Intl.DateTimeFormat | null {
  let f = formatters.get(iana);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: iana,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      });
    } catch {
      f = null;
    }
    formatters.set(iana, f);
  }
  return f;
}

/** Whether the runtime knows the IANA zone `name` (e.g. `Europe/Berlin`, `US/Pacific`). */
export function isIanaZone(name: string): boolean {
  return formatter(name) !== null;
}

function ianaOffset(iana: string, utcMinutes: number): number {
  const f = formatter(iana);
  if (!f) return 0;
  const parts = f.formatToParts(new Date(utcMinutes * 60_000));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute')) / 60_000;
  return Math.round(wall - utcMinutes);
}
