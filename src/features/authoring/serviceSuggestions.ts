// Finds the services a new runbook may be for: the workspace's manifests (read with core's parsers) and the profile's existing runbooks.
import * as vscode from 'vscode';
import {
  assertSafeRelativePath,
  SERVICE_MANIFEST_GLOBS,
  servicesFromManifest,
  servicesFromRunbookNames,
  slugify,
  type Profile,
} from '../../core';
import { readTextFile } from '../shared/readTextFile';

/** One suggested service and where it was seen. */
export interface ServiceSuggestion {
  /** As the manifest writes it (`payment-service`, `Checkout API`). */
  readonly name: string;
  /** `docker-compose.yml`, `services/user-service/package.json`, `2 runbooks`, ... */
  readonly sources: readonly string[];
}

/** Folders never searched for manifests: dependencies, build output, virtual environments. */
const EXCLUDE = '**/{node_modules,.git,vendor,target,dist,out,build,.venv,venv,__pycache__,.tox}/**';
/** The most manifests read; a monorepo with more still gets the first ones. */
const MAX_MANIFESTS = 200;
/** Manifests larger than this are not service manifests anyone hand-writes. */
const MAX_MANIFEST_BYTES = 512 * 1024;

/** The file names in the profile's runbook folder of `folder` (empty when there is none). */
export async function runbookFileNames(folder: vscode.WorkspaceFolder, profile: Profile): Promise<string[]> {
  const runbooks = profile.documents.runbook?.folder;
  if (!runbooks) return [];
  try {
    assertSafeRelativePath(runbooks);
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(folder.uri, ...runbooks.split('/')));
    return entries.filter(([, type]) => type === vscode.FileType.File).map(([name]) => name);
  } catch {
    return [];
  }
}

/** The services named by the manifests in `folder`, each with the files naming it, in the order found. */
export async function manifestServices(
  folder: vscode.WorkspaceFolder,
  token: vscode.CancellationToken,
  log: vscode.LogOutputChannel,
): Promise<ServiceSuggestion[]> {
  const files = await vscode.workspace.findFiles(
    new vscode.RelativePattern(folder, `{${SERVICE_MANIFEST_GLOBS.join(',')}}`),
    EXCLUDE,
    MAX_MANIFESTS,
    token,
  );
  // Shallow paths first: the root compose file names the services a runbook is most likely for.
  files.sort((a, b) => a.path.split('/').length - b.path.split('/').length || a.path.localeCompare(b.path));
  const found = await Promise.all(
    files.map(async (uri) => {
      if (token.isCancellationRequested) return [];
      const relative = vscode.workspace.asRelativePath(uri, false);
      try {
        const text = await readTextFile(uri, { maxBytes: MAX_MANIFEST_BYTES });
        if (text === undefined) return [];
        return servicesFromManifest(relative, text).map((name) => ({ name, source: relative }));
      } catch (e) {
        log.debug(`Could not read ${relative} for service names: ${e instanceof Error ? e.message : String(e)}`);
        return [];
      }
    }),
  );
  return merge(found.flat().map(({ name, source }) => ({ name, sources: [source] })));
}

/** The suggestions from the existing runbook names, using the manifest services to split them. */
export function runbookServices(
  names: readonly string[],
  profile: Profile,
  known: readonly ServiceSuggestion[],
): ServiceSuggestion[] {
  const services = servicesFromRunbookNames(
    names,
    profile,
    known.map((k) => k.name),
  );
  return services.map((slug) => {
    const count = names.filter((n) => n.toLowerCase().includes(`${slug}-`)).length;
    return { name: slug, sources: [count <= 1 ? 'a runbook' : `${count} runbooks`] };
  });
}

/** Joins suggestions that name the same service (by slug), keeping the first spelling and every source. */
export function merge(suggestions: readonly ServiceSuggestion[]): ServiceSuggestion[] {
  const bySlug = new Map<string, ServiceSuggestion>();
  for (const s of suggestions) {
    const key = slugify(s.name, 'service');
    const existing = bySlug.get(key);
    bySlug.set(key, existing ? { name: existing.name, sources: [...new Set([...existing.sources, ...s.sources])] } : s);
  }
  return [...bySlug.values()];
}
