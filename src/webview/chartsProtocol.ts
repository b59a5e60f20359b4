// The chart pages' messages between the extension host and the webview. The page's messages are checked with zod on the host; the host's are built from core's types.
import * as z from 'zod';
import type { ChartView } from '../core/charts/views';

/** What a chart page shows: trends of the index, or the error budget of each SLO with its text report. */
export interface ChartsPage {
  readonly kind: 'trends' | 'budget';
  readonly title: string;
  /** The workspace folder's URI the page was computed for, to compute it again after a reload. */
  readonly folder?: string;
  /** Paragraphs above the charts (where the numbers come from). */
  readonly intro: readonly string[];
  readonly views: readonly ChartView[];
  /** The report as text, shown beside the charts for screen readers and copying (error budget). */
  readonly text?: string;
  /** The labels of the page's buttons, in the user's language. */
  readonly labels: {
    readonly refresh: string;
    readonly openText?: string;
    readonly data: string;
    readonly empty: string;
  };
}

/** Host → page: the page to draw. */
export interface ShowChartsMessage {
  readonly type: 'show';
  readonly page: ChartsPage;
}

/** Page → host. `ready`: the page has loaded; `refresh`: compute the page again; `openText`: open the text report in an editor. */
export const chartsWebviewMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }).strict(),
  z.object({ type: z.literal('refresh') }).strict(),
  z.object({ type: z.literal('openText') }).strict(),
]);
export type ChartsWebviewMessage = z.infer<typeof chartsWebviewMessageSchema>;

/** What the page keeps in VS Code's webview state, and what the panel serializer restores from. */
export interface ChartsPageState {
  readonly page?: ChartsPage;
}
