/**
 * Maps engine errors to Excel errors. Every error a function returns is `#VALUE!` with the engine's
 * message naming the argument as the function's signature does and its value ("Argumentet
 * installmentAmount (0) måste vara större än noll"), an impossible number (negative, out of range, a
 * schedule that does not repay) included: Excel shows a custom function's message only for
 * `#VALUE!` and `#N/A` and drops it for `#NUM!` and the other codes ("Handle and return errors from
 * your custom function", learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors), and
 * the message is what tells the user which argument to fix. `#N/A` stays Excel's own "no value
 * available". Any other exception is a bug; it still reaches Excel as `#VALUE!` with its message
 * rather than as an unexplained failure. A result that is not a finite number never leaves an adapter.
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
function toExcelError(error: unknown): CustomFunctions.Error {
  if (error instanceof CustomFunctions.Error) return error;
  if (error instanceof EngineError) {
    return new CustomFunctions.Error(
      CustomFunctions.ErrorCode.invalidValue,
      error.messageWith(FUNCTION_TEXT.argument),
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(
    CustomFunctions.ErrorCode.invalidValue,
    FUNCTION_TEXT.internalError(message),
  );
}
