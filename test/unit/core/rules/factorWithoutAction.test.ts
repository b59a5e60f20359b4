import * as assert from 'node:assert/strict';
import { lintText } from '../../../../src/core/lint/lint';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import { parseMarkdown } from '../../../../src/core/markdown/model';
import { pairFactorsWithActions, significantStems } from '../../../../src/core/rules/factorWithoutAction';
import { CLEAN_POSTMORTEM, replaceSection } from '../../../fixtures/documents';

const harness = findProfile('harness') as Profile;

/** The PM007 findings as `line severity message` (1-based lines). */
function pm007(text: string, profile: Profile = harness): string[] {
  return lintText(text, 'postmortem', profile)
    .findings.filter((f) => f.ruleId === 'PM007')
    .map((f) => `${f.range.start.line + 1} ${f.severity} ${f.message}`);
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

function withSections(factors: readonly string[], actions: readonly string[]): string {
  const rows = actions.map((a, i) => `| ${i + 1} | ${a} | @team | P1 | 2026-03-29 | Open |`);
  const text = replaceSection(
    CLEAN_POSTMORTEM,
    'Contributing Factors',
    `## Contributing Factors\n${factors.map((f) => `- ${f}`).join('\n')}\n\n`,
  );
  return replaceSection(
    text,
    'Action Items',
    `## Action Items\n| # | Action | Owner | Priority | Due Date | Status |\n|---|---|---|---|---|---|\n${rows.join('\n')}\n`,
  );
}

describe('PM007 pairs contributing factors with action items', () => {
  it('is an error under harness, whose gate asks for an action item per contributing factor, and a warning elsewhere', () => {
    const text = withSections(
      ['The cache had no expiry', 'Deploys skipped the canary stage'],
      ['Set a TTL on the cache'],
    );
    assert.match(pm007(text)[0], /^\d+ error /);
    assert.match(pm007(text, findProfile('saas') as Profile)[0] ?? '', /^$|^\d+ warning /);
  });

  it('reports two factors when three share words with a single action item (one item counts for one factor)', () => {
    const text = withSections(
      [
        'The preferences query had no performance test',
        'The preferences table had no index',
        'No circuit breaker on the preferences call',
      ],
      ['Add an index on the preferences table and a performance test for the preferences query'],
    );
    const found = pm007(text);
    assert.equal(found.length, 2);
    assert.match(
      found[0],
      new RegExp(
        `^${lineOf(text, 'had no index')} error Contributing factor "The preferences table had no index" has no action item of its own: "Add an index on the preferences table and a per..." addresses factor 1 \\("The preferences query had no performa..."\\), and one item counts for one factor \\(3 contributing factors, 1 action item\\); add one that names it \\(or refers to it as CF2\\)\\.$`,
      ),
    );
    assert.match(
      found[1],
      /^\d+ error Contributing factor "No circuit breaker on the preferences call" has no action item of its own: .* \(3 contributing factors, 1 action item\); add one that names it \(or refers to it as CF3\)\.$/,
    );
  });

  it('leaves out the factor that shares the fewest words, whatever the order', () => {
    const text = withSections(
      ['Alerts went to an unused channel', 'The disk filled up because log rotation was off'],
      ['Turn on log rotation so the disk never fills', 'Add a disk usage alert'],
    );
    // Both factors pair: "alert" with the second item, "disk ... rotation" with the first.
    assert.deepEqual(pm007(text), []);
    const crowded = withSections(
      ['The disk filled up because log rotation was off', 'Disk usage had no alert'],
      ['Turn on log rotation so the disk never fills'],
    );
    const found = pm007(crowded);
    assert.equal(found.length, 1);
    assert.match(found[0], /"Disk usage had no alert" has no action item of its own/);
  });

  it('pairs by reference: one item naming CF1 and CF2 addresses both, and names no other factor', () => {
    const text = withSections(
      ['Alerts went to an unused channel', 'Nobody owned the pager rota', 'The runbook was out of date'],
      ['Route alerts and staff the pager (CF1, CF2)', 'Rewrite the runbook for the billing service'],
    );
    assert.deepEqual(pm007(text), []);
    const pairing = pairFactorsWithActions({ doc: parseMarkdown(text), kind: 'postmortem', profile: harness }) ?? [];
    assert.deepEqual(
      pairing.map((p) => [p.number, p.by]),
      [
        [1, 'reference'],
        [2, 'reference'],
        [3, 'meaning'],
      ],
    );
  });

  it('still reports a factor that shares no word with any action item', () => {
    const text = withSections(
      ['The cache had no expiry', 'Deploys skipped the canary stage'],
      ['Set a TTL on the cache', 'Write a runbook for the billing service'],
    );
    assert.deepEqual(pm007(text), [
      `${lineOf(text, 'Deploys skipped')} error Contributing factor "Deploys skipped the canary stage" has no action item that addresses it; add one that names it (or refers to it as CF2).`,
    ]);
  });

  it('accepts the harness seed narrative: three factors (performance test, index, circuit breaker), four action items', () => {
    // The facts of seed 000's latency example, written anew: each factor has an item of its own.
    const text = withSections(
      [
        'The preferences endpoint had no query performance test',
        'The preferences.user_id column had no database index',
        'No circuit breaker sat between the gateway and the user service',
      ],
      [
        '[P0] Index preferences.user_id',
        'Assert query execution time in the integration tests',
        'Put a circuit breaker between the gateway and the user service',
        'Monitor query performance of the user service in Datadog',
      ],
    );
    assert.deepEqual(pm007(text), []);
    const pairing = pairFactorsWithActions({ doc: parseMarkdown(text), kind: 'postmortem', profile: harness }) ?? [];
    assert.deepEqual(
      pairing.map((p) => p.action?.action),
      [
        'Assert query execution time in the integration tests',
        '[P0] Index preferences.user_id',
        'Put a circuit breaker between the gateway and the user service',
      ],
    );
  });

  it('reads the words of a text the same whether or not it holds a character outside printable ASCII', () => {
    const ascii = [...significantStems('Caching: the indexes were REBUILT twice (cache-warming, 2024 runs)')];
    assert.deepEqual(ascii, ['cach', 'index', 'rebuilt', 'twice', 'cache', 'warm', 'run'], 'printable ASCII');
    // A character outside printable ASCII late in the text sends the whole text to the Unicode split: its words are kept whole.
    assert.deepEqual(
      [...significantStems('Caching: the indexes were rebuilt — résumé données')],
      ['cach', 'index', 'rebuilt', 'résumé', 'donné'],
    );
  });

  it('pairs a factor with the one item that shares its stems, every time the same document is linted again', () => {
    const text = withSections(['Cache eviction storms under load'], ['Limit cache eviction rate']);
    for (let round = 0; round < 3; round++) assert.deepEqual(pm007(text), []);
    const other = withSections(
      ['Cache eviction storms under load', 'Stale certificates on the proxy'],
      ['Limit cache eviction rate'],
    );
    for (let round = 0; round < 3; round++) assert.equal(pm007(other).length, 1);
  });
});
