// What the editor keeps of one workspace's severity matrix file: the last good scale, the problems to show, and the profiles built from it.
import type { Profile, SeverityLevel } from '../profiles/types';
import type { SeverityMatrixResult } from './severityMatrix';
import type { ConfigProblem } from './types';

/** Appended to each error in a matrix that has never been good (the profile's own scale is used meanwhile). */
export const MATRIX_BUILT_IN_NOTE = "The profile's built-in severity scale is used until this is fixed.";
/** Appended to each error in a matrix that was good before (its last good version stays in use). */
export const MATRIX_LAST_GOOD_NOTE = 'The last valid version of the severity matrix stays in use until this is fixed.';

/**
 * One matrix file as the editor sees it over time. A good reading becomes the scale; a bad
 * reading leaves the last good scale in force (or, if there never was one, the profile's own)
 * and says so in every error; a missing file means no matrix. Plain data, no IO: the caller
 * reads the file and parses it (`parseSeverityMatrix`) and applies it (`applySeverityMatrix`),
 * which keeps the Markdown parser out of whoever holds this.
 */
export class SeverityMatrixState {
  private levels: readonly SeverityLevel[] | undefined;
  private levelsKey = '';
  /** Profiles with the matrix applied, by base profile: the same base gives the same object until the scale changes. */
  private applied = new WeakMap<Profile, Profile>();
  private current: readonly ConfigProblem[] = [];

  /** The problems of the last reading, as shown on the matrix file. */
  get problems(): readonly ConfigProblem[] {
    return this.current;
  }

  /** Whether a good matrix is in force. */
  get inForce(): boolean {
    return this.levels !== undefined;
  }

  /**
   * Takes a new reading of the file (`undefined`: the file is gone). Returns whether the scale
   * in force changed, i.e. whether profiles built before are stale.
   */
  read(result: SeverityMatrixResult | undefined): boolean {
    if (!result) {
      const changed = this.levels !== undefined;
      this.forget();
      this.current = [];
      return changed;
    }
    this.current = this.describe(result);
    if (!result.levels) return false;
    const key = JSON.stringify(result.levels);
    if (key === this.levelsKey) return false;
    this.levels = result.levels;
    this.levelsKey = key;
    this.applied = new WeakMap();
    return true;
  }

  /** The problems of `result` as they would be shown now, each error saying which scale is used meanwhile. */
  describe(result: SeverityMatrixResult): readonly ConfigProblem[] {
    if (result.levels) return result.problems;
    const note = this.levels ? MATRIX_LAST_GOOD_NOTE : MATRIX_BUILT_IN_NOTE;
    return result.problems.map((p) => (p.severity === 'error' ? { ...p, message: `${p.message}. ${note}` } : p));
  }

  /** `base` with the scale in force; `base` itself when there is none. The same `base` gives the same object while the scale stands. */
  apply(base: Profile, applyMatrix: (profile: Profile, levels: readonly SeverityLevel[]) => Profile): Profile {
    if (!this.levels) return base;
    let profile = this.applied.get(base);
    if (!profile) {
      profile = applyMatrix(base, this.levels);
      this.applied.set(base, profile);
    }
    return profile;
  }

  private forget(): void {
    this.levels = undefined;
    this.levelsKey = '';
    this.applied = new WeakMap();
  }
}
