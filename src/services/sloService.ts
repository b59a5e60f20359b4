// Finds and reads slo.yaml from disk (size-bounded) and hands its text to core's parseSloFile.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { MAX_SLO_BYTES, parseSloFile, SLO_FILE_NAMES, type SloFile } from '../core/slo';

/** The SLO file directly in `root`: slo.yaml, slo.yml, slos.yaml or slos.yml; undefined when there is none. */
export async function findSloFile(root: string): Promise<string | undefined> {
  for (const name of SLO_FILE_NAMES) {
    const candidate = path.join(root, name);
    try {
      if ((await fs.stat(candidate)).isFile()) return candidate;
    } catch {
      // Not there; try the next name.
    }
  }
  return undefined;
}

/**
 * Reads and parses the SLO file at `file`. Never throws for a bad or unreadable file: a file
 * that cannot be read, or is over `MAX_SLO_BYTES`, comes back with one error at its top.
 */
export async function loadSloFile(file: string): Promise<SloFile> {
  const fileName = path.basename(file);
  const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory())
      return {
        slos: [],
        problems: [{ severity: 'error', message: 'this is a folder, not a file', range: top }],
        fileName,
      };
    if (stat.size > MAX_SLO_BYTES) {
      return {
        slos: [],
        problems: [
          {
            severity: 'error',
            message: `the file is larger than ${MAX_SLO_BYTES / 1024} KiB, the limit for an SLO file`,
            range: top,
          },
        ],
        fileName,
      };
    }
    return parseSloFile(await fs.readFile(file, 'utf8'), fileName);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'the file does not exist' : `the file cannot be read (${code ?? String(e)})`;
    return { slos: [], problems: [{ severity: 'error', message, range: top }], fileName };
  }
}
