import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import {
  actionItemDescription,
  actionItemLabel,
  groupActionItems,
  groupIncidents,
  groupRunbooks,
  incidentDescription,
  incidentLabel,
  incidentItem,
  markDoneEdit,
  openActionItems,
  runbookDescription,
  runbookLinkCounts,
  runbookSummary,
  type IncidentItem,
  type RunbookSummary,
} from '../../../../src/core/trees/model';
import { summarizeIncident } from '../../../../src/core/incident/summary';

const harness = findProfile('harness') as Profile;
const SAMPLE = join(__dirname, '..', '..', '..', '..', '..', 'examples', 'acme-shop');
const USER = 'docs/postmortems/2026-03-15-user-service-timeout.md';
const PAYMENT = 'docs/postmortems/2026-03-20-payment-service-crashloop.md';

function sample(path: string): string {
  return readFileSync(join(SAMPLE, ...path.split('/')), 'utf8');
}

function incident(path: string, text: string): IncidentItem {
  return incidentItem(summarizeIncident({ path, text, profile: harness, kind: 'postmortem' }), `file:///w/${path}`);
}

function summarizeRunbook(text: string, uri: string, path: string): RunbookSummary {
  return runbookSummary(summarizeIncident({ path, text, profile: harness, kind: 'runbook' }), uri);
}

function doc(title: string, fields: Record<string, string>, actions = ''): string {
  return [
    `# Postmortem: ${title}`,
    '',
    ...Object.entries(fields).map(([k, v]) => `**${k}:** ${v}`),
    '',
    '## Action Items',
    '',
    actions,
  ].join('\n');
}

const TABLE = ['| Action | Owner | Due Date | Status |', '|---|---|---|---|'];

