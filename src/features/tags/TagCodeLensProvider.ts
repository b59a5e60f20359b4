// CodeLens above each INCIDENT tag: the linked postmortem ("Postmortem: <title> (SEV2, 2026-03-15)"), its other locations, or TG001.
import * as vscode from 'vscode';
import { incidentKey, incidentLensTitle, unlinkedMessage, type IncidentDocumentRef } from '../../core/tags';
import { toVsRange } from '../shared/convert';
import {
  plainFromLocation,
  plainLocation,
  tagName,
  type OpenIncidentArgs,
  type ShowLocationsArgs,
} from './tagCommandArgs';
import type { TagIndexManager } from './TagIndexManager';
import { Commands, Settings } from '../../constants';

/** A lens over a linked tag, titled once its document's summary is read. */
class IncidentLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly folder: vscode.WorkspaceFolder,
    readonly documents: readonly IncidentDocumentRef[],
    readonly args: OpenIncidentArgs,
  ) {
    super(range);
  }
}

/** Provides the tag lenses of a document from its current text and the index's documents and locations. */
export class TagCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly index: TagIndexManager,
    private readonly options: { readonly otherLocationsOnly?: boolean } = {},
  ) {
    this.subscription = index.onDidChange(() => this.changed.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (!folder || !enabled(document.uri)) return [];
    const scan = this.index.tagsIn(document);
    const lenses: vscode.CodeLens[] = [];
    for (const tag of scan.tags) {
      const range = toVsRange(tag.headRange);
      const documents = this.index.link(document.uri, tag);
      const args: OpenIncidentArgs = {
        folder: folder.uri.toString(),
        tag: tagName(tag),
        documents: documents.map((d) => d.path),
        message:
          documents.length === 0
            ? unlinkedMessage(tag, this.index.documentsFor(document.uri), this.index.profileFor(document.uri))
            : undefined,
      };
      if (this.options.otherLocationsOnly) {
        // The language server gives the lens naming the incident document.
      } else if (documents.length === 0) {
        lenses.push(
          new vscode.CodeLens(range, {
            title: vscode.l10n.t('$(warning) No incident document found (TG001)'),
            command: Commands.openTagIncident,
            arguments: [args],
            tooltip: args.message,
          }),
        );
      } else {
        lenses.push(new IncidentLens(range, folder, documents, args));
      }
      const key = incidentKey(tag);
      const here = document.uri.toString();
      const others = [
        ...this.index
          .locationsOf(folder, key)
          .filter((l) => l.uri.toString() !== here)
          .map(plainFromLocation),
        ...scan.tags.filter((t) => t !== tag && incidentKey(t) === key).map((t) => plainLocation(document.uri, t)),
      ];
      if (others.length > 0) {
        const showArgs: ShowLocationsArgs = { at: plainLocation(document.uri, tag), locations: others };
        lenses.push(
          new vscode.CodeLens(range, {
            title:
              others.length === 1
                ? vscode.l10n.t('1 other location')
                : vscode.l10n.t('{0} other locations', others.length),
            command: Commands.showTagLocations,
            arguments: [showArgs],
            tooltip: vscode.l10n.t('Other code tagged {0}', tagName(tag)),
          }),
        );
      }
    }
    return lenses;
  }

  async resolveCodeLens(lens: vscode.CodeLens): Promise<vscode.CodeLens> {
    if (!(lens instanceof IncidentLens)) return lens;
    const [first, ...rest] = lens.documents;
    const summary = await this.index.summary(lens.folder, first);
    let title = summary ? incidentLensTitle(summary) : first.path;
    if (rest.length > 0) title += vscode.l10n.t(' (+{0} more: choose)', rest.length);
    lens.command = {
      title,
      command: Commands.openTagIncident,
      arguments: [lens.args],
      tooltip: lens.documents.map((d) => d.path).join('\n'),
    };
    return lens;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function enabled(uri: vscode.Uri): boolean {
  const config = vscode.workspace.getConfiguration(Settings.section, uri);
  return config.get<boolean>(Settings.tagsEnabled, true) && config.get<boolean>(Settings.tagsCodeLens, true);
}
