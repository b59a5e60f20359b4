// The server's custom requests: core's incident summaries, tag index and action items as plain JSON, for clients' trees and commands.
import type { ActionItemCounts, ActionItemSummary, IncidentSummary } from '../core/incident/summary';
import { METRIC_IDS, type MetricId } from '../core/metrics';
import type { DocumentKind } from '../core/profiles/types';
import { DOCUMENT_KINDS } from '../core/profiles/types';
import { linkTag, tagName } from '../core/tags';
import type { Range } from '../core/markdown/position';
import { tagsOf } from './hoverAndLens';
import type { WorkspaceModel } from './WorkspaceModel';
import { pathToUri } from './uri';

/** Parameters of the custom requests: all optional. */
export interface SummariesParams {
  /** Only documents of these kinds (all by default). */
  readonly kinds?: readonly DocumentKind[];
}

/** One incident document's summary as plain JSON: core's summary without its parsed model. */
export interface SummaryJson {
  readonly uri: string;
  readonly path: string;
  readonly kind: DocumentKind;
  readonly kindLabel: string;
  readonly title: string;
  /** `YYYY-MM-DD`, or empty. */
  readonly dateText: string;
  readonly severity: string | undefined;
  readonly severityRank: number | undefined;
  readonly status: string | undefined;
  readonly services: readonly string[];
  readonly service: string | undefined;
  readonly summary: string | undefined;
  readonly rootCause: string | undefined;
  /** Minutes per measure (timeToDetect, timeToMitigate, timeToRecover, duration); null when not computable. */
  readonly metrics: Readonly<Record<MetricId, number | null>>;
  readonly actionItems: readonly ActionItemSummary[];
  readonly actionItemCounts: ActionItemCounts | undefined;
}

/** `incidentWorkbench/summaries`'s answer. */
export interface SummariesResult {
  readonly profile: string;
  readonly summaries: readonly SummaryJson[];
}

/** One tag of an open document and the documents it links to. */
export interface TagJson {
  readonly uri: string;
  readonly tag: string;
  readonly range: Range;
  /** Relative paths; empty for a tag that links to nothing (TG001). */
  readonly documents: readonly string[];
}

/** `incidentWorkbench/tagIndex`'s answer. */
export interface TagIndexResult {
  /** The postmortems and incident records tags can link to, by their file names. */
  readonly documents: ReadonlyArray<{ path: string; kind: DocumentKind; dateText: string; slug: string | undefined }>;
  /** The tags of the documents open in the client. */
  readonly tags: readonly TagJson[];
}

/** One action item with its document. */
export interface ActionItemJson extends ActionItemSummary {
  readonly uri: string;
  readonly path: string;
  readonly documentTitle: string;
}

/** `incidentWorkbench/actionItems`'s answer. */
export interface ActionItemsResult {
  readonly items: readonly ActionItemJson[];
}

/** Checks the optional `kinds` parameter; returns the message of what is wrong, or undefined. */
export function checkSummariesParams(params: unknown): string | undefined {
  if (params === undefined || params === null) return undefined;
  if (typeof params !== 'object' || Array.isArray(params))
    return 'the parameters must be an object, e.g. {"kinds": ["postmortem"]}';
  const kinds = (params as { kinds?: unknown }).kinds;
  if (kinds === undefined) return undefined;
  if (!Array.isArray(kinds) || kinds.some((k) => !DOCUMENT_KINDS.includes(k as DocumentKind)))
    return `"kinds" must be a list of ${DOCUMENT_KINDS.join(', ')}`;
  return undefined;
}

export async function summaries(model: WorkspaceModel, params: SummariesParams | undefined): Promise<SummariesResult> {
  const kinds = params?.kinds;
  const out: SummaryJson[] = [];
  for (const entry of await model.documents()) {
    if (!entry.summary || (kinds && !kinds.includes(entry.summary.kind))) continue;
    out.push(summaryJson(pathToUri(entry.path), entry.summary));
  }
  return { profile: model.profile.name, summaries: out };
}

export async function tagIndex(model: WorkspaceModel, openPaths: readonly string[]): Promise<TagIndexResult> {
  const refs = await model.incidentRefs();
  const tags: TagJson[] = [];
  for (const path of openPaths) {
    const entry = model.openEntry(path);
    if (!entry || entry.tooLarge) continue;
    for (const tag of tagsOf(model, entry).tags)
      tags.push({
        uri: pathToUri(path),
        tag: tagName(tag),
        range: tag.headRange,
        documents: linkTag(tag, refs).map((d) => d.path),
      });
  }
  return {
    documents: refs.map((r) => ({ path: r.path, kind: r.kind, dateText: r.dateText, slug: r.slug })),
    tags,
  };
}

export async function actionItems(model: WorkspaceModel): Promise<ActionItemsResult> {
  const items: ActionItemJson[] = [];
  for (const entry of await model.documents()) {
    const s = entry.summary;
    if (!s) continue;
    for (const item of s.actionItems)
      items.push({ ...item, uri: pathToUri(entry.path), path: s.path, documentTitle: s.title });
  }
  return { items };
}

function summaryJson(uri: string, s: IncidentSummary): SummaryJson {
  const metrics = Object.fromEntries(METRIC_IDS.map((id) => [id, s.metrics[id].minutes])) as Record<
    MetricId,
    number | null
  >;
  return {
    uri,
    path: s.path,
    kind: s.kind,
    kindLabel: s.kindLabel,
    title: s.title,
    dateText: s.dateText,
    severity: s.severity,
    severityRank: s.severityRank,
    status: s.status,
    services: s.services,
    service: s.service,
    summary: s.summary,
    rootCause: s.rootCause,
    metrics,
    actionItems: s.actionItems,
    actionItemCounts: s.actionItemCounts,
  };
}
