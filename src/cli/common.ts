// What every CLI command shares: the output sinks, the usage error, and how the profile is chosen.
import * as path from 'node:path';
import { DEFAULT_PROFILE_NAME, findProfile, formatConfigProblem, profileNames, type Profile } from '../core';
import { applyWorkspaceSeverityMatrix, findWorkspaceRoot, loadConfigFile } from '../services/configService';

/** Output sinks, so tests can capture what a command prints. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Reads all of standard input, for `lint -`; absent where there is none to read. */
  readStdin?(): Promise<string>;
}

/** Raised for bad command-line input; the command prints it with its usage and exits 2. */
export class UsageError extends Error {}

/** The profile a command runs with, and the folder of the configuration file that chose it. */
export interface ChosenProfile {
  readonly profile: Profile;
  /** Absolute folder of the configuration file, when one was used; its folders are relative to it. */
  readonly configRoot?: string;
  /**
   * Absolute workspace root: the configuration file's folder, else the repository root (the
   * folder holding `.git`) above `searchFrom`, else `searchFrom`'s folder. Documents, slo.yaml and
   * tags are resolved from it.
   */
  readonly root: string;
}

/**
 * The profile from `--profile NAME` (a built-in), else `--config FILE`, else the
 * `.incident-workbench.yaml` of the workspace root found from `searchFrom` (`findWorkspaceRoot`),
 * else the default. Prints the
 * configuration file's problems; resolves undefined when it has errors (the command exits 2).
 * Throws `UsageError` for an unknown profile or both options at once.
 */
export async function chooseProfile(
  options: { profile?: string; config?: string; searchFrom: string },
  io: Io,
): Promise<ChosenProfile | undefined> {
  if (options.profile !== undefined && options.config !== undefined)
    throw new UsageError('--config and --profile cannot be used together.');
  const workspace = await findWorkspaceRoot(options.searchFrom);
  if (options.profile !== undefined) {
    const profile = findProfile(options.profile);
    if (!profile)
      throw new UsageError(`Unknown profile "${options.profile}". Built-in profiles: ${profileNames().join(', ')}.`);
    return withSeverityMatrix({ profile, root: workspace.root }, io);
  }
  const configFile = options.config ?? workspace.configFile;
  const loaded = configFile !== undefined ? await loadConfigFile(configFile) : undefined;
  if (!loaded)
    return withSeverityMatrix({ profile: findProfile(DEFAULT_PROFILE_NAME) as Profile, root: workspace.root }, io);
  const shown = path.relative(process.cwd(), loaded.path) || loaded.path;
  for (const problem of loaded.problems) io.err(formatConfigProblem(shown, problem));
  return loaded.profile
    ? withSeverityMatrix({ profile: loaded.profile, configRoot: loaded.root, root: loaded.root }, io)
    : undefined;
}

/**
 * The chosen profile with the workspace's severity matrix as its scale (harness:
 * docs/runbooks/severity-matrix.md in the workspace root).
 * Prints the matrix's problems; undefined when it has errors.
 */
async function withSeverityMatrix(chosen: ChosenProfile, io: Io): Promise<ChosenProfile | undefined> {
  const matrix = await applyWorkspaceSeverityMatrix(chosen.root, chosen.profile);
  if (matrix.path) {
    const shown = path.relative(process.cwd(), matrix.path) || matrix.path;
    for (const problem of matrix.problems) io.err(formatConfigProblem(shown, problem));
  }
  return matrix.profile ? { ...chosen, profile: matrix.profile } : undefined;
}
