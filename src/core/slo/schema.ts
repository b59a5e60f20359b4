// The zod (v4) schemas of the three forms of slo.yaml: OpenSLO v1 `kind: SLO`, Sloth `prometheus/v1`, and the short form.
import * as z from 'zod';
import { DURATION } from './window';

/** A percentage objective: a number above 0 and below 100, or text such as "99.9%". */
const percent = z.preprocess(
  (v) => (typeof v === 'string' && /^\s*\d+(?:\.\d+)?\s*%?\s*$/.test(v) ? Number.parseFloat(v) : v),
  z
    .number({ error: 'must be a percentage such as 99.9' })
    .gt(0, 'must be a percentage above 0 and below 100, such as 99.9')
    .lt(100, 'must be a percentage above 0 and below 100, such as 99.9 (100% leaves no error budget)'),
);

const duration = z
  .string({ error: 'must be a duration such as 30d' })
  .regex(DURATION, 'must be a whole number and a unit, such as 30d, 4w or 1M (units m, h, d, w, M, Q, Y)');

const name = z.string({ error: 'must be text' }).trim().min(1, 'must not be empty');

/** One entry of the short form. */
export const shortSloSchema = z.object({
  name: name.optional(),
  service: name,
  objective: percent,
  window: duration.optional(),
  description: z.string().optional(),
});

/** The keys the short form knows; others get a warning. */
export const SHORT_KEYS: readonly string[] = ['name', 'service', 'objective', 'window', 'description'];

/** The short form: `slos:` with a list of entries, or a single entry at the top. */
export const shortFileSchema = z.object({ slos: z.array(shortSloSchema).min(1, 'must list at least one SLO') });

const metricSource = z.looseObject({});

/** OpenSLO v1 indicator spec: a ratio metric needs `total` and one of `good` or `bad`. */
const indicatorSpec = z.looseObject({
  ratioMetric: z
    .looseObject({
      counter: z.boolean().optional(),
      good: metricSource.optional(),
      bad: metricSource.optional(),
      total: metricSource.optional(),
      rawType: z.string().optional(),
      raw: metricSource.optional(),
    })
    .superRefine((r, ctx) => {
      if (r.raw !== undefined) return;
      if (r.total === undefined)
        ctx.addIssue({
          code: 'custom',
          message: 'a ratio metric needs total (and good or bad), or raw',
          path: ['total'],
        });
      if (r.good === undefined && r.bad === undefined)
        ctx.addIssue({ code: 'custom', message: 'a ratio metric needs good or bad', path: [] });
    })
    .optional(),
  thresholdMetric: metricSource.optional(),
});

const objective = z
  .looseObject({
    displayName: z.string().optional(),
    name: z.string().optional(),
    target: z
      .number({ error: 'must be a fraction such as 0.999' })
      .gt(0, 'must be a fraction above 0 and below 1, such as 0.999')
      .lt(1, 'must be a fraction above 0 and below 1, such as 0.999 (use targetPercent for 99.9)')
      .optional(),
    targetPercent: percent.optional(),
  })
  .superRefine((o, ctx) => {
    if (o.target === undefined && o.targetPercent === undefined)
      ctx.addIssue({ code: 'custom', message: 'needs target (e.g. 0.999) or targetPercent (e.g. 99.9)', path: [] });
    if (o.target !== undefined && o.targetPercent !== undefined)
      ctx.addIssue({ code: 'custom', message: 'give target or targetPercent, not both', path: ['targetPercent'] });
  });

const timeWindow = z
  .looseObject({
    duration,
    isRolling: z.boolean({ error: 'must be true or false' }).optional(),
    calendar: z
      .looseObject({
        startTime: z.string({ error: 'must be a time such as "2026-01-01 00:00:00"' }),
        timeZone: z.string({ error: 'must be a zone such as UTC or Europe/Berlin' }),
      })
      .optional(),
  })
  .superRefine((w, ctx) => {
    if (w.isRolling === true && w.calendar)
      ctx.addIssue({
        code: 'custom',
        message: 'a rolling window has no calendar; remove one of them',
        path: ['calendar'],
      });
    if (w.isRolling !== true && !w.calendar) {
      ctx.addIssue({
        code: 'custom',
        message:
          'say isRolling: true for a rolling window, or give calendar (startTime and timeZone) for a calendar window',
        path: [],
      });
    }
  });

/** OpenSLO v1, `kind: SLO`. */
export const openSloSchema = z.looseObject({
  apiVersion: z.literal('openslo/v1'),
  kind: z.literal('SLO'),
  metadata: z.looseObject({ name, displayName: z.string().optional() }),
  spec: z.looseObject({
    description: z.string().optional(),
    service: name,
    indicator: z.looseObject({ metadata: z.looseObject({}).optional(), spec: indicatorSpec }).optional(),
    indicatorRef: z.string().optional(),
    timeWindow: z.array(timeWindow).min(1, 'must list one window').max(1, 'must list exactly one window'),
    budgetingMethod: z.enum(['Occurrences', 'Timeslices', 'RatioTimeslices']),
    objectives: z.array(objective).min(1, 'must list at least one objective'),
  }),
});

const slothSlo = z.looseObject({
  name,
  objective: percent,
  description: z.string().optional(),
});

/** Sloth, `version: prometheus/v1`. */
export const slothSchema = z.looseObject({
  version: z.literal('prometheus/v1'),
  service: name,
  slos: z.array(slothSlo).min(1, 'must list at least one SLO'),
});

/** Sloth's Kubernetes form, `kind: PrometheusServiceLevel`. */
export const slothCrdSchema = z.looseObject({
  apiVersion: z.literal('sloth.slok.dev/v1'),
  kind: z.literal('PrometheusServiceLevel'),
  spec: z.looseObject({ service: name, slos: z.array(slothSlo).min(1, 'must list at least one SLO') }),
});
