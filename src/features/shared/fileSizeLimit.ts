// The one size limit above which incident features do not parse a document: parsing a 20 MB file blocks the extension host for seconds.
import * as vscode from 'vscode';
import { Settings } from '../../constants';

/** The default of `incidentWorkbench.diagnostics.maxFileSize`, in bytes (a 20 MB file took 17 s to lint). */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/** The size limit in bytes that applies to `uri` (the setting, or the default when it is not a positive number). */
export function maxFileSize(uri: vscode.Uri): number {
  const value = vscode.workspace
    .getConfiguration(Settings.section, uri)
    .get<number>(Settings.diagnosticsMaxFileSize, DEFAULT_MAX_FILE_SIZE);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_MAX_FILE_SIZE;
}

/** The UTF-8 size of `text`, or a lower bound (its length) when that is already over `limit`: no need to count further. */
export function byteLength(text: string, limit: number): number {
  return text.length > limit ? text.length : new TextEncoder().encode(text).length;
}

/** `820 KB`, `20.0 MB`. */
export function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
