// The provisioning step's decisions (scripts/provision.mjs), read against this machine's real dpkg-query.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const REPO = path.resolve(__dirname, '../../../..');
const NO_SUCH_PACKAGE = 'incident-workbench-no-such-package';

interface Decision {
  action: 'none' | 'install' | 'stop' | 'unknown';
  missing?: string[];
  sudo?: boolean;
  message?: string;
}
interface Provision {
  DEBIAN_PACKAGES: { name: string; why: string; for: string[] }[];
  packagesFor(purpose: string): string[];
  parseDpkgQuery(output: string): Set<string>;
  readInstalled(names: string[]): Set<string> | undefined;
  installCommand(missing: string[], who: { root: boolean }): string;
  decide(input: {
    needed: string[];
    installed: Set<string>;
    root: boolean;
    passwordlessSudo: boolean;
    dpkgAvailable?: boolean;
  }): Decision;
}

// A real dynamic import: TypeScript's CommonJS output would turn `import()` into `require()`.
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

describe('scripts/provision.mjs', () => {
  let p: Provision;
  before(async () => {
    p = (await importModule(pathToFileURL(path.join(REPO, 'scripts', 'provision.mjs')).href)) as Provision;
  });

  it('lists each package once, with a reason, and what each run needs', () => {
    const names = p.DEBIAN_PACKAGES.map((x) => x.name);
    assert.equal(new Set(names).size, names.length);
    for (const x of p.DEBIAN_PACKAGES) assert.ok(x.why.length > 10, x.name);
    const test = p.packagesFor('test');
    for (const name of [
      'chromium',
      'ripgrep',
      'libkrb5-dev',
      'libx11-dev',
      'libxkbfile-dev',
      'libsecret-1-dev',
      'pkg-config',
      'git',
    ]) {
      assert.ok(test.includes(name), name);
    }
    assert.ok(!p.packagesFor('unit').includes('chromium'), 'the unit tests drive no browser');
    assert.ok(p.packagesFor('unit').includes('ripgrep'));
    assert.ok(!p.packagesFor('start').includes('ripgrep'));
    assert.throws(() => p.packagesFor('everything'), /unknown purpose "everything"/);
  });

  it("reads this machine's real dpkg-query output: dpkg is installed, a made-up package is not", () => {
    const installed = p.readInstalled(['dpkg', NO_SUCH_PACKAGE]);
    if (!existsSync('/usr/bin/dpkg-query')) {
      assert.equal(installed, undefined, 'no dpkg-query: nothing can be read');
      return;
    }
    assert.ok(installed);
    assert.ok(installed.has('dpkg'));
    assert.ok(!installed.has(NO_SUCH_PACKAGE));
  });

  it('counts only packages whose status is "install ok installed", without the architecture', () => {
    const installed = p.parseDpkgQuery(
      'libx11-dev:amd64 install ok installed\nchromium deinstall ok config-files\nripgrep unknown ok not-installed\ngit install ok installed\n',
    );
    assert.deepEqual([...installed].sort(), ['git', 'libx11-dev']);
  });

  describe('deciding, for a made-up missing package beside real installed ones', () => {
    let installed: Set<string>;
    const needed = ['dpkg', NO_SUCH_PACKAGE];
    before(function () {
      if (!existsSync('/usr/bin/dpkg-query')) {
        installed = new Set(['dpkg']); // Not a Debian machine: the decisions are the same for this set.
        return;
      }
      installed = p.readInstalled(needed) as Set<string>;
    });

    it('installs as root, with no sudo', () => {
      assert.deepEqual(p.decide({ needed, installed, root: true, passwordlessSudo: false }), {
        action: 'install',
        missing: [NO_SUCH_PACKAGE],
        sudo: false,
      });
    });

    it('installs through sudo when sudo needs no password', () => {
      assert.deepEqual(p.decide({ needed, installed, root: false, passwordlessSudo: true }), {
        action: 'install',
        missing: [NO_SUCH_PACKAGE],
        sudo: true,
      });
    });

    it('stops otherwise, with a message naming the exact command', () => {
      const decision = p.decide({ needed, installed, root: false, passwordlessSudo: false });
      assert.equal(decision.action, 'stop');
      assert.deepEqual(decision.missing, [NO_SUCH_PACKAGE]);
      assert.ok(decision.message?.includes(`Missing Debian packages: ${NO_SUCH_PACKAGE}.`), decision.message);
      assert.ok(
        decision.message?.includes(
          `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${NO_SUCH_PACKAGE}`,
        ),
        decision.message,
      );
    });

    it('does nothing when every needed package is installed', () => {
      assert.deepEqual(p.decide({ needed: ['dpkg'], installed, root: false, passwordlessSudo: false }), {
        action: 'none',
        missing: [],
      });
    });

    it('says it could not check on a machine without dpkg', () => {
      const decision = p.decide({
        needed,
        installed: new Set(),
        root: true,
        passwordlessSudo: false,
        dpkgAvailable: false,
      });
      assert.equal(decision.action, 'unknown');
      assert.match(decision.message ?? '', /dpkg-query was not found/);
    });
  });

  it('writes the command without sudo for root', () => {
    assert.equal(
      p.installCommand(['ripgrep', 'chromium'], { root: true }),
      'apt-get update && apt-get install -y --no-install-recommends ripgrep chromium',
    );
  });
});
