/**
 * Swedish presentation of amounts, dates and statement labels, shared by the command line, the sheet
 * and the task pane. Whole kronor with a space as thousands separator: `77 449 kr`.
 */
import { Dec, roundToKrona } from "./decimal";
import { StatementLines } from "./calculate";

/** Thousands separator used in text output (a plain space, as in `77 449 kr`). */
const GROUP = " ";

/** Whole kronor grouped by thousands, e.g. `77 449` or `−17 551` (rounded by {@link roundToKrona}). */
export function formatWholeKronor(amount: Dec): string {
  const rounded = roundToKrona(amount);
  const digits = rounded
    .abs()
    .toFixed(0)
    .replace(/\B(?=(\d{3})+(?!\d))/g, GROUP);
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
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP)},${ore} kr`;
}

/** The statement's rows, labelled exactly as on the Enforcement Authority's form. */
export const STATEMENT_LABELS: StatementLines<string> = {
  unpaidCreditClaim: "Obetald del av kreditfordran",
  basicFee: "Grundavgift",
  applicantCosts: "Sökandens kostnader",
  reduction: "Reduceringsbelopp",
  amountExclInterest: "Att betala exkl. ränta",
  lateInterest: "Dröjsmålsränta",
  claimedInterest: "Yrkad ränta per ansökningsdagen",
  amountInclInterest: "Att betala inkl. ränta",
};

/** Statement rows in printed order. */
export const STATEMENT_ROWS = Object.keys(STATEMENT_LABELS) as (keyof StatementLines<string>)[];

export const METHOD_NAMES = { rule78: "78-regeln", actual: "Faktisk avräkning" } as const;
export const DATE_LABELS = { notice: "Underrättelse", repossession: "Återtagning" } as const;
