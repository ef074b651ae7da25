/**
 * The custom functions (src/functions) as Excel's runtime loads them: a stand-in `CustomFunctions`
 * global first, then the module, which reads it when it throws.
 */

/** Stand-in for Office's CustomFunctions.Error: a code and a message. */
export class CustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const ErrorCode = { invalidValue: "#VALUE!", invalidNumber: "#NUM!" } as const;

/** Installs the stand-in global and loads the functions after it, as Excel's runtime would. */
export function loadCustomFunctions(): typeof import("../../src/functions/functions") {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: CustomFunctionsError,
    ErrorCode,
  };
  return require("../../src/functions/functions");
}
