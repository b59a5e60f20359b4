// Runs the same integration suite in desktop VS Code through @vscode/test-electron (`npm run test:electron`), for machines that have it.
//
// Not usable on this project's CI machines: @vscode/test-electron downloads a VS Code build from
// Microsoft's update servers at run time, and they have no network beyond the npm registry. There,
// `npm test` runs the suite in code-server instead (scripts/integration.mjs). Without the UI bridge
// that script serves (IW_UI_BRIDGE), the tests that need the browser skip themselves.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  const temp = await mkdtemp(path.join(tmpdir(), 'iw-electron-'));
  // Tests may modify files, so they get a copy of the sample workspace.
  const workspace = path.join(temp, 'acme-shop');
  await cp(path.join(repoRoot, 'examples', 'acme-shop'), workspace, { recursive: true });
  try {
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'test', 'integration', 'host', 'runSuite.js'),
      extensionTestsEnv: {
        IW_MOCHA_PATH: require.resolve('mocha'),
        IW_SUITE_DIR: path.join(repoRoot, 'out', 'test', 'integration', 'suite'),
      },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--user-data-dir',
        path.join(temp, 'user-data'),
      ],
    });
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
