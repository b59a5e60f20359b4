import * as assert from 'node:assert/strict';
import { manifestKind, servicesFromManifest, servicesFromRunbookNames } from '../../../../src/core/authoring/services';
import { findProfile, type Profile } from '../../../../src/core/profiles';

const harness = findProfile('harness') as Profile;

describe('servicesFromManifest', () => {
  it('reads the service names of a docker-compose file in file order', () => {
    const text = [
      'x-common: &common',
      '  restart: always',
      'services:',
      '  postgres:',
      '    image: postgres:15',
      '  user-service:',
      '    <<: *common',
      '    build: ./services/user-service',
      '  payment-service:',
      '    build: ./services/payment-service',
      'volumes:',
      '  pgdata:',
    ].join('\n');
    assert.deepEqual(servicesFromManifest('docker-compose.yml', text), ['postgres', 'user-service', 'payment-service']);
    assert.deepEqual(servicesFromManifest('deploy/docker-compose.prod.yaml', text), [
      'postgres',
      'user-service',
      'payment-service',
    ]);
    assert.deepEqual(servicesFromManifest('compose.yaml', text), ['postgres', 'user-service', 'payment-service']);
  });

  it('gives no names for a compose file without services, with a syntax error, or that is not a mapping', () => {
    assert.deepEqual(servicesFromManifest('docker-compose.yml', 'volumes:\n  data:\n'), []);
    assert.deepEqual(servicesFromManifest('docker-compose.yml', 'services:\n  a: [\n'), []);
    assert.deepEqual(servicesFromManifest('docker-compose.yml', '- a\n- b\n'), []);
    assert.deepEqual(servicesFromManifest('docker-compose.yml', ''), []);
  });

  it('reads package.json name without its scope', () => {
    assert.deepEqual(
      servicesFromManifest('services/user-service/package.json', '{ "name": "user-service", "version": "1.0.0" }'),
      ['user-service'],
    );
    assert.deepEqual(servicesFromManifest('package.json', '\uFEFF{ "name": "@acme/checkout" }'), ['checkout']);
    assert.deepEqual(servicesFromManifest('package.json', '{ "private": true }'), []);
    assert.deepEqual(servicesFromManifest('package.json', '{ "name": 42 }'), []);
    assert.deepEqual(servicesFromManifest('package.json', '{ not json'), []);
  });

  it('reads the last segment of the go.mod module path, skipping a major version suffix', () => {
    assert.deepEqual(servicesFromManifest('go.mod', 'module github.com/acme/api-gateway\n\ngo 1.22\n'), [
      'api-gateway',
    ]);
    assert.deepEqual(servicesFromManifest('go.mod', '// the gateway\nmodule example.com/acme/billing/v2 // v2 API\n'), [
      'billing',
    ]);
    assert.deepEqual(servicesFromManifest('go.mod', 'module "example.com/quoted"\n'), ['quoted']);
    assert.deepEqual(servicesFromManifest('go.mod', 'module inventory\n'), ['inventory']);
    assert.deepEqual(servicesFromManifest('go.mod', 'go 1.22\n'), []);
  });

  it('reads [project] or [tool.poetry] name of pyproject.toml, not names in other tables', () => {
    const pep621 =
      '[build-system]\nrequires = ["hatchling"]\n\n[project]\nname = "payment-service"  # the API\nversion = "0.1.0"\n\n[[project.authors]]\nname = "Ada"\n';
    assert.deepEqual(servicesFromManifest('pyproject.toml', pep621), ['payment-service']);
    assert.deepEqual(servicesFromManifest('pyproject.toml', "[tool.poetry]\nname = 'notifier'\n"), ['notifier']);
    assert.deepEqual(servicesFromManifest('pyproject.toml', '[tool.black]\nname = "not-a-service"\n'), []);
  });

  it('reads [package] name of Cargo.toml and nothing from a workspace manifest', () => {
    assert.deepEqual(
      servicesFromManifest(
        'Cargo.toml',
        '[package]\nname = "ledger"\nedition = "2021"\n\n[dependencies]\nserde = "1"\n',
      ),
      ['ledger'],
    );
    assert.deepEqual(servicesFromManifest('Cargo.toml', '[workspace]\nmembers = ["a", "b"]\n'), []);
  });

  it('ignores files it does not know, empty names and names with control characters', () => {
    assert.deepEqual(servicesFromManifest('requirements.txt', 'flask\n'), []);
    assert.deepEqual(servicesFromManifest('package.json', '{ "name": "  " }'), []);
    assert.deepEqual(servicesFromManifest('package.json', '{ "name": "a\\nb" }'), []);
    assert.equal(manifestKind('docker-compose.override.yml'), 'compose');
    assert.equal(manifestKind('my-compose.yml'), undefined);
    assert.equal(manifestKind('C:\\repo\\go.mod'), 'go.mod');
  });
});

describe('servicesFromRunbookNames', () => {
  const names = [
    'payment-service-secret-rotation.md',
    'user-service-database-slow-query.md',
    'checkout-high-latency.md',
    'search-api-worker-backlog-growing.md',
    'README.md',
    'index.md',
    '_template.md',
    'notes.txt',
  ];

  it('takes the first word of each runbook name, extended by words that end service names', () => {
    assert.deepEqual(servicesFromRunbookNames(names, harness), [
      'checkout',
      'payment-service',
      'search-api-worker',
      'user-service',
    ]);
  });

  it('prefers the longest known service that begins a name', () => {
    assert.deepEqual(
      servicesFromRunbookNames(['orders-db-primary-failover.md', 'user-service-database-slow-query.md'], harness, [
        'orders-db-primary',
        'orders',
        'User Service',
      ]),
      ['orders-db-primary', 'user-service'],
    );
  });

  it('never takes the whole name as the service: a failure mode is left', () => {
    assert.deepEqual(servicesFromRunbookNames(['api-service.md', 'billing-down.md'], harness, ['billing-down']), [
      'api',
      'billing',
    ]);
  });

  it('accepts paths and upper-case names and gives slugs', () => {
    assert.deepEqual(
      servicesFromRunbookNames(['docs/runbooks/Payments-Outage.md', 'docs\\runbooks\\cache-eviction.md'], harness),
      ['cache', 'payments'],
    );
  });

  it('gives nothing when the profile has no runbooks or its pattern names no service', () => {
    const noRunbooks: Profile = { ...harness, documents: { postmortem: harness.documents.postmortem } };
    assert.deepEqual(servicesFromRunbookNames(names, noRunbooks), []);
    const bySlug: Profile = {
      ...harness,
      documents: { ...harness.documents, runbook: { ...harness.documents.runbook!, fileName: 'RB-<slug>.md' } },
    };
    assert.deepEqual(servicesFromRunbookNames(['RB-payments.md'], bySlug), []);
  });

  it('reads a custom pattern with a prefix and the service alone', () => {
    const custom: Profile = {
      ...harness,
      documents: { ...harness.documents, runbook: { ...harness.documents.runbook!, fileName: 'runbook-<service>.md' } },
    };
    assert.deepEqual(servicesFromRunbookNames(['runbook-payment-service.md', 'payment-service-x.md'], custom), [
      'payment-service',
    ]);
  });
});
