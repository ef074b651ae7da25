/**
 * Exact money arithmetic for the engine.
 *
 * One decimal context for the whole engine (never the global `Decimal.set`): 40 significant digits,
 * rounding half away from zero. Amounts enter as strings or integers and never pass through binary
 * floating point inside the engine; conversion to `number` happens only at the edges (Excel, JSON).
 */
import DecimalJs from "decimal.js";

export const Dec = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);

/** Rounds to whole kronor, half away from zero (conventions §7: each statement line). */
export function roundToKrona(amount: Dec): Dec {
  return amount.toDecimalPlaces(0, Dec.ROUND_HALF_UP);
}

/** Rounds to whole öre, half away from zero (JSON output of amounts that are not statement lines). */
export function roundToOre(amount: Dec): Dec {
  return amount.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/** An amount as a decimal string to the öre, e.g. "4785.08" (rounded by {@link roundToOre}). */
export function toOreString(amount: Dec): string {
  const text = roundToOre(amount).toFixed(2);
  return text === "-0.00" ? "0.00" : text;
}

/** The smaller of two amounts. */
export function minDec(a: Dec, b: Dec): Dec {
  return a.lessThan(b) ? a : b;
}

/** The larger of two amounts. */
export function maxDec(a: Dec, b: Dec): Dec {
  return a.greaterThan(b) ? a : b;
}
