import * as assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { configFileSchema, configJsonSchema } from '../../../../src/core/config';

const examples: Array<[string, string]> = [
  ['the smallest file', 'extends: harness'],
  [
    'folder and rule overrides',
    'extends: agent\ndocuments:\n  postmortem:\n    folder: docs/retros\nrules:\n  PM013: "off"\n  PM004: warning',
  ],
  [
    'section changes',
    'documents:\n  postmortem:\n    sections:\n      remove: [detection]\n      add:\n        - { id: customer-comms, title: Customer Communication }',
  ],
  ['action items', 'actionItems:\n  requiredColumns: [Owner, Due Date]\n  minimum: 2'],
  ['a severity scale', 'severities:\n  - { id: P1, label: Critical, definition: Everything is down. }'],
  ['an unknown profile', 'extends: nope'],
  ['a rule level that does not exist', 'rules:\n  PM004: loud'],
  ['a negative minimum', 'actionItems:\n  minimum: -1'],
  ['a list instead of a mapping', '- extends: harness'],
  ['a number where text belongs', 'documents:\n  postmortem:\n    folder: 42'],
  ['an unknown top-level key', 'extend: harness'],
];

describe('the configuration JSON Schema', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(configJsonSchema());

  for (const [name, yaml] of examples) {
    it(`agrees with the zod schema on ${name}`, () => {
      const data = parse(yaml);
      const zodOk = configFileSchema.safeParse(data).success;
      // Profile names are checked after parsing by zod's caller, and in the schema by an enum.
      const expected = name === 'an unknown profile' ? false : zodOk;
      assert.equal(validate(data), expected, JSON.stringify(validate.errors));
    });
  }

  it('offers the built-in profile names for extends', () => {
    const extendsProperty = (configJsonSchema().properties as Record<string, { enum?: string[] }>).extends;
    assert.deepEqual(extendsProperty.enum, [
      'harness',
      'agent',
      'prodcraft',
      'saas',
      'heaptrace',
      'google-sre',
      'pagerduty',
    ]);
  });
});
