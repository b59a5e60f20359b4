// The folders no scan walks, for the Node walkers and the web extension's workspace scans alike (no Node import here).

/** Folders never walked: dependencies, version control, build output. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'out',
  'build',
  'target',
  'coverage',
  '.next',
  '.venv',
  'venv',
  '__pycache__',
  'vendor',
  '.cache',
  '.idea',
  '.vscode-test',
  '.tox',
  '.terraform',
]);
