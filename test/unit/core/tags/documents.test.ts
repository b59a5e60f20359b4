import * as assert from 'node:assert/strict';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import {
  expectedDocumentPaths,
  fileNamePattern,
  findTagsInFile,
  incidentDocumentFromPath,
  incidentDocuments,
  linkTag,
  type IncidentDocumentRef,
} from '../../../../src/core/tags';

const harness = findProfile('harness') as Profile;
const agent = findProfile('agent') as Profile;
const saas = findProfile('saas') as Profile;

/** The sample workspace's Markdown files. */
const SAMPLE = [
  'README.md',
  'docs/incidents/index.md',
  'docs/postmortems/2026-03-15-user-service-timeout.md',
  'docs/postmortems/2026-03-20-payment-service-crashloop.md',
  'docs/runbooks/payment-service-secret-rotation.md',
];

describe('linking tags to incident documents', () => {
  describe('fileNamePattern', () => {
    it('reads date and slug with each built-in pattern', () => {
      assert.deepEqual(
        { ...fileNamePattern('YYYY-MM-DD-<slug>.md').exec('2026-03-15-user-service-timeout.md')?.groups },
        { year: '2026', month: '03', day: '15', slug: 'user-service-timeout' },
      );
      assert.deepEqual(
        { ...fileNamePattern('INC-YYYY-MM-DD-<slug>.md').exec('INC-2026-03-20-db-failover.md')?.groups },
        { year: '2026', month: '03', day: '20', slug: 'db-failover' },
      );
      assert.deepEqual(
        { ...fileNamePattern('postmortem-YYYY-MM-DD-<slug>.md').exec('postmortem-2026-01-02-login.md')?.groups },
        { year: '2026', month: '01', day: '02', slug: 'login' },
      );
      assert.equal(fileNamePattern('postmortem-YYYY-MM-DD-<slug>.md').exec('2026-01-02-login.md'), null);
      assert.equal(fileNamePattern('<service>-<failure-mode>.md').exec('db-slow.md')?.groups?.slug, undefined);
    });

    it('takes pattern text literally, not as regular expression syntax', () => {
      assert.equal(fileNamePattern('YYYY.MM.DD-<slug>.md').exec('2026x03x15-a.md'), null);
      assert.ok(fileNamePattern('YYYY.MM.DD-<slug>.md').exec('2026.03.15-a.md'));
    });
  });

  describe('incidentDocumentFromPath', () => {
    it('describes postmortems and incident records of the profile, not runbooks or other files', () => {
      assert.deepEqual(incidentDocumentFromPath('docs/postmortems/2026-03-15-user-service-timeout.md', harness), {
        path: 'docs/postmortems/2026-03-15-user-service-timeout.md',
        kind: 'postmortem',
        date: { year: 2026, month: 3, day: 15 },
        dateText: '2026-03-15',
        slug: 'user-service-timeout',
        followsPattern: true,
      });
      assert.equal(incidentDocumentFromPath('docs/incidents/2026-03-16-db.md', harness)?.kind, 'incident');
      assert.equal(incidentDocumentFromPath('docs/runbooks/2026-03-15-x.md', harness), undefined);
      assert.equal(incidentDocumentFromPath('docs/incidents/index.md', harness), undefined);
      assert.equal(incidentDocumentFromPath('notes/2026-03-15-x.md', harness), undefined);
      assert.equal(incidentDocumentFromPath('docs/postmortems/2026-02-30-x.md', harness), undefined);
    });

    it("reads the agent and saas profiles' names", () => {
      assert.equal(
        incidentDocumentFromPath('.agent/incidents/INC-2026-03-20-db-failover.md', agent)?.slug,
        'db-failover',
      );
      assert.equal(
        incidentDocumentFromPath('docs/spec/.llm/completed/postmortem-2026-03-20-login.md', saas)?.slug,
        'login',
      );
      assert.equal(
        incidentDocumentFromPath('docs/spec/.llm/incidents/incident-2026-03-21-api.md', saas)?.dateText,
        '2026-03-21',
      );
    });

    it('falls back to a date anywhere in a name that follows no pattern, saying so', () => {
      const ref = incidentDocumentFromPath('docs/postmortems/2026/Outage 2026-03-15_checkout.md', harness);
      assert.deepEqual([ref?.dateText, ref?.slug, ref?.followsPattern], ['2026-03-15', 'checkout', false]);
      assert.equal(incidentDocumentFromPath('docs/postmortems/2026-03-15.md', harness)?.slug, undefined);
    });
  });

  describe('linkTag', () => {
    const docs = incidentDocuments(
      [
        ...SAMPLE,
        'docs/incidents/2026-03-20-payment-service-crashloop.md',
        'docs/postmortems/2026-03-20-search-outage.md',
      ],
      harness,
    );

    it('lists the documents newest first, postmortems before incident records', () => {
      assert.deepEqual(
        docs.map((d) => d.path),
        [
          'docs/postmortems/2026-03-20-payment-service-crashloop.md',
          'docs/postmortems/2026-03-20-search-outage.md',
          'docs/incidents/2026-03-20-payment-service-crashloop.md',
          'docs/postmortems/2026-03-15-user-service-timeout.md',
        ],
      );
    });

    const link = (text: string) =>
      linkTag(findTagsInFile('a.ts', text).tags[0], docs).map((d: IncidentDocumentRef) => d.path);

    it('links a date-only tag to the one document of that date', () => {
      assert.deepEqual(link('// INCIDENT-2026-03-15: x'), ['docs/postmortems/2026-03-15-user-service-timeout.md']);
    });

    it('links a tag with a slug to the documents with that slug, case ignored, postmortem first', () => {
      assert.deepEqual(link('// INCIDENT-2026-03-20 Payment-Service-Crashloop: x'), [
        'docs/postmortems/2026-03-20-payment-service-crashloop.md',
        'docs/incidents/2026-03-20-payment-service-crashloop.md',
      ]);
    });

    it('gives every document of the date when a date-only tag is ambiguous', () => {
      assert.equal(link('// INCIDENT-2026-03-20: x').length, 3);
    });

    it('links nothing for another date or an unknown slug', () => {
      assert.deepEqual(link('// INCIDENT-2026-03-16: x'), []);
      assert.deepEqual(link('// INCIDENT-2026-03-15 checkout: x'), []);
    });
  });

  describe('expectedDocumentPaths', () => {
    it('names where the profile would keep the document', () => {
      assert.deepEqual(expectedDocumentPaths({ date: { year: 2026, month: 3, day: 15 }, slug: 'db' }, harness), [
        'docs/postmortems/2026-03-15-db.md',
        'docs/incidents/2026-03-15-db.md',
      ]);
      assert.deepEqual(expectedDocumentPaths({ date: { year: 2026, month: 3, day: 15 }, slug: undefined }, agent), [
        '.agent/incidents/INC-2026-03-15-<slug>.md',
      ]);
    });
  });
});
