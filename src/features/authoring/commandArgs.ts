// Reads the optional argument object of an authoring command (from tests, keybindings or other extensions), checking each field's type.
import * as vscode from 'vscode';

/**
 * The argument object, or undefined when the command was run without one (from the palette)
 * or with a URI (from a menu). Throws, naming the field, when a listed field is not a string.
 */
export function readArgs<K extends string>(
  value: unknown,
  fields: readonly K[],
): Partial<Record<K, string>> | undefined {
  if (
    value === undefined ||
    value === null ||
    value instanceof vscode.Uri ||
    typeof value !== 'object' ||
    Array.isArray(value)
  )
    return undefined;
  const record = value as Record<string, unknown>;
  const out: Partial<Record<K, string>> = {};
  for (const field of fields) {
    const v = record[field];
    if (v === undefined) continue;
    if (typeof v !== 'string') throw new Error(`The command's "${field}" argument must be a string.`);
    out[field] = v;
  }
  return out;
}

/** The `ifExists` argument: what to do, without asking, when the file is there already. */
export function ifExistsArg(value: string | undefined): 'open' | 'next' | 'fail' {
  if (value === undefined || value === 'fail') return 'fail';
  if (value === 'open' || value === 'next') return value;
  throw new Error(`The command's "ifExists" argument must be "open", "next" or "fail", not "${value}".`);
}
