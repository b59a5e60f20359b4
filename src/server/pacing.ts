// When the server lints a document it is pushing findings for: the latest version only, one lint of a document at a
// time, and a short wait only while a burst of changes is going on. Plain timers only (no Node APIs).

/** How the pacer waits. */
export interface PacingOptions {
  /**
   * The wait before linting a change that came within `burstGapMs` of the one before it (typing): a lint started
   * in the middle of a burst is work thrown away at the next key and delays the findings of the last one.
   */
  readonly debounceMs: number;
  /** Changes closer together than this are one burst; the first change after a pause is linted at once. */
  readonly burstGapMs: number;
  /**
   * Wait inside a burst only when the document's last lint took longer than the gap between its last two changes
   * (a lint that ends before the next key costs the last key nothing), and then 1.25 times that gap, at most
   * `debounceMs`. Off: always `debounceMs` inside a burst.
   */
  readonly adaptive?: boolean;
}

/** The defaults: see BENCHMARKS.md, "Keystroke to findings", for the measurements behind them. */
export const DEFAULT_PACING: PacingOptions = { debounceMs: 100, burstGapMs: 150, adaptive: true };

interface DocumentPace {
  timer: ReturnType<typeof setTimeout> | undefined;
  running: boolean;
  /** A lint was asked for while one was running: run again (for the newest version) when it ends. */
  again: boolean;
  lastChange: number;
  /** Whether the last change came within `burstGapMs` of the one before it. */
  inBurst: boolean;
  /** Milliseconds between the last two changes. */
  gap: number;
  /** Milliseconds the last lint of the document took (0 before the first). */
  lintMs: number;
}

/**
 * Runs `lint(uri)` for documents that changed, never two at once for one document, coalescing changes that come
 * while one waits or runs into one more run. `lint` lints the document's newest version and publishes it only if
 * it is still the newest when done.
 */
export class LintPacer {
  private readonly documents = new Map<string, DocumentPace>();

  constructor(
    private readonly lint: (uri: string) => Promise<void>,
    private readonly options: PacingOptions = DEFAULT_PACING,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** The document's text changed (or it opened): lint it now, or after `debounceMs` inside a burst. */
  changed(uri: string): void {
    const pace = this.note(uri);
    this.arm(uri, pace, this.wait(pace));
  }

  /** How long a lint of the document took (the server measures it): the adaptive wait is based on it. */
  linted(uri: string, ms: number): void {
    const pace = this.documents.get(uri);
    if (pace) pace.lintMs = ms;
  }

  /** Pull mode: notes a change (nothing is armed; the client asks for the findings). */
  note(uri: string): DocumentPace {
    const pace = this.pace(uri);
    const now = this.clock();
    pace.gap = now - pace.lastChange;
    pace.inBurst = pace.gap < this.options.burstGapMs;
    pace.lastChange = now;
    return pace;
  }

  /**
   * Pull mode: how long a request for the findings should wait before linting: until `debounceMs` after the last
   * change when that change was part of a burst (the next key's request then replaces this one), else 0.
   */
  settleDelay(uri: string): number {
    const pace = this.documents.get(uri);
    if (!pace) return 0;
    return Math.max(0, pace.lastChange + this.wait(pace) - this.clock());
  }

  /** The wait after the document's last change before it is linted. */
  private wait(pace: DocumentPace): number {
    if (!pace.inBurst) return 0;
    if (!this.options.adaptive) return this.options.debounceMs;
    return pace.lintMs > pace.gap ? Math.min(this.options.debounceMs, Math.ceil(pace.gap * 1.25)) : 0;
  }

  /** Something besides the document changed (configuration, other files): lint it again soon, without a wait. */
  relint(uri: string): void {
    const pace = this.pace(uri);
    if (!pace.timer) this.arm(uri, pace, 0);
  }

  /** The document closed: nothing more is linted for it (a lint running finishes; its caller drops the result). */
  forget(uri: string): void {
    const pace = this.documents.get(uri);
    if (pace?.timer) clearTimeout(pace.timer);
    this.documents.delete(uri);
  }

  /** Whether a lint of `uri` waits or runs (for tests). */
  busy(uri: string): boolean {
    const pace = this.documents.get(uri);
    return pace !== undefined && (pace.running || pace.timer !== undefined || pace.again);
  }

  private pace(uri: string): DocumentPace {
    let pace = this.documents.get(uri);
    if (!pace) {
      pace = {
        timer: undefined,
        running: false,
        again: false,
        lastChange: Number.NEGATIVE_INFINITY,
        inBurst: false,
        gap: Number.POSITIVE_INFINITY,
        lintMs: 0,
      };
      this.documents.set(uri, pace);
    }
    return pace;
  }

  private arm(uri: string, pace: DocumentPace, delay: number): void {
    if (pace.timer) clearTimeout(pace.timer);
    // Even without a wait, a timer: the messages already received (more keys) are handled before the lint starts.
    pace.timer = setTimeout(() => {
      pace.timer = undefined;
      this.fire(uri, pace);
    }, delay);
  }

  private fire(uri: string, pace: DocumentPace): void {
    if (pace.running) {
      pace.again = true;
      return;
    }
    pace.running = true;
    pace.again = false;
    void this.lint(uri)
      .catch(() => undefined)
      .finally(() => {
        pace.running = false;
        if (!pace.again) return;
        pace.again = false;
        if (this.documents.get(uri) === pace && !pace.timer) this.arm(uri, pace, 0);
      });
  }
}
