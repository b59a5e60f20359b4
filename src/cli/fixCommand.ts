// `lint --fix`: applies core's fixes that cannot lose text to the files lint would lint, writes only the files that changed, and says what changed.
import { applyTextKeepingFixes } from '../core/fixes/fixes';
import { readText } from '../services/fileSystemService';
import { writeText } from '../services/indexService';
import { isLinted, lintOptionsOf, relativeToRoot, type LintCommandOptions } from './lintCommand';
import type { LintTarget } from './lintTargets';

/** Fixes `targets` in place; returns one line per changed file (`path: fixed N: title; title`), then a total. */
export async function fixFiles(targets: readonly LintTarget[], options: LintCommandOptions): Promise<string[]> {
  const lines: string[] = [];
  let files = 0;
  let fixes = 0;
  for (const target of targets) {
    if (!isLinted(target, options)) continue;
    const text = await readText(target.file);
    const result = applyTextKeepingFixes(
      relativeToRoot(target.file, options.root),
      text,
      options.profile,
      options.kind,
      lintOptionsOf(options),
    );
    if (result.applied.length === 0 || result.text === text) continue;
    await writeText(target.file, result.text);
    files++;
    fixes += result.applied.length;
    lines.push(`${target.file}: fixed ${result.applied.length}: ${result.applied.join('; ')}.`);
  }
  lines.push(
    `--fix: ${fixes} fix${fixes === 1 ? '' : 'es'} applied to ${files} file${files === 1 ? '' : 's'}; the findings below are those left.`,
  );
  return lines;
}
