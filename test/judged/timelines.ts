// The timeline set of issue #17 (test/judged/timelines/timelines.yaml): small postmortems of our own writing,
// read, checked and composed into documents; scored by scripts/judge.mjs next to the corpus set.
import { parse } from 'yaml';
import type { JudgedDocument, JudgedTimes, Label } from './labels';

/** The milestones a timeline is labelled with, in the order an incident goes through them. */
export const TIMELINE_MILESTONES = ['start', 'detection', 'mitigation', 'resolution'] as const;
export type TimelineMilestone = (typeof TIMELINE_MILESTONES)[number];

/** One labelled timeline. */
export interface LabelledTimeline {
  readonly id: string;
  readonly title: string;
  readonly shape: string;
  readonly holdout: boolean;
  /** The composed postmortem. */
  readonly text: string;
  /** The 1-based line of the event taken for each milestone, null when the timeline has none. */
  readonly milestones: Readonly<Record<TimelineMilestone, number | null>>;
  /** Hand-computed minutes; both null when the timeline does not allow either. */
  readonly times: JudgedTimes;
  /** Whether PM010 is expected; 'debatable' when a reviewer could argue either way. */
  readonly pm010: boolean | 'debatable';
  /** The 1-based lines PM009 should report. */
  readonly pm009: readonly number[];
}

/** The set's contents, or why it could not be read. */
export interface ParsedTimelines {
  readonly timelines: LabelledTimeline[];
  readonly holdout: readonly string[];
  /** The sizes of the batches the set was written in, in file order (the hold-out is drawn per batch). */
  readonly batches: readonly number[];
  readonly errors: string[];
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isMinutes = (v: unknown): v is number | null =>
  v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 0);

/** The seed and size of the hold-out draw written in the YAML file's header. */
export const HOLDOUT_SEED = 17;

/** The hold-out of a set written in batches: each batch's own draw (`holdoutDraw`, a fifth of it), together, sorted. */
export function batchedHoldoutDraw(ids: readonly string[], batches: readonly number[], seed: number): string[] {
  const out: string[] = [];
  let from = 0;
  for (const size of batches) {
    out.push(...holdoutDraw(ids.slice(from, from + size), seed, Math.round(size / 5)));
    from += size;
  }
  return out.sort();
}

/** The ids of the hold-out: a Fisher-Yates shuffle (mulberry32, `seed`) of `ids`, its first `count`, sorted. */
export function holdoutDraw(ids: readonly string[], seed: number, count: number): string[] {
  let a = seed;
  const random = () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...ids];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out.slice(0, count).sort();
}

/**
 * The postmortem a labelled timeline is linted as: a title, the date when given, a severity, a
 * one-line summary, and the timeline under its heading. Returns the text and the line (1-based)
 * where the timeline's body starts.
 */
export function composeTimelineDocument(raw: {
  id: string;
  title: string;
  date?: string;
  heading?: string;
  timeline: string;
}): { text: string; bodyLine: number } {
  const head = [
    `# Incident ${raw.id}: ${raw.title}`,
    '',
    ...(raw.date ? [`**Date:** ${raw.date}`] : []),
    '**Severity:** SEV2',
    '',
    '## Summary',
    '',
    `${raw.title}; written for the timeline set of issue #17.`,
    '',
    `## ${raw.heading ?? 'Timeline'}`,
    '',
  ];
  return { text: `${head.join('\n')}\n${raw.timeline.replace(/\n+$/, '')}\n`, bodyLine: head.length + 1 };
}

