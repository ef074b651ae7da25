/**
 * The one error type of the engine: a code from the message catalogue, the field (or argument) name,
 * and the offending value as the user wrote it.
 */
import { ErrorCode, messages } from "./messages";

/** How an error maps to Excel: bad input (`#VALUE!`) or an impossible number (`#NUM!`). */
export type ErrorKind = "value" | "num";

// A schedule that does not close (scheduleDoesNotRepay) is bad input, not an impossible number: its
// message names both fields and the miss, and Excel shows no message for #NUM!.
const NUMERIC_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  "negative",
  "notPositive",
  "outOfRange",
  "exceeds",
]);

export class EngineError extends Error {
  readonly code: ErrorCode;
  readonly field: string;
  readonly value: string;
  readonly kind: ErrorKind;

  constructor(code: ErrorCode, field: string, value: unknown, ...extra: string[]) {
    const shown = describeValue(value);
    const format = messages[code] as (...args: string[]) => string;
    super(format(field, shown, ...extra));
    this.name = "EngineError";
    this.code = code;
    this.field = field;
    this.value = shown;
    this.kind = NUMERIC_CODES.has(code) ? "num" : "value";
  }
}

/** A short, literal rendering of a value for a message (strings quoted, objects as JSON). */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined) return "inget värde";
  if (value === null) return "null";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "object" && "toFixed" in (value as object)) return String(value);
  try {
    const json = JSON.stringify(value);
    return json.length > 60 ? json.slice(0, 57) + "..." : json;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** Throws unless the condition holds; keeps validation code to one line per rule. */
export function check(
  condition: boolean,
  code: ErrorCode,
  field: string,
  value: unknown,
  ...extra: string[]
): void {
  if (!condition) throw new EngineError(code, field, value, ...extra);
}
