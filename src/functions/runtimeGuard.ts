/**
 * First module of the `functions` bundle (webpack.config.js): makes sure a `CustomFunctions` global
 * exists before functions.ts runs, because the metadata plugin appends `CustomFunctions.associate(…)`
 * calls to that file. Office.js defines the global (`associate` at once; `Error` and `ErrorCode` when
 * its host script has loaded). When office.js did not load (offline, a plain browser, a blocked CDN)
 * this installs an inert stand-in, so the page runs without errors; it never replaces or extends the
 * real one.
 */

/** An inert `CustomFunctions`: `associate` does nothing; `Error` and `ErrorCode` behave like Office's. */
export function inertCustomFunctions(): typeof CustomFunctions {
  class InertError extends Error {
    readonly code: string;
    constructor(code: string, message?: string) {
      super(message ?? code);
      this.name = "CustomFunctions.Error";
      this.code = code;
    }
  }
  return {
    associate: () => undefined,
    Error: InertError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  } as unknown as typeof CustomFunctions;
}

/** Installs {@link inertCustomFunctions} on `scope` unless a `CustomFunctions` is there; true if installed. */
export function ensureCustomFunctions(scope: { CustomFunctions?: unknown }): boolean {
  if (scope.CustomFunctions !== undefined) return false;
  scope.CustomFunctions = inertCustomFunctions();
  return true;
}

ensureCustomFunctions(globalThis as { CustomFunctions?: unknown });
