/**
 * The one error type of the engine: a code from the message catalogue (messages.ts), the field (or
 * argument) name, the offending value as the user wrote it, and the message's own typed arguments.
 * `message` names a contract field by its JSON name ("Fältet installmentsPaid (99) är större än fältet
 * installments (72)"), as the command line shows it to a user who edits JSON; a layer that names fields
 * otherwise renders the same error with {@link EngineError.messageWith}: the pane with the schema's
 * Swedish labels ({@link fieldLabel}), the sheet with the header the user wrote, the custom functions
 * with the argument name.
 */
import { Dec } from "./decimal";
import { formatNumber } from "./format";
import { ErrorCode, FieldNamer, MessageArgs, renderMessage } from "./messages";
import { isContractField } from "./schema";

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

export class EngineError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly field: string;
  readonly value: string;
  readonly kind: ErrorKind;
  readonly args: MessageArgs<C>;

  constructor(code: C, field: string, value: unknown, ...args: MessageArgs<C>) {
    const shown = describeValue(value);
    const name = jsonFieldName;
    super(renderMessage(code, { field: name(field), value: shown, name }, args));
    this.name = "EngineError";
    this.code = code;
    this.field = field;
    this.value = shown;
    this.args = args;
    this.kind = NUMERIC_CODES.has(code) ? "num" : "value";
  }

  /** The message with every field named by `name` (e.g. the header the user wrote). */
  messageWith(name: FieldNamer): string {
    return renderMessage(
      this.code,
      { field: name(this.field), value: this.value, name },
      this.args,
    );
  }
}

/** Names a contract field by its JSON name ("fältet installmentsPaid"), anything else as it is. */
function jsonFieldName(field: string): string {
  return isContractField(field) ? `fältet ${field}` : field;
}

/**
 * A short, literal rendering of a value for a message: text quoted as written (so that stray spaces
 * show), numbers the Swedish way (`72,5`, `−40 000`), booleans as Swedish Excel shows them.
 */
function describeValue(value: unknown): string {
  if (typeof value === "string") return shortText(value);
  if (value === undefined) return "inget värde";
  if (value === null) return "null";
  if (typeof value === "number") return shortNumber(formatNumber(value));
  if (typeof value === "boolean") return value ? "SANT" : "FALSKT";
  if (value instanceof Dec) return shortNumber(formatNumber(value));
  try {
    const json = JSON.stringify(value);
    return json.length > 60 ? json.slice(0, 57) + "..." : json;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** The longest value shown whole in a message; a longer one is cut (see {@link shortText}). */
const SHOWN_CHARS = 40;

/**
 * Text quoted as written, cut when longer than {@link SHOWN_CHARS} characters to its start and its
 * length: `"9999999999999999999999999…" (1 000 000 tecken)`, so a megabyte pasted into a cell is
 * never echoed whole.
 */
function shortText(text: string): string {
  if (text.length <= SHOWN_CHARS) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, SHOWN_CHARS - 15) + "…")} (${formatNumber(text.length)} tecken)`;
}

/** A formatted number, cut as {@link shortText} cuts text (a JSON number may be 1e300). */
function shortNumber(shown: string): string {
  if (shown.length <= SHOWN_CHARS) return shown;
  return `${shown.slice(0, SHOWN_CHARS - 15)}… (${formatNumber(shown.length)} tecken)`;
}

/** Throws unless the condition holds; keeps validation code to one line per rule. */
export function check<C extends ErrorCode>(
  condition: boolean,
  code: C,
  field: string,
  value: unknown,
  ...args: MessageArgs<C>
): asserts condition {
  if (!condition) throw new EngineError(code, field, value, ...args);
}
