// The shapes of service level objectives as read from slo.yaml, whatever form the file uses.
import type { Range } from '../markdown/position';

/** The forms of slo.yaml that are read. */
export type SloFormat = 'openslo' | 'sloth' | 'short';

/** The units of a window's duration, as OpenSLO writes them: minutes, hours, days, weeks, months, quarters, years. */
export type DurationUnit = 'm' | 'h' | 'd' | 'w' | 'M' | 'Q' | 'Y';

/** The time window an objective is measured over. */
export interface SloWindow {
  /** `rolling`: the `duration` up to a moment. `calendar`: the calendar period that holds the moment. */
  readonly kind: 'rolling' | 'calendar';
  /** The duration as written, e.g. `30d`, `4w`, `1M`. */
  readonly duration: string;
  readonly count: number;
  readonly unit: DurationUnit;
  /** Calendar windows: when the first period starts, minutes since 1970 UTC (OpenSLO `calendar.startTime` in its `timeZone`). */
  readonly anchor?: number;
}

/** One objective of one service. */
export interface SloDefinition {
  /** Unique within the file: the SLO's name (OpenSLO `metadata.name`, Sloth `name`), else the service. */
  readonly name: string;
  readonly service: string;
  /** The target in percent, e.g. 99.9. */
  readonly objective: number;
  readonly window: SloWindow;
  /** OpenSLO's `budgetingMethod` (Occurrences, Timeslices, RatioTimeslices), when given. */
  readonly budgetingMethod?: string;
  readonly description?: string;
  readonly format: SloFormat;
  /** Where the definition starts in the file (0-based). */
  readonly range: Range;
  /** Defaults the file left to the tool, stated so they are not mistaken for facts ("window not given: 30 days"). */
  readonly assumptions: readonly string[];
}

/** Something wrong in slo.yaml, located at its line. */
export interface SloProblem {
  /** `error`: the definition it is in is not used. `warning`: it is used, the flagged part ignored. */
  readonly severity: 'error' | 'warning';
  /** Starts with the key path, e.g. `slos[0].objective: must be a number above 0 and below 100 (got "high")`. */
  readonly message: string;
  readonly range: Range;
}

/** The result of reading slo.yaml. */
export interface SloFile {
  /** The definitions without errors, in file order. */
  readonly slos: readonly SloDefinition[];
  readonly problems: readonly SloProblem[];
  readonly fileName: string;
}
