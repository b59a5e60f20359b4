import * as assert from 'node:assert/strict';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import { ConfigResolutionError, resolveProfile, type ProfileOverrides } from '../../../../src/core/config';

/** A deep-frozen deep copy of harness: any write by resolveProfile would throw (mocha runs in strict mode). */
function frozenHarness(): Profile {
  const freeze = <T>(v: T): T => {
    if (v !== null && typeof v === 'object') {
      Object.values(v).forEach(freeze);
      Object.freeze(v);
    }
    return v;
  };
  return freeze(structuredClone(findProfile('harness') as Profile));
}

const ids = (p: Profile, kind: 'postmortem' | 'runbook' | 'incident' = 'postmortem') =>
  p.documents[kind]!.sections.map((s) => s.id);

describe('resolveProfile', () => {
  it('returns an equal, frozen copy when there is nothing to override', () => {
    const base = frozenHarness();
    const p = resolveProfile(base, {});
    assert.deepEqual(p, base);
    assert.notEqual(p, base);
    assert.notEqual(p.documents.postmortem, base.documents.postmortem);
    assert.ok(Object.isFrozen(p.documents.postmortem!.sections));
  });

  it('leaves the base and the overrides untouched', () => {
    const base = frozenHarness();
    const snapshot = JSON.stringify(base);
    const overrides: ProfileOverrides = {
      documents: {
        postmortem: {
          folder: 'pm',
          sections: {
            remove: ['impact'],
            modify: { summary: { addSynonyms: ['Abstract'] } },
            add: [{ id: 'x', title: 'X' }],
          },
        },
      },
      rules: { PM001: 'off' },
    };
    const overridesSnapshot = JSON.stringify(overrides);
    resolveProfile(base, overrides);
    assert.equal(JSON.stringify(base), snapshot);
    assert.equal(JSON.stringify(overrides), overridesSnapshot);
  });

  it('replaces folder and file name of one kind only', () => {
    const base = frozenHarness();
    const p = resolveProfile(base, { documents: { runbook: { folder: 'ops', fileName: '<service>.md' } } });
    assert.equal(p.documents.runbook!.folder, 'ops');
    assert.equal(p.documents.runbook!.fileName, '<service>.md');
    assert.deepEqual(p.documents.runbook!.sections, base.documents.runbook!.sections);
    assert.deepEqual(p.documents.postmortem, base.documents.postmortem);
  });

  it('removes sections by id or by title, compared like headings', () => {
    const p = resolveProfile(frozenHarness(), {
      documents: { postmortem: { sections: { remove: ['detection', 'contributing factors', '3. Root Cause:'] } } },
    });
    assert.deepEqual(ids(p), ['summary', 'timeline', 'impact', 'mitigation', 'action-items']);
  });

  it('renames, replaces or extends synonyms, and changes required', () => {
    const base = frozenHarness();
    const p = resolveProfile(base, {
      documents: {
        postmortem: {
          sections: {
            modify: {
              'Root Cause': { title: 'Why It Happened', required: false },
              timeline: { synonyms: ['Log'] },
              summary: { addSynonyms: ['Abstract', 'overview'] },
            },
          },
        },
      },
    });
    const [summary, timeline, rootCause] = p.documents.postmortem!.sections;
    assert.deepEqual(rootCause, {
      ...base.documents.postmortem!.sections[2],
      title: 'Why It Happened',
      required: false,
    });
    assert.deepEqual(timeline.synonyms, ['Log']);
    // "overview" is already there as "Overview": not repeated.
    assert.deepEqual(summary.synonyms, [...base.documents.postmortem!.sections[0].synonyms, 'Abstract']);
  });

  it('adds sections at the end, after or before another, required unless said otherwise', () => {
    const p = resolveProfile(frozenHarness(), {
      documents: {
        runbook: {
          sections: {
            add: [
              { id: 'last', title: 'Last' },
              { id: 'first', title: 'First', before: 'symptoms', required: false },
              { id: 'after-first', title: 'After First', after: 'first', synonyms: ['AF'] },
            ],
          },
        },
      },
    });
    assert.deepEqual(ids(p, 'runbook'), [
      'first',
      'after-first',
      'symptoms',
      'diagnosis',
      'mitigation',
      'escalation',
      'verification',
      'last',
    ]);
    const sections = p.documents.runbook!.sections;
    assert.deepEqual(sections[0], { id: 'first', title: 'First', synonyms: [], required: false });
    assert.deepEqual(sections[1], { id: 'after-first', title: 'After First', synonyms: ['AF'], required: true });
  });

  it('replaces severities and action-item fields and merges rule levels', () => {
    const base: Profile = { ...frozenHarness(), rules: { PM001: 'warning', PM004: 'info' } };
    const p = resolveProfile(base, {
      severities: [{ id: 'P1', label: 'Urgent', definition: '' }],
      actionItems: { minimum: 3 },
      rules: { PM004: 'off', RB001: 'error' },
    });
    assert.deepEqual(p.severities, [{ id: 'P1', label: 'Urgent', definition: '' }]);
    assert.deepEqual(p.actionItems, { requiredColumns: base.actionItems.requiredColumns, minimum: 3 });
    assert.deepEqual(p.rules, { PM001: 'warning', PM004: 'off', RB001: 'error' });
  });

  it('adds a kind the base lacks only with folder and file name', () => {
    const lean: Profile = { ...frozenHarness(), documents: { postmortem: frozenHarness().documents.postmortem } };
    const p = resolveProfile(lean, { documents: { incident: { folder: 'live', fileName: 'YYYY-MM-DD-<slug>.md' } } });
    assert.deepEqual(p.documents.incident, { folder: 'live', fileName: 'YYYY-MM-DD-<slug>.md', sections: [] });
    assert.throws(
      () => resolveProfile(lean, { documents: { runbook: { folder: 'ops' } } }),
      (e: unknown) =>
        e instanceof ConfigResolutionError &&
        e.issues.length === 1 &&
        e.issues[0].at === 'key' &&
        e.message ===
          'documents.runbook: profile "harness" has no runbook documents; to add them, give both folder and fileName',
    );
  });

  it('throws one ConfigResolutionError listing every issue with its path', () => {
    try {
      resolveProfile(frozenHarness(), {
        documents: {
          postmortem: {
            sections: {
              remove: ['nope'],
              add: [
                { id: 'summary', title: 'Again' },
                { id: 'tldr', title: 'TL;DR' },
              ],
            },
          },
          runbook: { sections: { modify: { Symptom: { required: false } } } },
        },
      });
      assert.fail('expected a ConfigResolutionError');
    } catch (e) {
      assert.ok(e instanceof ConfigResolutionError);
      assert.deepEqual(
        e.issues.map((i) => [i.path.join('/'), i.at]),
        [
          ['documents/postmortem/sections/remove/0', 'value'],
          ['documents/postmortem/sections/add/0/id', 'value'],
          ['documents/postmortem/sections/add/1/title', 'value'],
          ['documents/runbook/sections/modify/Symptom', 'key'],
        ],
      );
      assert.match(e.message, /^documents\.postmortem\.sections\.remove\[0\]: no section "nope" to refer to; /);
    }
  });
});
