// ESLint flat config: typescript-eslint rules plus the layering of design.md, enforced.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const nodeBuiltins = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'events',
  'worker_threads',
  'readline',
  'zlib',
  'buffer',
  'process',
].flatMap((name) => [name, `node:${name}`]);

const noVscode = { name: 'vscode', message: 'vscode may be imported only in src/extension.ts and src/features/.' };

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'examples/**', 'media/**', '.vscode-test/**', 'test-results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Layout is Prettier's (npm test runs prettier --check); ESLint keeps to correctness and layering.
  prettier,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            noVscode,
            { name: 'simple-git', message: 'core is pure: git belongs in src/services/.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'core is pure: Node IO belongs in src/services/.' })),
          ],
          patterns: [
            {
              group: ['**/services/**', '**/features/**', '**/cli/**', '**/webview/**'],
              message: 'core depends on nothing above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/services/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noVscode],
          patterns: [{ group: ['**/features/**'], message: 'services and cli never depend on features.' }],
        },
      ],
    },
  },
  {
    // The language server runs in a browser too (#21): Node only in its one file-system adapter and its Node entry.
    files: ['src/server/**/*.ts'],
    ignores: ['src/server/nodeFileSystem.ts', 'src/server/node.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            noVscode,
            ...nodeBuiltins.map((name) => ({
              name,
              message:
                'the server is free of Node APIs: file access goes through ServerFileSystem (nodeFileSystem.ts).',
            })),
          ],
          patterns: [
            { group: ['**/services/**', '**/features/**', '**/cli/**'], message: 'the server depends on core only.' },
            {
              group: ['vscode-languageserver/node'],
              message: 'only the Node entry (node.ts) may use the Node transport.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/nodeFileSystem.ts', 'src/server/node.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode] }] },
  },
  {
    files: ['test/unit/**/*.ts', 'src/webview/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode] }] },
  },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
);
