// The one size limit above which incident features do not parse a document: parsing a 20 MB file blocks the extension host for seconds.
import * as vscode from 'vscode';
import { Settings } from '../../constants';
import { DEFAULT_MAX_FILE_SIZE } from '../../core/sizeLimit';

export { DEFAULT_MAX_FILE_SIZE, formatSize } from '../../core/sizeLimit';

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
