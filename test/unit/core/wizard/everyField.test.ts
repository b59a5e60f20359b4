// Every text the wizard asks for lands in the postmortem it writes: the fields are read from the draft's own zod schema,
// so a field added to the protocol without a place in the output fails here.
import * as assert from 'node:assert/strict';
import * as z from 'zod';
import { BUILT_IN_PROFILES, type Profile } from '../../../../src/core/profiles';
import { renderWizardPostmortem, wizardOtherSections } from '../../../../src/core/wizard';
import { emptyDraft, wizardDraftSchema, type WizardDraft } from '../../../../src/webview/protocol';
import { fullDraft } from './drafts';

/** One step of a path into the draft: a key, an array index, or "each key of a record". */
type Step = string | number | typeof RECORD_KEY;
const RECORD_KEY = Symbol('each key of the record');

/** A string field of the schema: where it is, its name as the report shows it (`document.runbooks[].service`), its schema. */
interface StringField {
  readonly path: readonly Step[];
  readonly name: string;
  readonly schema: z.ZodType;
}

/** What a zod 4 schema says about itself, as far as the walk needs. */
interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly element?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly values?: readonly unknown[];
  readonly entries?: Record<string, unknown>;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { def: Def }).def;

/** Schema kinds that hold no free text: a value picked from a list, a flag, a number. */
const NOT_TEXT = new Set(['enum', 'literal', 'boolean', 'number', 'int', 'bigint', 'null', 'undefined']);

/**
 * Every string field of `schema` (objects, arrays, records, optionals and defaults walked into).
 * Enums, literals, booleans and numbers are left out by their type; a union is text when
 * one of its options is.
 */
function stringFields(schema: z.ZodType, path: readonly Step[] = []): StringField[] {
  const def = defOf(schema);
  const name = path
    .map((s) => (typeof s === 'number' ? '[]' : s === RECORD_KEY ? '.<section id>' : `.${s}`))
    .join('')
    .replace(/^\./, '');
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape ?? (schema as unknown as { shape: Record<string, z.ZodType> }).shape).flatMap(
        ([key, value]) => stringFields(value, [...path, key]),
      );
    case 'array':
      return stringFields(def.element as z.ZodType, [...path, 0]);
    case 'record':
      return stringFields(def.valueType as z.ZodType, [...path, RECORD_KEY]);
    case 'optional':
    case 'default':
    case 'nullable':
      return stringFields(def.innerType as z.ZodType, path);
    case 'string':
      return [{ path, name, schema }];
    case 'union':
      return (def.options ?? []).some((o) => stringFields(o).length > 0) ? [{ path, name, schema }] : [];
    default:
      if (NOT_TEXT.has(def.type)) return [];
      throw new Error(
        `The walk does not know zod's "${def.type}" (at ${name}): teach it, so no field is skipped unseen.`,
      );
  }
}

/** A valid value of `schema` with nothing typed: empty strings and lists, the first choice of an enum. */
function sample(schema: z.ZodType): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(def.shape ?? {})
          .map(([k, v]) => [k, sample(v)])
          .filter(([, v]) => v !== undefined),
      );
    case 'array':
      return [];
    case 'record':
      return {};
    case 'optional':
      return undefined;
    case 'default':
    case 'nullable':
      return sample(def.innerType as z.ZodType);
    case 'string':
      return '';
    case 'union':
      return sample((def.options ?? [])[0]);
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'literal':
      return (def.values ?? [])[0];
    case 'boolean':
      return false;
    default:
      return 0;
  }
}

/**
 * A value of a unique token the field accepts: a word for free text, a number for a share,
 * hex digits for a commit hash. Undefined when the field takes none of them (dates and times,
 * whose format allows no typed words): those are left out by their type.
 */
function tokenFor(field: StringField, n: number): string | undefined {
  const hex = n.toString(16).padStart(2, '0');
  const candidates = [`Tok${n}Qz`, `7.${100 + n}`, `c0ffee${hex}`];
  return candidates.find((c) => field.schema.safeParse(c).success);
}

/** `draft` with `value` at `path`; list entries missing on the way are added as empty valid entries of the schema. */
function withValue(
  draft: WizardDraft,
  schema: z.ZodType,
  path: readonly Step[],
  key: string | undefined,
  value: string,
): WizardDraft {
  const copy = structuredClone(draft) as unknown as Record<string, unknown>;
  let target: Record<string | number, unknown> = copy;
  let current = schema;
  for (let i = 0; i < path.length; i++) {
    const step = path[i] === RECORD_KEY ? (key as string) : (path[i] as string | number);
    const def = defOf(current);
    const inner = (s: z.ZodType): z.ZodType =>
      ['optional', 'default', 'nullable'].includes(defOf(s).type) ? inner(defOf(s).innerType as z.ZodType) : s;
    const childSchema = inner(
      def.type === 'object'
        ? (def.shape as Record<string, z.ZodType>)[step as string]
        : def.type === 'array'
          ? (def.element as z.ZodType)
          : (def.valueType as z.ZodType),
    );
    if (i === path.length - 1) {
      target[step] = value;
    } else {
      if (target[step] === undefined) target[step] = sample(childSchema);
      target = target[step] as Record<string | number, unknown>;
    }
    current = childSchema;
  }
  return copy as unknown as WizardDraft;
}

/**
 * Fields that need something else set for their text to be read, each with the reason. A
 * field is never left out by name: it is tested with the adjustment.
 */
const ADJUSTMENTS: Readonly<
  Record<string, { readonly reason: string; readonly adjust: (draft: WizardDraft) => void }>