describe('tree models', () => {
  describe('summarizeIncident', () => {
    it('reads title, date, severity, status, service and action items of the sample postmortem', () => {
      const s = incident(USER, sample(USER));
      assert.equal(s.title, 'User service timeouts on preferences endpoint');
      assert.equal(s.dateText, '2026-03-15');
      assert.equal(s.severity, 'SEV2');
      assert.equal(s.severityRank, 1);
      assert.equal(s.status, 'Resolved');
      assert.equal(s.service, 'user-service');
      assert.equal(s.actionItems.length, 6);
      assert.deepEqual(
        s.actionItems.map((i) => i.done),
        [true, true, false, false, false, false],
      );
      assert.equal(s.actionItems[2].owner, '@backend');
      assert.equal(s.actionItems[2].dueText, '2026-03-22');
      assert.deepEqual(s.actionItems[2].due, { year: 2026, month: 3, day: 22 });
    });

    it('prefers a Service field over the file name', () => {
      const s = incident(
        'docs/postmortems/2026-01-02-outage.md',
        doc('Outage', { Date: '2026-01-02', Service: '`checkout`' }),
      );
      assert.equal(s.service, 'checkout');
    });

    it('keeps a severity outside the scale as written, without a rank', () => {
      const s = incident('docs/postmortems/2026-01-02-x.md', doc('X', { Date: '2026-01-02', Severity: 'Huge' }));
      assert.equal(s.severity, 'Huge');
      assert.equal(s.severityRank, undefined);
    });
  });

  describe('groupIncidents', () => {
    const a = incident(
      'docs/postmortems/2025-12-30-a-service-down.md',
      doc('A', { Date: '2025-12-30', Severity: 'SEV3' }),
    );
    const b = incident(
      'docs/postmortems/2026-02-01-b.md',
      doc('B', { Date: '2026-02-01', Severity: 'SEV1', Service: 'b-api' }),
    );
    const c = incident('docs/postmortems/2026-03-01-c.md', doc('C', { Date: '2026-03-01', Severity: 'SEV3' }));
    const d = incident('docs/postmortems/undated.md', doc('D', {}));

    it('groups by year, newest year first and newest incident first, undated last', () => {
      const groups = groupIncidents([a, d, b, c], 'year');
      assert.deepEqual(
        groups.map((g) => [g.label, g.items.map((i) => i.title)]),
        [
          ['2026', ['C', 'B']],
          ['2025', ['A']],
          ['No date', ['D']],
        ],
      );
    });

    it('groups by severity, most severe first, none last', () => {
      const groups = groupIncidents([a, b, c, d], 'severity');
      assert.deepEqual(
        groups.map((g) => [g.label, g.items.map((i) => i.title)]),
        [
          ['SEV1', ['B']],
          ['SEV3', ['C', 'A']],
          ['No severity', ['D']],
        ],
      );
    });

    it('groups by service alphabetically, none last', () => {
      const groups = groupIncidents([a, b, c, d], 'service');
      assert.deepEqual(
        groups.map((g) => [g.label, g.items.map((i) => i.title)]),
        [
          ['a-service', ['A']],
          ['b-api', ['B']],
          ['No service', ['C', 'D']],
        ],
      );
    });
  });

  describe('runbooks', () => {
    it('reads the sample runbooks and groups them by service', () => {
      const paths = [
        'docs/runbooks/user-service-database-slow-query.md',
        'docs/runbooks/payment-service-secret-rotation.md',
      ];
      const runbooks = paths.map((p) => summarizeRunbook(sample(p), `file:///w/${p}`, p));
      const groups = groupRunbooks(runbooks);
      assert.deepEqual(
        groups.map((g) => [g.label, g.items.map((r) => r.title)]),
        [
          ['payment-service', ['payment-service secret rotation']],
          ['user-service', ['user-service database slow query']],
        ],
      );
    });

    it('counts the incidents that mention a runbook', () => {
      const rb = summarizeRunbook('# Runbook: db\n', 'file:///w/docs/runbooks/db-slow.md', 'docs/runbooks/db-slow.md');
      const i = incident(
        'docs/postmortems/2026-01-01-x.md',
        `${doc('X', { Date: '2026-01-01' })}\nSee [the runbook](../runbooks/db-slow.md).\n`,
      );
      const other = incident('docs/postmortems/2026-01-02-y.md', doc('Y', { Date: '2026-01-02' }));
      assert.equal(runbookLinkCounts([rb], [i, other]).get(rb.uri), 1);
      assert.equal(runbookDescription(1), '1 incident');
      assert.equal(runbookDescription(0), '');
    });
  });

  describe('openActionItems', () => {
    const user = incident(USER, sample(USER));
    const payment = incident(PAYMENT, sample(PAYMENT));

    it('lists the sample items not done, overdue first then by due date', () => {
      const open = openActionItems([user, payment], '2026-03-25');
      assert.deepEqual(
        open.map((o) => [o.item.dueText, o.overdue, o.incident.title.slice(0, 12)]),
        [
          ['2026-03-22', true, 'User service'],
          ['2026-03-22', true, 'User service'],
          ['2026-03-27', false, 'Payment serv'],
          ['2026-03-29', false, 'User service'],
          ['2026-04-03', false, 'Payment serv'],
          ['2026-04-10', false, 'Payment serv'],
          ['2026-04-10', false, 'User service'],
        ],
      );
    });

    it('does not call an item due today overdue', () => {
      const open = openActionItems([user], '2026-03-22');
      assert.equal(open.filter((o) => o.overdue).length, 0);
    });

    it('rejects a today that is not a date', () => {
      assert.throws(() => openActionItems([user], 'tomorrow'), /YYYY-MM-DD/);
    });

    it('labels items with action, owner, due date and overdue', () => {
      const [first] = openActionItems([user], '2026-03-25');
      assert.equal(actionItemLabel(first, 30), 'Add a query performance test…');
      assert.equal(actionItemDescription(first), '@backend · due 2026-03-22 · overdue');
      const unowned = openActionItems([payment], '2026-03-01').find((o) => !o.item.owner);
      assert.ok(unowned);
      assert.equal(actionItemDescription(unowned), 'no owner · due 2026-04-10');
    });

    it('groups by owner (none last) or by incident (newest first)', () => {
      const open = openActionItems([user, payment], '2026-03-25');
      assert.deepEqual(
        groupActionItems(open, 'owner').map((g) => [g.label, g.items.length]),
        [
          ['@backend', 2],
          ['@payments', 1],
          ['@platform', 2],
          ['@sre', 1],
          ['No owner', 1],
        ],
      );
      assert.deepEqual(
        groupActionItems(open, 'incident').map((g) => [g.label, g.items.length]),
        [
          ['Payment service crash loop', 3],
          ['User service timeouts on preferences endpoint', 4],
        ],
      );
    });
  });

  describe('labels', () => {
    it('shows the title, and date · severity · status', () => {
      const s = incident(PAYMENT, sample(PAYMENT));
      assert.equal(incidentLabel(s), 'Payment service crash loop');
      assert.equal(incidentDescription(s), '2026-03-20 · SEV1 · Draft');
    });
  });

  describe('markDoneEdit', () => {
    /** The first action item's line after its edit is applied, or undefined when there is no edit. */
    function markedLine(body: string): string | undefined {
      const text = doc('X', { Date: '2026-01-01' }, body);
      const item = incident('docs/postmortems/2026-01-01-x.md', text).actionItems[0];
      const line = text.split('\n')[item.line];
      const edit = markDoneEdit(item, line);
      return edit && line.slice(0, edit.start) + edit.newText + line.slice(edit.end);
    }

    it('replaces the Status cell of a table row', () => {
      assert.equal(
        markedLine([...TABLE, '| Fix it | @a | 2026-01-05 | Open |'].join('\n')),
        '| Fix it | @a | 2026-01-05 | Done |',
      );
    });

    it('fills an empty Status cell', () => {
      assert.equal(
        markedLine([...TABLE, '| Fix it | @a | 2026-01-05 |  |'].join('\n')),
        '| Fix it | @a | 2026-01-05 | Done |',
      );
    });

    it('checks the box of a list item', () => {
      assert.equal(
        markedLine('- [ ] Fix it (owner: @a, due: 2026-01-05)'),
        '- [x] Fix it (owner: @a, due: 2026-01-05)',
      );
    });

    it('gives no edit for a plain list item without status', () => {
      assert.equal(markedLine('- Fix it by 2026-01-05'), undefined);
    });
  });
});
