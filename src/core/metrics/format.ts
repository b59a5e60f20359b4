// Shows minutes, shares and dates the same way in the hover, the preview, the index and the CLI.
import type { CalendarDate } from '../postmortem/dates';
import type { Interval } from './metrics';

/** `47 min`, `2 h 5 min`, `1 d 3 h`; one decimal for fractions (`20.4 min`). */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const m = Math.abs(minutes);
  if (m < 60) return `${sign}${trim(m)} min`;
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const rest = roundTo(m % 60, 1);
  const parts = [days ? `${days} d` : '', hours ? `${hours} h` : '', rest ? `${trim(rest)} min` : ''].filter(Boolean);
  return sign + parts.join(' ');
}

/** An interval as text: `4 min`, `~4 min` when a time is approximate, or `—` when not computable. */
export function formatInterval(interval: Interval): string {
  if (interval.minutes === null) return '—';
  return `${interval.approximate ? '~' : ''}${formatMinutes(interval.minutes)}`;
}

/** A fraction as a percentage with at most one decimal: 0.4722 → `47.2%`. */
export function formatPercent(fraction: number): string {
  return `${trim(roundTo(fraction * 100, 1))}%`;
}

/** YYYY-MM-DD. */
export function formatDate(date: CalendarDate): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** YYYY-MM-DD HH:MM UTC of minutes since 1970 UTC. */
export function formatUtc(minutes: number): string {
  return `${new Date(minutes * 60_000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Rounds half away from zero to `digits` decimals, without binary noise (43.199999 → 43.2). */
export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  const r = (Math.sign(value) * Math.round(Math.abs(value) * f + 1e-9)) / f;
  return Object.is(r, -0) ? 0 : r;
}

function trim(n: number): string {
  return String(roundTo(n, 1));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
