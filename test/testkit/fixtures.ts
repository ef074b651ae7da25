/** Shared fixtures: the worked-example contract rows and a helper to catch an engine error. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EngineError } from "../../src/engine";

export const REPO_ROOT = path.resolve(__dirname, "../..");
export const EXAMPLE_1_FILE = path.join(REPO_ROOT, "examples/worked-example-1.json");
export const EXAMPLE_2_FILE = path.join(REPO_ROOT, "examples/worked-example-2.json");

/** A fresh copy of a worked-example row, as raw JSON (edit freely). */
export function exampleRow(which: 1 | 2): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(which === 1 ? EXAMPLE_1_FILE : EXAMPLE_2_FILE, "utf8"));
}

/**
 * Worked example 1 moved on to 2026: applied for on the built-in reference-rate table's last day
 * (2026-06-30), noticed and repossessed in the half-year after it, whose rate the table does not
 * have, so the user must add it. No stated interest start: the late interest runs from the day
 * after the application, into that half-year.
 */
export const CASE_2026: Readonly<Record<string, unknown>> = (() => {
  const { interestFrom: _stated, ...rest } = exampleRow(1);
  return {
    ...rest,
    applicationDate: "2026-06-30",
    noticeDate: "2026-08-15",
    repossessionDate: "2026-08-20",
  };
})();

/**
 * A folder of the test file's own, made before its tests and removed after them (call at the top
 * of a file or a describe block); the function returned gives its path.
 */
export function scratchFolder(prefix: string): () => string {
  let dir = "";
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterAll(() => {
    if (dir !== "") fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}

/** Runs `fn`, which must throw an EngineError; returns it (fails the test otherwise). */
export function engineErrorOf(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw new Error(`expected an EngineError, got ${String(error)}`);
  }
  throw new Error("expected an EngineError, but nothing was thrown");
}
