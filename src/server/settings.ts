// The editor settings the language server honours, read from `initializationOptions` or `workspace/didChangeConfiguration`.

/** What the server takes from the editor's `incidentWorkbench.*` settings. */
export interface ClientSettings {
  /** The built-in profile used when the workspace has no `.incident-workbench.yaml` (setting `profile.name`). */
  readonly defaultProfile?: string;
  /** False: open documents get no findings (setting `diagnostics.enabled`). */
  readonly diagnosticsEnabled?: boolean;
  /** Documents over this many bytes are not linted (setting `diagnostics.maxFileSize`). */
  readonly maxFileSize?: number;
  /** A baseline file relative to the workspace root: the findings it holds are hints (setting `diagnostics.baseline`). */
  readonly baseline?: string;
}

/**
 * The settings in `value`: either the flat `ClientSettings` shape, or VS Code's configuration section
 * `{ incidentWorkbench: { profile: { name }, diagnostics: { enabled, maxFileSize, baseline } } }` as
 * `synchronize.configurationSection` sends it. Fields of the wrong type are left out.
 */
export function readClientSettings(value: unknown): ClientSettings {
  const root = record(value);
  const section = record(root.incidentWorkbench);
  if (Object.keys(section).length === 0) return pick(root);
  const profile = record(section.profile);
  const diagnostics = record(section.diagnostics);
  return pick({
    defaultProfile: profile.name ?? section['profile.name'],
    diagnosticsEnabled: diagnostics.enabled ?? section['diagnostics.enabled'],
    maxFileSize: diagnostics.maxFileSize ?? section['diagnostics.maxFileSize'],
    baseline: diagnostics.baseline ?? section['diagnostics.baseline'],
  });
}

function pick(v: Record<string, unknown>): ClientSettings {
  return {
    ...(typeof v.defaultProfile === 'string' && v.defaultProfile ? { defaultProfile: v.defaultProfile } : {}),
    ...(typeof v.diagnosticsEnabled === 'boolean' ? { diagnosticsEnabled: v.diagnosticsEnabled } : {}),
    ...(typeof v.maxFileSize === 'number' && Number.isFinite(v.maxFileSize) && v.maxFileSize > 0
      ? { maxFileSize: v.maxFileSize }
      : {}),
    ...(typeof v.baseline === 'string' ? { baseline: v.baseline } : {}),
  };
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
