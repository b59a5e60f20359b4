// The entry bundle VS Code loads on activation stays light: the parser, YAML, zod and git load later, in dist/heavy.js.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../../../..');

describe('dist/extension.js (the bundle loaded on activation)', function () {
  this.timeout(60_000);
  let bundle: string;
  before(() => {
    execFileSync(process.execPath, [path.join(REPO, 'scripts', 'build.mjs')], { cwd: REPO });
    bundle = readFileSync(path.join(REPO, 'dist', 'extension.js'), 'utf8');
  });

  it('holds none of the heavy packages (esbuild marks each bundled file with a path comment)', () => {
    const packages = [...bundle.matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)].map((m) => m[1]);
    for (const heavy of ['markdown-it', 'yaml', 'zod', 'simple-git', 'ignore']) {
      assert.ok(
        !packages.includes(heavy),
        `${heavy} is in the entry bundle; import it only from code that src/features/heavy.ts loads`,
      );
    }
  });

  it('includes its own wiring, so the check above reads a real bundle', () => {
    assert.match(bundle, /^\/\/ src\/extension\.ts$/m);
    assert.match(bundle, /^\/\/ src\/features\/lazy\.ts$/m);
  });
});
