// A small test harness for VS Code's web worker extension host, where mocha's Node runner cannot load: `describe` and
// `it` with async bodies, run in order, results in the shape scripts/integration.mjs prints (as the Node runner's).
export interface TestResult {
  readonly title: string;
  readonly fullTitle: string;
  readonly titlePath: string[];
  readonly state: 'passed' | 'failed';
  readonly durationMs: number;
  readonly error?: { message: string; stack?: string };
}

export interface Results {
  passed: number;
  failed: number;
  pending: number;
  tests: TestResult[];
  errors: Array<{ message: string; stack?: string }>;
  durationMs?: number;
}

interface Test {
  readonly path: string[];
  readonly body: () => Promise<void>;
}

const tests: Test[] = [];
const suites: string[] = [];

export function describe(title: string, body: () => void): void {
  suites.push(title);
  try {
    body();
  } finally {
    suites.pop();
  }
}

export function it(title: string, body: () => Promise<void>): void {
  tests.push({ path: [...suites, title], body });
}

/** Polls `probe` until it gives a value (not undefined, not false), or fails after `timeoutMs` naming `what`. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value as T;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline)
      throw new Error(`${what}: not seen within ${timeoutMs / 1000} s${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Runs the registered tests whose full title matches `grep`, one after another; `onProgress` after each. */
export async function run(grep: RegExp, onProgress: (partial: Results) => Promise<void>): Promise<Results> {
  const started = Date.now();
  const results: Results = { passed: 0, failed: 0, pending: 0, tests: [], errors: [] };
  for (const test of tests) {
    const fullTitle = test.path.join(' ');
    if (!grep.test(fullTitle)) continue;
    const testStarted = Date.now();
    try {
      await test.body();
      results.passed++;
      results.tests.push({ ...titles(test, fullTitle), state: 'passed', durationMs: Date.now() - testStarted });
    } catch (e) {
      results.failed++;
      const error = e instanceof Error ? { message: e.message, stack: e.stack } : { message: String(e) };
      results.tests.push({ ...titles(test, fullTitle), state: 'failed', durationMs: Date.now() - testStarted, error });
    }
    await onProgress(results);
  }
  results.durationMs = Date.now() - started;
  return results;
}

function titles(test: Test, fullTitle: string): Pick<TestResult, 'title' | 'fullTitle' | 'titlePath'> {
  return { title: test.path[test.path.length - 1], fullTitle, titlePath: test.path };
}

/** Fails with `message` unless `condition` holds. */
export function ok(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