> = {
  'document.runbooks[].path': {
    reason:
      'the path is that of an existing runbook, read only when the choice updates it (a created runbook gets the path of the profile pattern)',
    adjust: (draft) => {
      draft.document.runbooks[0].action = 'update';
    },
  },
};

const context = {
  date: '2026-03-16',
  author: 'Git Author',
  commits: [
    { shortHash: 'a1b2c3d', date: '2026-03-15T14:02:00Z', subject: 'Lower the checkout pool size', author: 'Sam Lee' },
  ],
};

/** Each string field of `schema` (record keys: the profile's other sections) with the token typed into it, and whether the postmortem holds it. */
function check(
  schema: z.ZodType,
  profile: Profile,
  base: WizardDraft,
): Array<{ name: string; field: string; token: string; found: boolean; valid: boolean }> {
  const sectionIds = wizardOtherSections(profile).map((s) => s.id);
  const results: Array<{ name: string; field: string; token: string; found: boolean; valid: boolean }> = [];
  let n = 0;
  for (const field of stringFields(schema)) {
    const keys = field.path.includes(RECORD_KEY) ? sectionIds : [undefined];
    const token = tokenFor(field, n++);
    if (token === undefined) continue;
    for (const key of keys) {
      const draft = withValue(base, schema, field.path, key, token);
      ADJUSTMENTS[field.name]?.adjust(draft);
      const markdown = renderWizardPostmortem(profile, draft, context);
      results.push({
        name: field.name,
        field: key ? field.name.replace('<section id>', key) : field.name,
        token,
        found: markdown.includes(token),
        valid: schema.safeParse(draft).success,
      });
    }
  }
  return results;
}

describe('every field the wizard asks for lands in the postmortem', () => {
  const fields = stringFields(wizardDraftSchema);

  it("finds the draft's text fields in its schema, lists, records and nested objects included, and leaves dates and choices out by type", () => {
    const names = fields.map((f) => f.name);
    for (const expected of [
      'assess.title',
      'assess.whatChanged',
      'assess.affectedPercent',
      'investigate.whys[]',
      'investigate.suspectedCommits[]',
      'document.otherSections.<section id>',
      'document.runbooks[].failureMode',
      'improve.actionItems[].owner',
    ]) {
      assert.ok(names.includes(expected), expected);
    }
    const tested = fields.filter((f, i) => tokenFor(f, i) !== undefined).map((f) => f.name);
    // Left out by type: dates and times take no words, the severity answers are yes/no, priorities, types and actions are choices.
    assert.deepEqual(
      names.filter((n) => !tested.includes(n)),
      [
        'assess.changedAt',
        'assess.started',
        'assess.detected',
        'assess.mitigated',
        'assess.resolved',
        'improve.actionItems[].due',
      ],
    );
    for (const choice of [
      'assess.severityAnswers[]',
      'improve.actionItems[].priority',
      'improve.actionItems[].type',
      'document.runbooks[].action',
      'version',
      'phase',
    ]) {
      assert.ok(!names.includes(choice), choice);
    }
    for (const name of Object.keys(ADJUSTMENTS))
      assert.ok(names.includes(name), `${name} is still a field of the draft`);
  });

  for (const profile of BUILT_IN_PROFILES) {
    for (const [baseName, base] of [
      ['a fully filled draft', () => fullDraft(profile)],
      ['an otherwise empty draft', () => emptyDraft()],
    ] as const) {
      it(`under the ${profile.name} profile, in ${baseName}, writes a token typed into any one text field`, () => {
        const results = check(wizardDraftSchema, profile, base());
        // Every field taking text was tried (the other sections only where the profile asks for some).
        const expected = fields
          .filter(
            (f, i) =>
              tokenFor(f, i) !== undefined && (!f.path.includes(RECORD_KEY) || wizardOtherSections(profile).length > 0),
          )
          .map((f) => f.name);
        assert.deepEqual([...new Set(results.map((r) => r.name))], expected);
        assert.deepEqual(
          results.filter((r) => !r.valid).map((r) => r.field),
          [],
          'each token is a valid value of its field',
        );
        assert.deepEqual(
          results.filter((r) => !r.found).map((r) => `${r.field} (${r.token})`),
          [],
        );
      });
    }
  }

  it("writes every token under a profile of the user's with only an Impact and a Timeline section, under headings of their own where needed", () => {
    const harness = BUILT_IN_PROFILES[0];
    const postmortem = harness.documents.postmortem as NonNullable<Profile['documents']['postmortem']>;
    const sparse: Profile = {
      ...harness,
      documents: {
        ...harness.documents,
        postmortem: {
          ...postmortem,
          sections: postmortem.sections.filter((s) => ['impact', 'timeline'].includes(s.id)),
        },
      },
    };
    for (const base of [fullDraft(harness), emptyDraft()]) {
      assert.deepEqual(
        check(wizardDraftSchema, sparse, base)
          .filter((r) => !r.found)
          .map((r) => `${r.field} (${r.token})`),
        [],
      );
    }
  });

  it('fails for a text field added to the protocol without a place in the postmortem', () => {
    const assessSchema = wizardDraftSchema.shape.assess.extend({ customerQuote: z.string().max(500) });
    const extended = wizardDraftSchema.extend({ assess: assessSchema });
    const results = check(extended, BUILT_IN_PROFILES[0], fullDraft(BUILT_IN_PROFILES[0]));
    assert.deepEqual(
      results.filter((r) => !r.found).map((r) => r.field),
      ['assess.customerQuote'],
    );
  });
});
