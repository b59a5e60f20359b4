// The markdown-it plugin for VS Code's Markdown preview: a severity badge and metrics strip under a postmortem's title, overdue action items marked.
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { summarizeIncident } from '../../core/incident/summary';
import { kindFromProfileFolders } from '../../core/lint/documentKind';
import { previewDecorations, previewHeaderHtml } from '../../core/metrics';
import { chartFigureHtml, viewFromXyChart } from '../../core/charts';
import { isIndexMarker } from '../../core/incidentIndex';
import type { CalendarDate } from '../../core/postmortem/dates';
import type { SloDefinition } from '../../core/slo';
import { workspaceRelativePath, type ProfileSource } from '../shared/profileSettings';

/** What the plugin needs from the extension. */
export interface PreviewDeps {
  readonly profiles: ProfileSource;
  readonly slosFor: (uri: vscode.Uri) => readonly SloDefinition[];
  readonly log?: vscode.LogOutputChannel;
  /** Today, for overdue action items; the local date by default. */
  readonly today?: () => CalendarDate;
}

const HEADER = 'incident_workbench_header';

/** The render-time state kept in markdown-it's `env` for one render. */
interface Env {
  currentDocument?: unknown;
  incidentWorkbenchOverdue?: ReadonlyMap<number, string>;
}

/**
 * Extends VS Code's markdown-it instance (`markdown.markdownItPlugins`). Parsing only marks where
 * the header goes and keeps the source; what the header shows is decided at render time, when
 * VS Code passes the document's URI in `env.currentDocument` (parsed tokens are cached and
 * shared, so they are not changed per document). Nothing remote is loaded: the HTML is
 * text and classes styled by media/preview.css.
 */
export function extendMarkdownIt(md: MarkdownIt, deps: PreviewDeps): MarkdownIt {
  md.core.ruler.push('incident_workbench', (state) => {
    if (state.inlineMode) return;
    const token = new state.Token(HEADER, '', 0);
    token.block = true;
    token.meta = { src: state.src };
    const title = state.tokens.findIndex((t) => t.type === 'heading_close' && t.tag === 'h1');
    state.tokens.splice(title >= 0 ? title + 1 : 0, 0, token);
  });

  // The index's trend charts (Mermaid xychart-beta inside its generated block) are drawn as SVG with their numbers in a table.
  md.core.ruler.push('incident_workbench_index_charts', (state) => {
    let inBlock = false;
    for (const token of state.tokens) {
      if (token.type === 'html_block' && isIndexMarker(token.content, 'begin')) inBlock = true;
      else if (token.type === 'html_block' && isIndexMarker(token.content, 'end')) inBlock = false;
      else if (inBlock && token.type === 'fence' && token.info.trim() === 'mermaid')
        token.meta = { ...(token.meta as object | null), iwIndexChart: true };
    }
  });
  const fence = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if ((token.meta as { iwIndexChart?: boolean } | null)?.iwIndexChart) {
      const view = viewFromXyChart(token.content, `index-chart-${idx}`);
      if (view) return chartFigureHtml(view);
    }
    return fence ? fence(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };

  md.renderer.rules[HEADER] = (tokens, idx, _options, env: Env) => {
    env.incidentWorkbenchOverdue = undefined;
    const uri = env.currentDocument instanceof vscode.Uri ? env.currentDocument : undefined;
    const src = (tokens[idx].meta as { src?: string } | null)?.src;
    if (!uri || typeof src !== 'string') return '';
    try {
      const relative = workspaceRelativePath(uri);
      if (!relative) return '';
      const profile = deps.profiles.profileFor(uri);
      // Only documents in the profile's folders: the summary takes any other Markdown for a postmortem.
      if (kindFromProfileFolders(relative, profile) === undefined) return '';
      const summary = summarizeIncident({ path: relative, text: src, profile });
      if (summary.kind !== 'postmortem') return '';
      const decorations = previewDecorations(summary, { today: (deps.today ?? localToday)(), slos: deps.slosFor(uri) });
      env.incidentWorkbenchOverdue = new Map(decorations.overdue.map((o) => [o.line, o.due]));
      return previewHeaderHtml(decorations);
    } catch (e) {
      // A preview must render even when the decorations fail; say why in the log.
      deps.log?.error(
        `Preview decorations for ${uri.fsPath} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      );
      return '';
    }
  };

  for (const type of ['tr_open', 'list_item_open']) {
    const previous = md.renderer.rules[type];
    md.renderer.rules[type] = (tokens, idx, options, env: Env, self) => {
      const token = tokens[idx];
      // Tokens are cached between renders: take off what an earlier render added before deciding again.
      removeClass(token, 'iw-overdue');
      if (token.attrGet('data-iw-due') !== null)
        token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'data-iw-due' && name !== 'title');
      const due = token.map ? env.incidentWorkbenchOverdue?.get(token.map[0]) : undefined;
      if (due !== undefined) {
        token.attrJoin('class', 'iw-overdue');
        token.attrSet('data-iw-due', due);
        token.attrSet('title', `Overdue: due ${due}`);
      }
      return previous ? previous(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
    };
  }
  return md;
}

function removeClass(
  token: {
    attrGet(name: string): string | null;
    attrSet(name: string, value: string): void;
    attrs: Array<[string, string]> | null;
  },
  cls: string,
): void {
  const current = token.attrGet('class');
  if (current === null || !current.split(/\s+/).includes(cls)) return;
  const rest = current
    .split(/\s+/)
    .filter((c) => c && c !== cls)
    .join(' ');
  if (rest) token.attrSet('class', rest);
  else token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'class');
}

function localToday(): CalendarDate {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}
