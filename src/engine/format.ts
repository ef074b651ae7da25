/**
 * Swedish presentation of numbers, amounts, dates and statement labels, shared by the command line,
 * the sheet, the task pane and every message: a space as thousands separator and a decimal comma
 * (`77 449 kr`, `72 000,00 kr`, `72,5`, `0,0595`), a minus sign (−) for negative numbers.
 */
import { Dec, roundToKrona } from "./decimal";

/** Thousands separator used in text output (a plain space, as in `77 449 kr`). */
const GROUP = " ";

/** Groups the digits of a whole number by thousands: `115001` → `115 001`. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP);
}

/**
 * A number exactly as given, written the Swedish way: `72,5`, `0,0595`, `115 001`, `−3`. No rounding
 * (a message echoes the value the user wrote); a number that is not finite is written as is.
 */
export function formatNumber(value: Dec | number): string {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  const amount = typeof value === "number" ? new Dec(String(value)) : value;
  const [whole, fraction] = amount.abs().toFixed().split(".");
  const sign = amount.isNegative() && !amount.isZero() ? "−" : "";
  return `${sign}${groupThousands(whole)}${fraction === undefined ? "" : `,${fraction}`}`;
}

/** Whole kronor grouped by thousands, e.g. `77 449` or `−17 551` (rounded by {@link roundToKrona}). */
function formatWholeKronor(amount: Dec): string {
  const rounded = roundToKrona(amount);
  const digits = groupThousands(rounded.abs().toFixed(0));
  return rounded.isNegative() && !rounded.isZero() ? `−${digits}` : digits;
}

/** `77 449 kr`. */
export function formatKronor(amount: Dec): string {
  return `${formatWholeKronor(amount)} kr`;
}

/** Kronor and öre with a decimal comma, e.g. `4 784,95 kr`. */
export function formatKronorOre(amount: Dec): string {
  const fixed = amount.abs().toFixed(2, Dec.ROUND_HALF_UP);
  const [whole, ore] = fixed.split(".");
  const sign = amount.isNegative() && fixed !== "0.00" ? "−" : "";
  return `${sign}${groupThousands(whole)},${ore} kr`;
}

/** A reference rate in percent: `2,00 %`, `−0,50 %` (two decimals, as the Referensräntor sheet shows them). */
export function formatPercent(percent: Dec): string {
  const fixed = percent.abs().toFixed(2);
  const sign = percent.isNegative() && !percent.isZero() ? "−" : "";
  return `${sign}${fixed.replace(".", ",")} %`;
}

export const METHOD_NAMES = { rule78: "78-regeln", actual: "Faktisk avräkning" } as const;
export const DATE_LABELS = { notice: "Underrättelse", repossession: "Återtagning" } as const;
