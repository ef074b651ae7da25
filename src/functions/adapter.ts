/**
 * Maps engine errors to Excel errors: bad input becomes `#VALUE!` and an impossible number `#NUM!`,
 * each with the engine's message naming the argument as the function's signature does ("Argumentet
 * installmentAmount (0) måste vara större än noll"). Any other exception is a bug; it still reaches
 * Excel as `#VALUE!` with its message rather than as an unexplained failure. A result that is not a
 * finite number never leaves an adapter.
 */
import { Dec, EngineError } from "../engine";
import { FUNCTION_TEXT } from "./messages";

/** Runs a function body and converts its decimal result to an Excel number. */
export function excelNumber(body: () => Dec): number {
  try {
    const result = body().toNumber();
    if (!Number.isFinite(result)) throw new Error(FUNCTION_TEXT.notFinite(result));
    return result;
  } catch (error) {
    throw toExcelError(error);
  }
}

/** The `CustomFunctions.Error` for an exception (looked up at call time, so tests can stub it). */
export function toExcelError(error: unknown): CustomFunctions.Error {
  if (error instanceof CustomFunctions.Error) return error;
  if (error instanceof EngineError) {
    const code =
      error.kind === "num"
        ? CustomFunctions.ErrorCode.invalidNumber
        : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, error.messageWith(FUNCTION_TEXT.argument));
  }
  const message = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(
    CustomFunctions.ErrorCode.invalidValue,
    FUNCTION_TEXT.internalError(message),
  );
}
