/**
 * Coercion of custom-function arguments, in one place: Excel hands over numbers, text,
 * booleans, `null` for an omitted optional argument, and for an empty cell 0 (Excel desktop) or `null`
 * (Excel on the web). Dates arrive as 1900-system serial numbers or as ISO text. Every failure is an
 * {@link EngineError} naming the argument and its value.
 */
import {
  Day,
  Dec,
  EngineError,
  check,
  parseAmount,
  parseDateInput,
  parseDecimal,
  parseRate,
} from "../engine";

/** A value as Excel may pass it to a custom function. */
export type CellValue = number | string | boolean | null | undefined;

function isOmitted(value: CellValue): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/** A required number as a decimal. */
function requiredNumber(value: CellValue, name: string): Dec {
  if (isOmitted(value)) throw new EngineError("required", name, value);
  if (typeof value === "boolean") throw new EngineError("notNumber", name, value);
  return parseDecimal(value, name);
}

/** An optional number: omitted (or an empty cell on the web) gives `fallback`. */
export function optionalNumber(value: CellValue, name: string, fallback: Dec): Dec {
  return isOmitted(value) ? fallback : requiredNumber(value, name);
}

/** A required amount of money, from zero to the schema's bound (`parseAmount`). */
export function requiredAmount(value: CellValue, name: string): Dec {
  if (isOmitted(value)) throw new EngineError("required", name, value);
  if (typeof value === "boolean") throw new EngineError("notNumber", name, value);
  return parseAmount(value, name);
}

/** An optional amount, zero or more; omitted gives 0. */
export function optionalAmount(value: CellValue, name: string): Dec {
  return isOmitted(value) ? new Dec(0) : requiredAmount(value, name);
}

/** A whole number within [min, max]. */
export function requiredInteger(value: CellValue, name: string, min: number, max: number): number {
  const number = requiredNumber(value, name);
  check(number.isInteger(), "notInteger", name, value);
  check(number.gte(min) && number.lte(max), "outOfRange", name, value, { min, max });
  return number.toNumber();
}

/**
 * A rate, read by the contract's one rule (`parseRate`): 0.0595, a cell formatted 5,95 %, 5.95 or the
 * text "5,95 %" are all 5,95 %.
 */
export function requiredRate(value: CellValue, name: string): Dec {
  if (isOmitted(value)) throw new EngineError("required", name, value);
  if (typeof value === "boolean") throw new EngineError("notNumber", name, value);
  return parseRate(value, name);
}

/** An optional rate (`parseRate`); omitted gives 0. */
export function optionalRate(value: CellValue, name: string): Dec {
  return isOmitted(value) ? new Dec(0) : requiredRate(value, name);
}

/** A date: an Excel serial number (whole days) or ISO text `YYYY-MM-DD`. */
export function requiredDate(value: CellValue, name: string): Day {
  if (isOmitted(value)) throw new EngineError("required", name, value);
  return parseDateInput(value, name);
}
