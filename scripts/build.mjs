// Bundles the extension and the CLI with esbuild into dist/ (pass --production to minify).
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { build } from 'esbuild';

const { version, repository } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// The repository URL, when package.json names one: the CLI's SARIF links each rule to its page there.
const repositoryUrl = typeof repository === 'string' ? repository : (repository?.url ?? '');

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { __VERSION__: JSON.stringify(version), __REPOSITORY__: JSON.stringify(repositoryUrl) },
};

// src/features/lazy.ts requires './heavy' on first use: a separate bundle next to dist/extension.js, never inlined into it.
const heavyIsExternal = {
  name: 'heavy-is-external',
  setup(b) {
    b.onResolve({ filter: /^\.\/heavy$/ }, (args) =>
      args.importer.endsWith('lazy.ts') ? { path: './heavy.js', external: true } : undefined,
    );
  },
};

// markdown-it uses only the decoders of `entities`; its index would also bundle the encoders' tables (23 KB a bundle).
const entitiesDecodeOnly = {
  name: 'entities-decode-only',
  setup(b) {
    b.onResolve({ filter: /^entities$/ }, async (args) => {
      const resolved = await b.resolve('entities/lib/decode.js', { kind: args.kind, resolveDir: args.resolveDir });
      return resolved.errors.length > 0 ? undefined : { path: resolved.path };
    });
  },
};

// The web extension (dist/web/extension.js, the manifest's `browser` entry) for VS Code's web worker extension
// host (github.dev, vscode.dev): one bundle, the heavy half included, with the Node services swapped for their
// vscode.workspace.fs versions in src/features/web/ (WEB_SERVICES). A Node built-in that still reaches the bundle
// fails the build, naming the importer: esbuild would otherwise leave a require() that throws in the browser.
const WEB_SERVICES = {
  'services/documentWriter': 'features/web/documentWriter.ts',
  'services/gitService': 'features/web/gitService.ts',
  'services/timelineImportService': 'features/web/timelineImportService.ts',
  'services/tags/tagScanner': 'features/web/tagScanner.ts',
  'services/tags/ripgrepLocator': 'features/web/ripgrepLocator.ts',
  'services/tags/ignoreRules': 'features/web/ignoreRules.ts',
};
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const webPlatform = {
  name: 'web-platform',
  setup(b) {
    const src = new URL('../src/', import.meta.url).pathname;
    b.onResolve({ filter: /^\.\/heavy$/ }, (args) =>
      args.importer.endsWith('lazy.ts') ? { path: `${src}features/heavy.ts` } : undefined,
    );
    // The features' `vscode` is VS Code's API with a findFiles that also works where the file system has no search
    // provider (src/features/web/vscodeApi.ts); the files in src/features/web/ use VS Code's own.
    b.onResolve({ filter: /^vscode$/ }, (args) =>
      args.importer.startsWith(src) && !args.importer.startsWith(`${src}features/web/`)
        ? { path: `${src}features/web/vscodeApi.ts` }
        : undefined,
    );
    b.onResolve({ filter: /services\// }, (args) => {
      const target = args.importer.startsWith(src)
        ? new URL(args.path, `file://${args.importer}`).pathname.slice(src.length)
        : undefined;
      const swapped = target && WEB_SERVICES[target.replace(/\.ts$/, '')];
      return swapped ? { path: `${src}${swapped}` } : undefined;
    });
    b.onResolve({ filter: /^[\w:/]+$/ }, (args) =>
      NODE_BUILTINS.has(args.path) || NODE_BUILTINS.has(args.path.split('/')[0])
        ? {
            errors: [
              {
                text: `the web extension must not use the Node built-in "${args.path}" (imported by ${args.importer.replace(src, 'src/')}); give the web build a version without Node (WEB_SERVICES in scripts/build.mjs)`,
              },
            ],
          }
        : undefined,
    );
  },
};

await Promise.all([
  // The extension is two bundles (esbuild cannot split CommonJS): dist/extension.js, which VS Code loads and
  // keeps small (wiring and light features), and dist/heavy.js (src/features/heavy.ts: Markdown, YAML, zod,
  // simple-git and the features built on them), required by src/features/lazy.ts after activation.
  // The banner's time is where the extension's activationMs starts (load of the bundle included).
  build({
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [heavyIsExternal],
    banner: { js: 'var __iwLoadStarted = performance.now();' },
  }),
  // The desktop's heavy half, with the language client's Node transport and the language server (src/features/heavyNode.ts).
  build({
    ...common,
    entryPoints: ['src/features/heavyNode.ts'],
    outfile: 'dist/heavy.js',
    external: ['vscode'],
    plugins: [heavyIsExternal, entitiesDecodeOnly],
  }),
  // The language server's process (src/server/main.ts): it runs the server that dist/heavy.js carries.
  build({
    ...common,
    entryPoints: ['src/server/main.ts'],
    outfile: 'dist/server.js',
    external: ['./heavy.js'],
  }),
  build({
    ...common,
    platform: 'browser',
    target: 'es2022',
    entryPoints: ['src/extension.web.ts'],
    outfile: 'dist/web/extension.js',
    external: ['vscode'],
    // The browser field of a package, never its Node build; no Node global is defined for it.
    mainFields: ['browser', 'module', 'main'],
    plugins: [webPlatform, entitiesDecodeOnly],
    banner: { js: 'var __iwLoadStarted = performance.now();' },
  }),
  // The language server in a Worker of its own (dist/web/server.js, for hosts that allow one: vscode.dev); the web
  // extension can also run src/server/browser.ts in its own worker over a MessageChannel. Node-free, as the web bundle.
  build({
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    entryPoints: ['src/server/browserWorker.ts'],
    outfile: 'dist/web/server.js',
    mainFields: ['browser', 'module', 'main'],
    plugins: [webPlatform],
  }),
  // tinyglobby's ESM build (fdir) calls createRequire(import.meta.url), which a CommonJS bundle must be given.
  build({
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    define: { ...common.define, 'import.meta.url': '__iwImportMetaUrl' },
    banner: { js: "#!/usr/bin/env node\nvar __iwImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  }),
  // The incident wizard's page script, for the browser inside the webview; media/ is its only local resource root.
  build({
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    minify: true,
    entryPoints: ['src/webview-ui/main.ts'],
    outfile: 'media/wizard.js',
    alias: { entities: './src/webview-ui/entities.ts' },
  }),
  // The chart pages' script (Show Trends, Show Error Budget): DOM and the chart geometry only, no chart library.
  build({
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    minify: true,
    entryPoints: ['src/webview-ui/charts/main.ts'],
    outfile: 'media/charts.js',
  }),
]);

// The configuration file's JSON Schema, generated from the zod schema, for contributes.yamlValidation.
const { execFileSync } = await import('node:child_process');
const { writeFileSync } = await import('node:fs');
writeFileSync(
  'dist/incident-workbench.schema.json',
  execFileSync(process.execPath, ['dist/cli.js', 'schema'], { encoding: 'utf8' }),
);
// The npm package is the CLI's (and a git-URL install of the extension's desktop bundles): the web bundle ships in
// the .vsix only, which keeps the npm tarball within its 1 MB budget. npm reads a subfolder's .npmignore over `files`.
writeFileSync('dist/web/.npmignore', '*\n');
// The Markdown snippets, generated from the profiles (a unit test checks the committed file is current).
writeFileSync(
  'snippets/incident-workbench.code-snippets',
  execFileSync(process.execPath, ['dist/cli.js', 'snippets'], { encoding: 'utf8' }),
);
