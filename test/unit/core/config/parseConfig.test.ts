import * as assert from 'node:assert/strict';
import { BUILT_IN_PROFILES, DEFAULT_PROFILE_NAME, findProfile, type Profile } from '../../../../src/core/profiles';
import {
  formatConfigProblem,
  MAX_ALIAS_COUNT,
  MAX_CONFIG_BYTES,
  MAX_CONFIG_PROBLEMS,
  parseConfig,
  type ConfigProblem,
  type ParseConfigOptions,
} from '../../../../src/core/config';

const FILE = '.incident-workbench.yaml';
const harness = findProfile('harness') as Profile;

/** A second profile without runbooks or incidents, so tests do not depend on which built-ins exist. */
const lean: Profile = {
  name: 'lean',
  title: 'Lean',
  description: 'Postmortems only.',
  documents: {
    postmortem: {
      folder: 'postmortems',
      fileName: '<slug>.md',
      sections: [
        { id: 'summary', title: 'Summary', synonyms: [], required: true },
        { id: 'root-cause', title: 'Root Cause', synonyms: ['RCA'], required: true },
      ],
    },
  },
  severities: [{ id: 'P1', label: 'High', definition: 'Bad.' }],
  actionItems: { requiredColumns: ['Owner'], minimum: 0 },
  rules: { PM004: 'off' },
};

/** Fixed names, so messages that list them are exact. */
const OPTIONS: ParseConfigOptions = { profiles: [harness, lean], ruleIds: ['PM001', 'PM004', 'RB001'] };