/** Reads the set. Errors name the timeline and the field, so the file can be fixed. */
export function parseTimelines(text: string): ParsedTimelines {
  const errors: string[] = [];
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    return {
      timelines: [],
      holdout: [],
      batches: [],
      errors: [`The timeline set is not valid YAML: ${(e as Error).message}`],
    };
  }
  if (!isObject(data) || !Array.isArray(data.timelines) || !Array.isArray(data.holdout)) {
    return {
      timelines: [],
      holdout: [],
      batches: [],
      errors: ['The timeline set needs top-level "holdout:" and "timelines:" lists.'],
    };
  }
  const holdout = data.holdout.map(String);
  const timelines: LabelledTimeline[] = [];
  const seen = new Set<string>();
  data.timelines.forEach((raw: unknown, index: number) => {
    if (!isObject(raw)) {
      errors.push(`timelines[${index}]: not a mapping.`);
      return;
    }
    const id = String(raw.id ?? `#${index}`);
    const problem = (m: string) => errors.push(`${id}: ${m}`);
    if (seen.has(id)) problem('listed twice.');
    seen.add(id);
    if (typeof raw.title !== 'string' || typeof raw.timeline !== 'string' || typeof raw.shape !== 'string') {
      problem('needs "title", "shape" and "timeline" (text).');
      return;
    }
    const date = raw.date instanceof Date ? raw.date.toISOString().slice(0, 10) : raw.date;
    if (date !== undefined && typeof date !== 'string') problem('"date" must be a date.');
    if (raw.heading !== undefined && typeof raw.heading !== 'string') problem('"heading" must be text.');
    const { text, bodyLine } = composeTimelineDocument({
      id,
      title: raw.title,
      date: typeof date === 'string' ? date : undefined,
      heading: typeof raw.heading === 'string' ? raw.heading : undefined,
      timeline: raw.timeline,
    });
    const bodyLines = raw.timeline.replace(/\n+$/, '').split('\n');
    /** The 1-based document line of the one timeline line containing `needle`. */
    const lineOf = (field: string, needle: unknown): number | null => {
      if (needle === null) return null;
      if (typeof needle !== 'string' || needle.length === 0) {
        problem(`"${field}" must be text found on one line of the timeline, or null.`);
        return null;
      }
      const hits = bodyLines.flatMap((l, i) => (l.includes(needle) ? [i] : []));
      if (hits.length !== 1) {
        problem(`"${field}": "${needle}" is on ${hits.length} lines of the timeline; it must be on exactly one.`);
        return null;
      }
      return bodyLine + hits[0];
    };
    const milestones = Object.fromEntries(
      TIMELINE_MILESTONES.map((m) => {
        if (!(m in raw)) problem(`"${m}" is missing (null when the timeline has no such event).`);
        return [m, lineOf(m, raw[m] ?? null)];
      }),
    ) as Record<TimelineMilestone, number | null>;
    if (!isMinutes(raw.detect) || !isMinutes(raw.recover)) {
      problem('"detect" and "recover" must be whole minutes or null.');
    }
    if (raw.pm010 !== true && raw.pm010 !== false && raw.pm010 !== 'debatable') {
      problem('"pm010" must be true, false or debatable.');
    }
    if (!Array.isArray(raw.pm009)) problem('"pm009" must be a list ([] for none).');
    const pm009 = (Array.isArray(raw.pm009) ? raw.pm009 : [])
      .map((n: unknown, i: number) => lineOf(`pm009[${i}]`, n))
      .filter((l): l is number => l !== null);
    timelines.push({
      id,
      title: raw.title,
      shape: raw.shape,
      holdout: holdout.includes(id),
      text,
      milestones,
      times: {
        detect: isMinutes(raw.detect) ? raw.detect : null,
        recover: isMinutes(raw.recover) ? raw.recover : null,
      },
      pm010: raw.pm010 === 'debatable' ? 'debatable' : raw.pm010 === true,
      pm009,
    });
  });
  for (const h of holdout) if (!seen.has(h)) errors.push(`holdout: ${h} is not a timeline of the set.`);
  // One batch of all the timelines when the file names none.
  const batches = Array.isArray(data.batches) ? data.batches.map(Number) : [timelines.length];
  if (batches.some((n) => !Number.isInteger(n) || n <= 0) || batches.reduce((a, n) => a + n, 0) !== timelines.length)
    errors.push(`batches: ${JSON.stringify(data.batches)} must be positive counts adding up to the ${timelines.length} timelines.`);
  return { timelines, holdout, batches, errors };
}

/** A labelled timeline as a judged document of the corpus set's shape, so the same scoring applies. */
export function asJudgedDocument(t: LabelledTimeline): JudgedDocument {
  const expected: Label[] = [
    ...(t.pm010 === true ? [{ rule: 'PM010', why: 'a milestone is missing or no time can be read' }] : []),
    ...t.pm009.map((line) => ({ rule: 'PM009', line, why: 'listed out of time order' })),
  ];
  const debatable: Label[] = t.pm010 === 'debatable' ? [{ rule: 'PM010', why: 'arguable' }] : [];
  const hasTimes = t.times.detect !== null || t.times.recover !== null;
  return {
    path: `${t.id}.md`,
    kind: 'postmortem',
    profile: 'agent',
    holdout: t.holdout,
    rules: ['PM009', 'PM010'],
    expected,
    debatable,
    times: hasTimes ? t.times : undefined,
  };
}
