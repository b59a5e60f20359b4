// The chart pages' webview panels (Show Trends, Show Error Budget): one panel per kind, its page built by a source, restored after a reload from the state the page kept.
import { newNonce } from '../shared/nonce';
import * as vscode from 'vscode';
import { CHARTS_VIEW_TYPE } from '../../constants';
import { chartsHtml } from '../../webview/chartsHtml';
import {
  chartsWebviewMessageSchema,
  type ChartsPage,
  type ChartsPageState,
  type ShowChartsMessage,
} from '../../webview/chartsProtocol';

/** Builds a page and answers its buttons. */
export interface ChartsSource {
  /** The page now; undefined when there is nothing to show (the source has said why). */
  compute(): Promise<ChartsPage | undefined>;
  /** "Open as Text": the page's text in an editor. */
  openText?(): Promise<void>;
}

/** Makes the source of a kind for a workspace folder (or none), e.g. when a panel is restored after a reload. */
export type ChartsSourceFactory = (folder: vscode.Uri | undefined) => ChartsSource;

/** One open chart page. */
class ChartsPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private page: ChartsPage | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    kind: ChartsPage['kind'],
    extensionUri: vscode.Uri,
    private source: ChartsSource,
    private readonly log: vscode.LogOutputChannel,
    onDispose: () => void,
  ) {
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    panel.webview.options = { enableScripts: true, localResourceRoots: [media] };
    panel.webview.html = chartsHtml({
      cspSource: panel.webview.cspSource,
      nonce: newNonce(),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'charts.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'charts.css')).toString(),
      title: panel.title,
      kind,
    });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      panel.onDidDispose(() => {
        onDispose();
        this.dispose();
      }),
    );
  }

  /** Shows `page` (computed by the caller) and uses `source` from now on. */
  show(source: ChartsSource, page: ChartsPage): void {
    this.source = source;
    this.page = page;
    this.panel.title = page.title;
    void this.panel.webview.postMessage({ type: 'show', page } satisfies ShowChartsMessage);
  }

  /** The page last sent, for tests. */
  get currentPage(): ChartsPage | undefined {
    return this.page;
  }

  private async refresh(): Promise<void> {
    const page = await this.source.compute();
    if (page) this.show(this.source, page);
  }

  private async receive(raw: unknown): Promise<void> {
    const parsed = chartsWebviewMessageSchema.safeParse(raw);
    if (!parsed.success) {
      this.log.warn(`Ignored a malformed chart page message: ${parsed.error.issues[0]?.message ?? 'unknown'}.`);
      return;
    }
    try {
      const message = parsed.data;
      switch (message.type) {
        case 'ready':
          // After a reload the page shows its saved copy; the host sends the current numbers (or the page it has).
          if (this.page) this.show(this.source, this.page);
          else await this.refresh();
          return;
        case 'refresh':
          await this.refresh();
          return;
        case 'openText':
          await this.source.openText?.();
          return;
        default: {
          const never: never = message;
          this.log.warn(`Unknown chart page message ${JSON.stringify(never)}`);
        }
      }
    } catch (e) {
      this.log.error(`The chart page failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    this.disposables.length = 0;
  }
}

/** Owns the chart panels, one per kind, and restores them after a reload. */
export class ChartsManager implements vscode.Disposable {
  private readonly panels = new Map<ChartsPage['kind'], ChartsPanel>();
  private readonly factories = new Map<ChartsPage['kind'], ChartsSourceFactory>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(CHARTS_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) =>
          this.restore(panel, state as ChartsPageState | undefined),
      }),
    );
  }

  /** Says how to build the page of `kind` for a folder, for panels restored after a reload. */
  registerSource(kind: ChartsPage['kind'], factory: ChartsSourceFactory): vscode.Disposable {
    this.factories.set(kind, factory);
    return new vscode.Disposable(() => this.factories.delete(kind));
  }

  /**
   * Computes the page of `kind` for `folder` (with `given`, else the registered source) and shows it
   * in its panel, opened beside the editor when new; resolves with the page.
   */
  async show(
    kind: ChartsPage['kind'],
    folder: vscode.Uri | undefined,
    given?: ChartsSource,
  ): Promise<ChartsPage | undefined> {
    const factory = this.factories.get(kind);
    const source = given ?? factory?.(folder);
    if (!source) return undefined;
    const page = await source.compute();
    if (!page) return undefined;
    let open = this.panels.get(kind);
    if (!open) {
      const panel = vscode.window.createWebviewPanel(
        CHARTS_VIEW_TYPE,
        page.title,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
        {
          enableScripts: true,
          retainContextWhenHidden: false,
          localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
        },
      );
      open = this.adopt(kind, panel, source);
    } else {
      open.panel.reveal(undefined, false);
    }
    open.show(source, page);
    return page;
  }

  /** The page shown for `kind`, for tests. */
  currentPage(kind: ChartsPage['kind']): ChartsPage | undefined {
    return this.panels.get(kind)?.currentPage;
  }

  private async restore(panel: vscode.WebviewPanel, state: ChartsPageState | undefined): Promise<void> {
    const kind = state?.page?.kind;
    const factory = kind ? this.factories.get(kind) : undefined;
    if (!kind || !factory || this.panels.has(kind)) {
      panel.dispose();
      return;
    }
    this.adopt(kind, panel, factory(state?.page?.folder ? vscode.Uri.parse(state.page.folder) : undefined));
  }

  private adopt(kind: ChartsPage['kind'], panel: vscode.WebviewPanel, source: ChartsSource): ChartsPanel {
    const open = new ChartsPanel(panel, kind, this.extensionUri, source, this.log, () => this.panels.delete(kind));
    this.panels.set(kind, open);
    return open;
  }

  dispose(): void {
    this.panels.forEach((p) => p.panel.dispose());
    this.disposables.forEach((d) => d.dispose());
  }
}
