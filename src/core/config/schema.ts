// The zod (v4) schema of `.incident-workbench.yaml`: types and shapes only; cross-checks against the base profile live in resolve.ts.
import * as z from 'zod';
import { normalizeHeading } from '../markdown/headingText';
import { DOCUMENT_KINDS, type DocumentKind } from '../profiles/types';
import { describeValue } from './messages';
import type { ConfigFile } from './types';

/** The rule levels a configuration file may set. */
export const RULE_LEVELS = ['off', 'info', 'warning', 'error'] as const;

type Ctx = z.core.$RefinementCtx<string> | z.core.$RefinementCtx<number>;
const fail = (ctx: Ctx, message: string, value: unknown): void => {
  ctx.addIssue({ code: 'custom', message: `${message} (got ${describeValue(value)})`, input: value });
};

/** Text on one line with something in it. */
const line = z.string().superRefine((s, ctx) => {
  if (s.trim() === '') fail(ctx, 'must not be empty', s);
  else if (/[\r\n]/.test(s)) fail(ctx, 'must be on a single line', s);
});

/** A heading text: one line that still has letters or digits once normalised like a heading. */
const headingText = line.superRefine((s, ctx) => {
  if (s.trim() !== '' && normalizeHeading(s) === '')
    fail(ctx, 'must contain letters or digits to be matched against headings', s);
});

const sectionId = z.string().superRefine((s, ctx) => {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s)) fail(ctx, 'must be a kebab-case id such as customer-communication', s);
});

/** A section reference: an id or a title. */
const sectionRef = line;

const folder = z
  .string()
  .superRefine((s, ctx) => {
    const t = s.trim();
    if (t === '') fail(ctx, 'must not be empty; use . for the workspace root', s);
    else if (t.includes('\\')) fail(ctx, 'must use forward slashes', s);
    else if (/^(?:\/|~|[A-Za-z]:)/.test(t)) fail(ctx, 'must be relative to the workspace root, not absolute', s);
    else if (t.split('/').includes('..')) fail(ctx, 'must stay inside the workspace (".." is not allowed)', s);
    else if (/[\r\n]/.test(t)) fail(ctx, 'must be on a single line', s);
  })
  .transform(normalizeFolder);

/** A Markdown file relative to the workspace root, e.g. `docs/runbooks/severity-matrix.md`. */
const markdownPath = z
  .string()
  .superRefine((s, ctx) => {
    const t = s.trim();
    if (t === '') fail(ctx, 'must not be empty', s);
    else if (t.includes('\\')) fail(ctx, 'must use forward slashes', s);
    else if (/^(?:\/|~|[A-Za-z]:)/.test(t)) fail(ctx, 'must be relative to the workspace root, not absolute', s);
    else if (t.split('/').includes('..')) fail(ctx, 'must stay inside the workspace (".." is not allowed)', s);
    else if (/[\r\n]/.test(t)) fail(ctx, 'must be on a single line', s);
    else if (!/\.(?:md|markdown)$/i.test(t)) fail(ctx, 'must be a Markdown file ending in .md or .markdown', s);
  })
  .transform(normalizeFolder);

/** A number of hours greater than 0 and at most a year. */
const hours = z.number().superRefine((n, ctx) => {
  if (!(n > 0)) fail(ctx, 'must be a number of hours greater than 0', n);
  else if (n > 24 * 366) fail(ctx, `must be at most ${24 * 366} hours (a year)`, n);
});

const fileName = z.string().superRefine((s, ctx) => {
  if (s.trim() === '') fail(ctx, 'must not be empty', s);
  else if (/[/\\]/.test(s)) fail(ctx, 'must be a file name without folders; put folders in "folder"', s);
  else if (!/\.(?:md|markdown)$/i.test(s)) fail(ctx, 'must end in .md or .markdown', s);
  else if (/[\r\n]/.test(s)) fail(ctx, 'must be on a single line', s);
});

const sectionModification = z
  .strictObject({
    title: headingText.optional(),
    synonyms: z.array(headingText).optional(),
    addSynonyms: z.array(headingText).optional(),
    required: z.boolean().optional(),
  })
  .superRefine((m, ctx) => {
    if (m.synonyms !== undefined && m.addSynonyms !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['addSynonyms'],
        message: 'cannot be used together with synonyms (synonyms replaces the list, addSynonyms extends it)',
      });
    }
  });

