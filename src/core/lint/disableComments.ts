// Reads inline `<!-- incident-workbench-disable ... -->` comments into a per-line filter.
import { ruleIdFor } from '../rules/index';

const COMMENT =
  /<!--\s*incident-workbench-(disable-file|disable-next-line|disable-line|disable|enable)((?:\s+[A-Za-z][\w-]*)*)\s*-->/g;

/** Answers whether a rule is disabled on a line. */
export type DisabledAt = (ruleId: string, line: number) => boolean;

/**
 * Builds the filter for `lines`. Forms, as markdownlint's:
 * `disable [IDS]` until `enable [IDS]`; `disable-line [IDS]`; `disable-next-line [IDS]`;
 * `disable-file [IDS]`. No ids means every rule; a rule is named by its id or its name.
 */
export function readDisableComments(lines: readonly string[]): DisabledAt {
  const ALL = '*';
  const fileWide = new Set<string>();
  const lineOnly = new Map<number, Set<string>>();
  // Ranges as a list of [ruleId, fromLine, toLineExclusive].
  const spans: Array<[string, number, number]> = [];
  const open = new Map<string, number>();

  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    if (!text.includes('incident-workbench-')) continue;
    for (const m of text.matchAll(COMMENT)) {
      const ids = m[2].trim()
        ? m[2]
            .trim()
            .split(/\s+/)
            .map((s) => ruleIdFor(s) ?? s.toUpperCase())
        : [ALL];
      switch (m[1]) {
        case 'disable-file':
          ids.forEach((id) => fileWide.add(id));
          break;
        case 'disable-line':
        case 'disable-next-line': {
          const target = m[1] === 'disable-line' ? i : i + 1;
          const set = lineOnly.get(target) ?? new Set<string>();
          ids.forEach((id) => set.add(id));
          lineOnly.set(target, set);
          break;
        }
        case 'disable':
          ids.forEach((id) => {
            if (!open.has(id)) open.set(id, i);
          });
          break;
        case 'enable':
          for (const id of ids) {
            if (id === ALL) {
              open.forEach((from, key) => spans.push([key, from, i]));
              open.clear();
            } else if (open.has(id)) {
              spans.push([id, open.get(id) as number, i]);
              open.delete(id);
            }
          }
          break;
      }
    }
  }
  open.forEach((from, key) => spans.push([key, from, Number.MAX_SAFE_INTEGER]));

  if (fileWide.size === 0 && lineOnly.size === 0 && spans.length === 0) return () => false;
  return (ruleId, line) => {
    if (fileWide.has(ALL) || fileWide.has(ruleId)) return true;
    const only = lineOnly.get(line);
    if (only && (only.has(ALL) || only.has(ruleId))) return true;
    return spans.some(([id, from, to]) => (id === ALL || id === ruleId) && line >= from && line < to);
  };
}