/** `line:col-endLine:endCol severity message`, 1-based, as a user reads it. */
function show(p: ConfigProblem): string {
  const r = p.range;
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${p.severity} ${p.message}`;
}

function problems(text: string, options: ParseConfigOptions = OPTIONS): string[] {
  return parseConfig(text, FILE, options).problems.map(show);
}

function lines(...l: string[]): string {
  return `${l.join('\n')}\n`;
}

describe('parseConfig', () => {
  describe('good files', () => {
    it('reads an empty file, or one with comments only, as the default profile unchanged', () => {
      for (const text of ['', '# nothing yet\n', '\n\n']) {
        const r = parseConfig(text, FILE);
        assert.deepEqual(r.problems, []);
        assert.equal(r.profile?.name, DEFAULT_PROFILE_NAME);
        assert.deepEqual(r.profile, findProfile(DEFAULT_PROFILE_NAME));
        assert.equal(r.fileName, FILE);
      }
    });

    it('extends every built-in profile by name', () => {
      for (const builtIn of BUILT_IN_PROFILES) {
        const r = parseConfig(`extends: ${builtIn.name}\n`, FILE);
        assert.deepEqual(r.problems, [], builtIn.name);
        assert.deepEqual(r.profile, builtIn);
        assert.notEqual(r.profile, builtIn);
      }
    });

    it('extends a profile other than the default', () => {
      const r = parseConfig(lines('extends: lean', 'rules:', '  PM001: warning'), FILE, OPTIONS);
      assert.deepEqual(r.problems, []);
      assert.equal(r.profile?.name, 'lean');
      assert.equal(r.profile?.documents.runbook, undefined);
      assert.deepEqual(r.profile?.rules, { PM004: 'off', PM001: 'warning' });
    });

    it('applies every kind of override', () => {
      const text = lines(
        'extends: harness',
        'documents:',
        '  postmortem:',
        '    folder: ./docs/retros/',
        '    fileName: YYYY-MM-DD-<slug>.markdown',
        '    sections:',
        '      remove: [detection, Contributing Factors]',
        '      modify:',
        '        root-cause: { title: Why It Happened, addSynonyms: [Root Cause], required: false }',
        '        Impact:',
        '          synonyms: [Blast Radius]',
        '      add:',
        '        - id: customer-communication',
        '          title: Customer Communication',
        '          synonyms: [Comms]',
        '          after: impact',
        '        - { id: lessons, title: Lessons Learned, required: false, before: summary }',
        '  runbook:',
        '    folder: ops/runbooks',
        'severities:',
        '  - { id: P1, label: Critical, definition: Down for everyone., aliases: [Sev1], requiresPostmortem: true }',
        '  - { id: P2, label: Major }',
        'actionItems:',
        '  requiredColumns: [Owner, Due Date, Ticket]',
        '  minimum: 2',
        'rules:',
        '  PM004: "off"',
        '  PM001: info',
      );
      const r = parseConfig(text, FILE, OPTIONS);
      assert.deepEqual(r.problems, []);
      const p = r.profile as Profile;
      const pm = p.documents.postmortem!;
      assert.equal(pm.folder, 'docs/retros');
      assert.equal(pm.fileName, 'YYYY-MM-DD-<slug>.markdown');
      assert.deepEqual(
        pm.sections.map((s) => s.id),
        [
          'lessons',
          'summary',
          'timeline',
          'root-cause',
          'impact',
          'customer-communication',
          'mitigation',
          'action-items',
        ],
      );
      const rootCause = pm.sections.find((s) => s.id === 'root-cause')!;
      assert.equal(rootCause.title, 'Why It Happened');
      assert.equal(rootCause.required, false);
      assert.deepEqual(rootCause.synonyms, [...harness.documents.postmortem!.sections[2].synonyms, 'Root Cause']);
      assert.deepEqual(pm.sections.find((s) => s.id === 'impact')!.synonyms, ['Blast Radius']);
      assert.deepEqual(
        pm.sections.find((s) => s.id === 'customer-communication'),
        {
          id: 'customer-communication',
          title: 'Customer Communication',
          synonyms: ['Comms'],
          required: true,
        },
      );
      assert.equal(pm.sections.find((s) => s.id === 'lessons')!.required, false);
      assert.equal(p.documents.runbook!.folder, 'ops/runbooks');
      assert.equal(p.documents.runbook!.fileName, harness.documents.runbook!.fileName);
      assert.deepEqual(p.documents.runbook!.sections, harness.documents.runbook!.sections);
      assert.deepEqual(p.documents.incident, harness.documents.incident);
      assert.deepEqual(p.severities, [
        { id: 'P1', label: 'Critical', definition: 'Down for everyone.', aliases: ['Sev1'], requiresPostmortem: true },
        { id: 'P2', label: 'Major', definition: '' },
      ]);
      assert.deepEqual(p.actionItems, { requiredColumns: ['Owner', 'Due Date', 'Ticket'], minimum: 2 });
      assert.deepEqual(p.rules, { ...harness.rules, PM004: 'off', PM001: 'info' });
      assert.equal(p.name, 'harness');
    });

    it('never mutates the built-in profiles and returns a frozen copy sharing nothing with them', () => {
      const before = JSON.stringify(BUILT_IN_PROFILES);
      const r = parseConfig(
        lines(
          'documents:',
          '  postmortem:',
          '    folder: x',
          '    sections: { remove: [summary], modify: { timeline: { required: false, addSynonyms: [Log] } } }',
          'rules: { PM001: "off" }',
        ),
        FILE,
      );
      assert.deepEqual(r.problems, []);
      assert.equal(JSON.stringify(BUILT_IN_PROFILES), before);
      const p = r.profile!;
      assert.ok(Object.isFrozen(p) && Object.isFrozen(p.documents.postmortem!.sections[0]) && Object.isFrozen(p.rules));
      assert.notEqual(p.documents.runbook, harness.documents.runbook);
      assert.notEqual(p.severities, harness.severities);
      assert.equal(harness.rules.PM001, undefined);
    });

    it('accepts .yml-style anchors kept under top-level x- keys, and aliases that stay within budget', () => {
      const r = parseConfig(
        lines('x-folder: &f shared/docs', 'documents:', '  postmortem: { folder: *f }', '  incident: { folder: *f }'),
        FILE,
        OPTIONS,
      );
      assert.deepEqual(r.problems, []);
      assert.equal(r.profile?.documents.incident?.folder, 'shared/docs');
    });

    it('ignores a byte-order mark, so positions on line 1 match the editor', () => {
      assert.deepEqual(problems('\uFEFFextends: nope\n'), [
        '1:10-1:14 error extends: unknown profile "nope"; built-in profiles are harness, lean',
      ]);
    });
  });

  describe('malformed YAML', () => {
    it('reports a syntax error on its line', () => {
      const out = problems(lines('rules:', '  PM001: [warning', 'extends: harness'));
      assert.equal(out.length, 1);
      assert.match(out[0], /^3:1-3:2 error invalid YAML: /);
    });

    it('reports tabs used as indentation', () => {
      assert.deepEqual(problems('rules:\n\tPM001: info\n'), [
        '2:1-2:2 error invalid YAML: Tabs are not allowed as indentation',
      ]);
    });

    it('reports a duplicate key at its second occurrence', () => {
      assert.deepEqual(problems(lines('rules:', '  PM001: info', '  PM004: info', '  PM001: error')), [
        '4:3-4:8 error duplicate key "PM001"; each key may appear once in a mapping',
      ]);
    });

    it('refuses more than one YAML document', () => {
      assert.deepEqual(problems(lines('extends: harness', '---', 'extends: lean')), [
        '2:1-2:4 error the file must hold a single YAML document (remove the second "---")',
      ]);
    });

    it('reports an alias to an anchor that does not exist', () => {
      assert.deepEqual(problems(lines('documents:', '  postmortem: *missing')), [
        '2:15-2:23 error invalid YAML: alias *missing refers to no anchor &missing defined before it',
      ]);
    });

    it('reports an unknown tag as a warning', () => {
      const r = parseConfig('x-note: !secret hello\n', FILE, OPTIONS);
      assert.deepEqual(r.problems.map(show), ['1:9-1:16 warning YAML: Unresolved tag: !secret']);
      assert.ok(r.profile);
    });
  });

  describe('a file that is not a mapping', () => {
    it('refuses a list', () => {
      assert.deepEqual(problems(lines('- extends: harness', '- rules: {}')), [
        '1:1-1:19 error the configuration must be a mapping of keys such as extends, documents and rules (got a list)',
      ]);
    });

    it('refuses a scalar', () => {
      assert.deepEqual(problems('harness\n'), [
        '1:1-1:8 error the configuration must be a mapping of keys such as extends, documents and rules (got "harness")',
      ]);
    });
  });

  describe('wrong values', () => {
    it('names the key and the allowed levels for a bad rule level', () => {
      const r = parseConfig(lines('rules:', '  PM004: loud'), FILE, OPTIONS);
      assert.deepEqual(r.problems.map(show), [
        '2:10-2:14 error rules.PM004: must be one of off, info, warning, error (got "loud")',
      ]);
      assert.equal(r.profile, undefined);
    });

    it('reports wrong types at the value, with a hint for numbers where text is expected', () => {
      assert.deepEqual(
        problems(
          lines(
            'extends: [harness]',
            'documents:',
            '  postmortem:',
            '    folder: 2026',
            '    fileName:',
            '    sections:',
            '      modify:',
            '        summary: { required: yes }',
            'actionItems:',
            '  requiredColumns: Owner',
            '  minimum: 1.5',
            'severities: { P1: Critical }',
          ),
        ),
        [
          '1:10-1:19 error extends: must be text (got a list)',
          '4:13-4:17 error documents.postmortem.folder: must be text (got the number 2026; put it in quotes to use it as text)',
          '5:5-5:13 error documents.postmortem.fileName: must be text (got an empty value)',
          '8:30-8:33 error documents.postmortem.sections.modify.summary.required: must be true or false (got "yes")',
          '10:20-10:25 error actionItems.requiredColumns: must be a list (got "Owner")',
          '11:12-11:15 error actionItems.minimum: must be a whole number (got the number 1.5)',
          '12:13-12:29 error severities: must be a list (got a mapping)',
        ],
      );
    });

    it('reports a block mapping of the wrong type at its key, on one line', () => {
      assert.deepEqual(problems(lines('rules:', '  - PM001', '  - PM004')), [
        '1:1-1:6 error rules: must be a mapping (key: value lines) (got a list)',
      ]);
    });

    it('reports a missing required key at the list item that lacks it', () => {
      assert.deepEqual(problems(lines('severities:', '  - id: P1', '    label: Critical', '  - id: P2')), [
        '4:5-4:11 error severities[1].label: is required',
      ]);
    });

    it('checks paths, file names, ids and numbers', () => {
      assert.deepEqual(
        problems(
          lines(
            'documents:',
            '  postmortem: { folder: ../outside, fileName: docs/x.md }',
            '  runbook: { folder: /etc, fileName: runbook.txt }',
            '  incident: { folder: "a\\\\b", sections: { add: [{ id: Bad Id, title: "🔥" }] } }',
            'actionItems: { minimum: -1 }',
            'severities: []',
          ),
        ),
        [
          '2:25-2:35 error documents.postmortem.folder: must stay inside the workspace (".." is not allowed) (got "../outside")',
          '2:47-2:56 error documents.postmortem.fileName: must be a file name without folders; put folders in "folder" (got "docs/x.md")',
          '3:22-3:26 error documents.runbook.folder: must be relative to the workspace root, not absolute (got "/etc")',
          '3:38-3:49 error documents.runbook.fileName: must end in .md or .markdown (got "runbook.txt")',
          '4:23-4:29 error documents.incident.folder: must use forward slashes (got "a\\\\b")',
          '4:55-4:61 error documents.incident.sections.add[0].id: must be a kebab-case id such as customer-communication (got "Bad Id")',
          '4:70-4:74 error documents.incident.sections.add[0].title: must contain letters or digits to be matched against headings (got "🔥")',
          '5:25-5:27 error actionItems.minimum: must be at least 0 (got the number -1)',
          '6:13-6:15 error severities: must list at least 1 item',
        ],
      );
    });

    it("refuses repeated severity ids and aliases that are another level's id", () => {
      assert.deepEqual(
        problems(
          lines(
            'severities:',
            '  - { id: SEV1, label: Critical }',
            '  - { id: sev-1, label: Also critical }',
            '  - { id: SEV3, label: Minor, aliases: [Sev 1] }',
          ),
        ),
        [
          '3:11-3:16 error severities[1].id: repeats severity "SEV1" of severities[0]',
          '4:41-4:46 error severities[2].aliases[0]: is already the id of severities[0] ("SEV1")',
        ],
      );
    });

    it('refuses options that contradict each other', () => {
      assert.deepEqual(
        problems(
          lines(
            'documents:',
            '  postmortem:',
            '    sections:',
            '      modify:',
            '        summary: { synonyms: [Overview], addSynonyms: [TL;DR] }',
            '      add:',
            '        - { id: x, title: X, after: summary, before: timeline }',
          ),
        ),
        [
          '5:55-5:62 error documents.postmortem.sections.modify.summary.addSynonyms: cannot be used together with synonyms (synonyms replaces the list, addSynonyms extends it)',
          '7:54-7:62 error documents.postmortem.sections.add[0].before: cannot be used together with after',
        ],
      );
    });

    it('reports a bad value reached through an alias at the alias', () => {
      assert.deepEqual(problems(lines('x-base: &base { folder: 12 }', 'documents:', '  postmortem: *base')), [
        '3:15-3:20 error documents.postmortem.folder: must be text (got the number 12; put it in quotes to use it as text)',
      ]);
    });
  });

  describe('unknown names', () => {
    it('warns about unknown keys at the key, suggests the closest, and still applies the file', () => {
      const r = parseConfig(
        lines(
          'extend: lean',
          'documents:',
          '  postmortems:',
          '    folder: x',
          '  runbook:',
          '    folders: ops',
          '    fileName: "<service>.md"',
        ),
        FILE,
        OPTIONS,
      );
      assert.deepEqual(r.problems.map(show), [
        '1:1-1:7 warning extend: unknown key, ignored (did you mean "extends"?)',
        '3:3-3:14 warning documents.postmortems: unknown key, ignored (did you mean "postmortem"?)',
        '6:5-6:12 warning documents.runbook.folders: unknown key, ignored (did you mean "folder"?)',
      ]);
      assert.equal(r.profile?.name, 'harness');
      assert.equal(r.profile?.documents.postmortem?.folder, harness.documents.postmortem?.folder);
      assert.equal(r.profile?.documents.runbook?.fileName, '<service>.md');
    });

    it('lists the known keys when nothing is close', () => {
      assert.deepEqual(problems('colour: red\n'), [
        '1:1-1:7 warning colour: unknown key, ignored (expected one of extends, documents, severities, actionItems, postmortemDeadlineHours, severityMatrix, rules, ignores)',
      ]);
    });

    it('warns about unknown rule ids and drops them, and takes an id in any case as the rule', () => {
      const r = parseConfig(
        lines('rules:', '  pm004: "off"', '  XX999: error', '  PM001: info', '  PM00: warning'),
        FILE,
        OPTIONS,
      );
      assert.deepEqual(r.problems.map(show), [
        '3:3-3:8 warning rules.XX999: unknown rule id, ignored (expected one of PM001, PM004, RB001)',
        '5:3-5:7 warning rules.PM00: unknown rule id, ignored (did you mean "PM001"?)',
      ]);
      assert.deepEqual(r.profile?.rules, { ...harness.rules, PM004: 'off', PM001: 'info' });
    });

    it("takes a rule's name wherever its id is accepted (budget-without-p0 is PM015), the id winning when both are given", () => {
      const r = parseConfig(
        lines('rules:', '  budget-without-p0: "off"', '  action-item-owner: info', '  PM004: warning'),
        FILE,
      );
      assert.deepEqual(r.problems, []);
      assert.equal(r.profile?.rules.PM015, 'off');
      assert.equal(r.profile?.rules.PM004, 'warning');
      assert.equal((r.profile?.rules as Record<string, string>)['budget-without-p0'], undefined);
    });

    it('knows the real rule ids by default', () => {
      const r = parseConfig(lines('rules:', '  PM001: warning', '  NOPE1: error'), FILE);
      assert.equal(r.problems.length, 1);
      assert.match(show(r.problems[0]), /^3:3-3:8 warning rules\.NOPE1: unknown rule id, ignored/);
      assert.equal(r.profile?.rules.PM001, 'warning');
    });

    it('refuses an unknown profile in extends, listing the built-in names', () => {
      const r = parseConfig('extends: harnes\n', FILE, OPTIONS);
      assert.deepEqual(r.problems.map(show), [
        '1:10-1:16 error extends: unknown profile "harnes" (did you mean "harness"?); built-in profiles are harness, lean',
      ]);
      assert.equal(r.profile, undefined);
      const real = parseConfig('extends: nothing-like-it\n', FILE).problems[0].message;
      assert.equal(
        real,
        `extends: unknown profile "nothing-like-it"; built-in profiles are ${BUILT_IN_PROFILES.map((p) => p.name).join(', ')}`,
      );
    });

    it('asks for extends when the default profile is not among the profiles given', () => {
      assert.deepEqual(problems('rules: {}\n', { profiles: [lean] }), [
        '1:1-1:10 error extends: is required here, since there is no profile "harness" to start from; profiles are lean',
      ]);
    });

    it('refuses a file path in extends: only built-in names are allowed', () => {
      assert.deepEqual(problems('extends: ../shared/.incident-workbench.yaml\n'), [
        '1:10-1:44 error extends: must name a built-in profile, not a file (got "../shared/.incident-workbench.yaml"); built-in profiles are harness, lean',
      ]);
    });
  });

  describe('overrides that do not fit the base profile', () => {
    it('locates references to sections that do not exist, repeated ids and ambiguous headings', () => {
      const r = parseConfig(
        lines(
          'documents:',
          '  postmortem:',
          '    sections:',
          '      remove: [detection, Lessons, Detection]',
          '      modify:',
          '        Root Cause:',
          '          synonyms: [Summary]',
          '        root-cause: { required: false }',
          '        zzz: { required: false }',
          '      add:',
          '        - { id: timeline, title: Timeline Two }',
          '        - { id: comms, title: Comms, after: nowhere }',
          '        - { id: overview, title: Overview }',
        ),
        FILE,
        OPTIONS,
      );
      const sections =
        'summary (Summary), timeline (Timeline), root-cause (Root Cause), contributing-factors (Contributing Factors), impact (Impact), mitigation (Mitigation), action-items (Action Items)';
      assert.deepEqual(r.problems.map(show), [
        `4:27-4:34 error documents.postmortem.sections.remove[1]: no section "Lessons" to refer to; postmortem sections are ${sections}`,
        '4:36-4:45 error documents.postmortem.sections.remove[2]: section "Detection" is removed by sections.remove',
        '7:22-7:29 error documents.postmortem.sections.modify["Root Cause"].synonyms[0]: "Summary" already names section summary (Summary); a heading must identify one section',
        '8:9-8:19 error documents.postmortem.sections.modify.root-cause: section "root-cause" is already modified under "Root Cause"',
        `9:9-9:12 error documents.postmortem.sections.modify.zzz: no section "zzz" to refer to; postmortem sections are ${sections}`,
        '11:17-11:25 error documents.postmortem.sections.add[0].id: section "timeline" already exists in postmortem; change it under sections.modify instead',
        `12:45-12:52 error documents.postmortem.sections.add[1].after: no section "nowhere" to refer to; postmortem sections are ${sections}`,
        '13:34-13:42 error documents.postmortem.sections.add[2].title: "Overview" already names section summary (Summary); a heading must identify one section',
      ]);
      assert.equal(r.profile, undefined);
    });

    it('needs folder and fileName to add a kind the base profile lacks', () => {
      assert.deepEqual(problems(lines('extends: lean', 'documents:', '  runbook:', '    folder: runbooks')), [
        '3:3-3:10 error documents.runbook: profile "lean" has no runbook documents; to add them, give both folder and fileName',
      ]);
      const r = parseConfig(
        lines(
          'extends: lean',
          'documents:',
          '  runbook:',
          '    folder: runbooks',
          '    fileName: <service>.md',
          '    sections:',
          '      add: [{ id: steps, title: Steps }]',
        ),
        FILE,
        OPTIONS,
      );
      assert.deepEqual(r.problems, []);
      assert.deepEqual(r.profile?.documents.runbook, {
        folder: 'runbooks',
        fileName: '<service>.md',
        sections: [{ id: 'steps', title: 'Steps', synonyms: [], required: true }],
      });
    });
  });

  describe('hostile files', () => {
    it(`refuses a file over ${MAX_CONFIG_BYTES / 1024} KiB, counting UTF-8 bytes`, () => {
      const expected = [
        '1:1-1:1 error the file is larger than 256 KiB, the limit for a configuration file; nothing in it was applied',
      ];
      assert.deepEqual(problems(`x-pad: "${'a'.repeat(MAX_CONFIG_BYTES)}"\n`), expected);
      assert.deepEqual(problems(`x-pad: "${'é'.repeat(MAX_CONFIG_BYTES / 2)}"\n`), expected);
      const justFits = `x-pad: "${'a'.repeat(MAX_CONFIG_BYTES - 10)}"\n`;
      assert.equal(Buffer.byteLength(justFits), MAX_CONFIG_BYTES);
      assert.deepEqual(problems(justFits), []);
    });

    it(`refuses an alias bomb (more than ${MAX_ALIAS_COUNT} expansions) at the first alias`, () => {
      const l = ['x-a: &a [x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i < 9; i++) {
        const prev = String.fromCharCode(96 + i);
        const cur = String.fromCharCode(97 + i);
        l.push(`x-${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(', ')}]`);
      }
      const started = Date.now();
      assert.deepEqual(problems(lines(...l)), [
        '2:10-2:12 error the file expands YAML aliases (*name) too many times (more than 100); nothing in it was applied',
      ]);
      assert.ok(Date.now() - started < 2000);
    });

    it('reports nesting too deep for the parser instead of crashing', () => {
      const started = Date.now();
      const r = parseConfig(`x-deep: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`, FILE, OPTIONS);
      assert.equal(r.profile, undefined);
      assert.match(show(r.problems[0]), /^1:\d+-1:\d+ error invalid YAML: nested too deeply$/);
      assert.ok(Date.now() - started < 10_000);
    });

    it(`shows at most ${MAX_CONFIG_PROBLEMS} problems and counts the rest`, () => {
      const r = parseConfig(
        `rules:\n${Array.from({ length: 150 }, (_, i) => `  PM001x${i}: loud`).join('\n')}\n`,
        FILE,
        OPTIONS,
      );
      assert.equal(r.problems.length, MAX_CONFIG_PROBLEMS + 1);
      assert.equal(r.problems[MAX_CONFIG_PROBLEMS].message, '200 more problems not shown');
      assert.equal(r.profile, undefined);
    });

    it('treats __proto__ as an ordinary unknown key', () => {
      const r = parseConfig(lines('__proto__: { polluted: true }', 'rules: { __proto__: "off" }'), FILE, OPTIONS);
      assert.deepEqual(r.problems.map(show), [
        '1:1-1:10 warning __proto__: unknown key, ignored (expected one of extends, documents, severities, actionItems, postmortemDeadlineHours, severityMatrix, rules, ignores)',
        '2:10-2:19 warning rules.__proto__: unknown rule id, ignored (expected one of PM001, PM004, RB001)',
      ]);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.deepEqual(Object.keys(r.profile!.rules), Object.keys(harness.rules));
    });
  });

  it('formats a problem as path:line:column: severity: message for the CLI', () => {
    const [p] = parseConfig(lines('rules:', '  PM004: loud'), FILE, OPTIONS).problems;
    assert.equal(
      formatConfigProblem('repo/.incident-workbench.yaml', p),
      'repo/.incident-workbench.yaml:2:10: error: rules.PM004: must be one of off, info, warning, error (got "loud")',
    );
  });
});