const sectionAddition = z
  .strictObject({
    id: sectionId,
    title: headingText,
    synonyms: z.array(headingText).optional(),
    required: z.boolean().optional(),
    after: sectionRef.optional(),
    before: sectionRef.optional(),
  })
  .superRefine((a, ctx) => {
    if (a.after !== undefined && a.before !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['before'], message: 'cannot be used together with after' });
    }
  });

const sections = z.strictObject({
  remove: z.array(sectionRef).optional(),
  modify: z.record(z.string(), sectionModification).optional(),
  add: z.array(sectionAddition).optional(),
});

const documentOverrides = z.strictObject({
  folder: folder.optional(),
  fileName: fileName.optional(),
  sections: sections.optional(),
});

const severityLevel = z
  .strictObject({
    id: z.string().superRefine((s, ctx) => {
      if (!/^\S+$/.test(s)) fail(ctx, 'must be a single word such as SEV1 or P1', s);
    }),
    label: line,
    definition: z.string().optional(),
    responseTime: z.string().optional(),
    updateCadence: z.string().optional(),
    aliases: z.array(line).optional(),
    requiresPostmortem: z.boolean().optional(),
  })
  .transform((s) => ({ ...s, definition: s.definition ?? '' }));

/** Severity ids compare with case and punctuation ignored, as documents do. */
export function normalizeSeverityId(id: string): string {
  return id.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const severities = z
  .array(severityLevel)
  .min(1)
  .superRefine((levels, ctx) => {
    const owner = new Map<string, number>();
    levels.forEach((level, i) => {
      const key = normalizeSeverityId(level.id);
      const first = owner.get(key);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'id'],
          message: `repeats severity ${JSON.stringify(levels[first].id)} of severities[${first}]`,
        });
      } else {
        owner.set(key, i);
      }
    });
    levels.forEach((level, i) => {
      (level.aliases ?? []).forEach((alias, j) => {
        const other = owner.get(normalizeSeverityId(alias));
        if (other !== undefined && other !== i) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'aliases', j],
            message: `is already the id of severities[${other}] (${JSON.stringify(levels[other].id)})`,
          });
        }
      });
    });
  });

const documentsShape = Object.fromEntries(DOCUMENT_KINDS.map((kind) => [kind, documentOverrides.optional()])) as Record<
  DocumentKind,
  z.ZodOptional<typeof documentOverrides>
>;

/**
 * The schema of the whole file. Objects are strict: an unknown key is an `unrecognized_keys`
 * issue, which `parseConfig` reports as a warning (the key is ignored), never as an error.
 * Rule ids and `extends` names are checked by `parseConfig`, section references by `resolveProfile`.
 */
export const configFileSchema = z.strictObject({
  extends: z.string().optional(),
  documents: z.strictObject(documentsShape).optional(),
  severities: severities.optional(),
  actionItems: z
    .strictObject({
      requiredColumns: z.array(line).optional(),
      minimum: z.int().min(0).max(1000).optional(),
      followUpReviewDays: z.int().min(1).max(366).optional(),
    })
    .optional(),
  postmortemDeadlineHours: hours.optional(),
  severityMatrix: markdownPath.optional(),
  rules: z.record(z.string(), z.enum(RULE_LEVELS)).optional(),
  ignores: z.array(line).max(1000).optional(),
}) satisfies z.ZodType<ConfigFile>;

/** `./docs/pm/` → `docs/pm`; `./` → `.`. */
export function normalizeFolder(folder: string): string {
  const parts = folder
    .trim()
    .split('/')
    .filter((p) => p !== '' && p !== '.');
  return parts.length === 0 ? '.' : parts.join('/');
}

/** The keys an object in the schema accepts at `path` (for unknown-key suggestions); empty when not an object. */
export function knownKeysAt(path: readonly (string | number)[]): string[] {
  let node = unwrap(configFileSchema);
  for (const segment of path) {
    const def = node?._zod.def as
      { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; valueType?: z.ZodType } | undefined;
    if (!def) return [];
    if (def.type === 'object' && typeof segment === 'string') node = unwrap(def.shape?.[segment]);
    else if (def.type === 'array') node = unwrap(def.element);
    else if (def.type === 'record') node = unwrap(def.valueType);
    else return [];
  }
  const def = node?._zod.def as { type: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** Looks through optional, default and pipe (transform) wrappers. */
function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let s = schema;
  for (let i = 0; s && i < 10; i++) {
    const def = s._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType)
      s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else break;
  }
  return s;
}
