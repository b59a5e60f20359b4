// The one size limit above which incident documents are not parsed (a 20 MB file took 17 s to lint), shared by the extension, the CLI and the language server.

/** The default of `incidentWorkbench.diagnostics.maxFileSize`, in bytes. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/** `820 KB`, `20.0 MB`. */
export function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The UTF-8 size of `text` without Node's Buffer, or a lower bound (its length) when that is already over `limit`. */
export function utf8Length(text: string, limit: number): number {
  if (text.length > limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair is one four-byte character.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
