// The arguments the CodeLens, hover and tree pass to the tag commands: plain data, so they survive a command URI.
import * as vscode from 'vscode';
import type { IncidentTag } from '../../core/tags';
import type { TagLocation } from './TagIndexManager';

/** What `incidentWorkbench.openTagIncident` receives. */
export interface OpenIncidentArgs {
  /** The workspace folder's URI, as a string. */
  readonly folder: string;
  /** The tag as written: `INCIDENT-2026-03-15 payments-crashloop`. */
  readonly tag: string;
  /** Relative paths of the documents the tag links to; empty when none does. */
  readonly documents: readonly string[];
  /** Why nothing matches and where the document was expected (TG001's message), when `documents` is empty. */
  readonly message?: string;
}

/** A place in a file, 0-based. */
export interface PlainLocation {
  readonly uri: string;
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

/** What `incidentWorkbench.showTagLocations` receives. */
export interface ShowLocationsArgs {
  /** Where the peek view opens. */
  readonly at: PlainLocation;
  /** The other tagged places of the incident. */
  readonly locations: readonly PlainLocation[];
}

/** The tag's head as written (core's, shared with the language server). */
export { tagName } from '../../core/tags';

/** A tag's place as plain data. */
export function plainLocation(uri: vscode.Uri, tag: IncidentTag): PlainLocation {
  const r = tag.headRange;
  return {
    uri: uri.toString(),
    line: r.start.line,
    character: r.start.character,
    endLine: r.end.line,
    endCharacter: r.end.character,
  };
}

/** A tag location of the index as plain data. */
export function plainFromLocation(location: TagLocation): PlainLocation {
  return plainLocation(location.uri, location.tag);
}

/** Plain data back into a VS Code location. */
export function toVsLocation(p: PlainLocation): vscode.Location {
  return new vscode.Location(vscode.Uri.parse(p.uri), new vscode.Range(p.line, p.character, p.endLine, p.endCharacter));
}
