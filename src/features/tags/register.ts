// Registers the INCIDENT tags feature: the index, CodeLens, hover, the "Incident-Tagged Code" tree and the tag commands.
import * as vscode from 'vscode';
import { registerTagCommands } from './tagCommands';
import { TagCodeLensProvider } from './TagCodeLensProvider';
import { TaggedCodeTreeProvider } from './TaggedCodeTreeProvider';
import { TagHoverProvider } from './TagHoverProvider';
import { workspaceDocuments } from '../shared/documentSelector';
import { TagIndexManager, type TagIndexDeps } from './TagIndexManager';
import { Views } from '../../constants';

/** What the tags feature needs from the extension. */
export interface TagsDeps extends TagIndexDeps {
  /**
   * The language server gives the tag hover and the lens naming a tag's incident document: only the lens listing
   * the tag's other locations (which needs the workspace's tag index) is provided here.
   */
  readonly serverProvidesLenses?: boolean;
}

/** The registered feature; its index and tree are there for the integration tests (through the extension's exports). */
export interface TagsFeature extends vscode.Disposable {
  readonly index: TagIndexManager;
  readonly tree: TaggedCodeTreeProvider;
}

export function register(_context: vscode.ExtensionContext, deps: TagsDeps): TagsFeature {
  const index = new TagIndexManager(deps);
  const lenses = new TagCodeLensProvider(index, { otherLocationsOnly: deps.serverProvidesLenses === true });
  const tree = new TaggedCodeTreeProvider(index);
  const view = vscode.window.createTreeView(Views.taggedCode, { treeDataProvider: tree, showCollapseAll: true });
  const describe = () => {
    const { tags, files, incidents } = index.counts();
    view.description =
      tags > 0
        ? `${tags} tag${tags === 1 ? '' : 's'} · ${incidents} incident${incidents === 1 ? '' : 's'} · ${files} file${files === 1 ? '' : 's'}`
        : undefined;
    view.message = index.scanning
      ? vscode.l10n.t('Scanning for INCIDENT tags… showing what was found so far.')
      : undefined;
  };
  const disposable = vscode.Disposable.from(
    index,
    lenses,
    tree,
    view,
    index.onDidChange(describe),
    vscode.languages.registerCodeLensProvider(workspaceDocuments(), lenses),
    ...(deps.serverProvidesLenses
      ? []
      : [vscode.languages.registerHoverProvider(workspaceDocuments(), new TagHoverProvider(index))]),
    registerTagCommands(index),
  );
  index
    .scanAll()
    .then(describe, (e: unknown) =>
      deps.log.error(`Scanning for INCIDENT tags failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
    );
  describe();
  return { index, tree, dispose: () => disposable.dispose() };
}
