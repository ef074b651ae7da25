/**
 * The statement (att betala, conventions §7), one column per date: each line a visible ROUND to whole
 * kronor, the totals sums of the rounded lines.
 */
import { STATEMENT_LABELS, StatementLabel, StatementLines } from "../../engine";
import { FORMATS } from "../formats";
import {
  amountExclInterestFormula,
  amountInclInterestFormula,
  roundToKronaFormula,
} from "../formulas";
import { SheetLayout } from "../layout";

type Line = keyof StatementLines<unknown>;
type Total = "amountExclInterest" | "amountInclInterest";

/** Each line rounded once, from the exact figure above it (the only rounding of the sheet). */
const ROUNDED_LINES: Record<Exclude<Line, Total>, (l: StatementLabel) => string> = {
  unpaidCreditClaim: () => roundToKronaFormula("{unpaidCreditClaim}"),
  basicFee: () => roundToKronaFormula("{basicFee}"),
  applicantCosts: () => roundToKronaFormula("{applicantCosts}"),
  reduction: (l) => roundToKronaFormula(`{${l}.reductionUsed}`),
  lateInterest: (l) => roundToKronaFormula(`{${l}.interestTotal}`),
  claimedInterest: () => roundToKronaFormula("{claimed}"),
};

/** The totals add the rounded lines of the same column. */
const TOTALS: Record<Total, (l: StatementLabel) => string> = {
  amountExclInterest: (l) =>
    amountExclInterestFormula({
      unpaidCreditClaim: `{${l}.unpaidCreditClaim}`,
      basicFee: `{${l}.basicFee}`,
      applicantCosts: `{${l}.applicantCosts}`,
      reduction: `{${l}.reduction}`,
    }),
  amountInclInterest: (l) =>
    amountInclInterestFormula(
      `{${l}.amountExclInterest}`,
      `{${l}.lateInterest}`,
      `{${l}.claimedInterest}`,
    ),
};

const isTotal = (key: Line): key is Total =>
  key === "amountExclInterest" || key === "amountInclInterest";

export function planStatement(s: SheetLayout): void {
  s.section("Att betala för att undgå återtagning");
  s.dateHeader();
  for (const key of Object.keys(STATEMENT_LABELS) as Line[]) {
    s.perDate(
      key,
      STATEMENT_LABELS[key],
      isTotal(key) ? TOTALS[key] : ROUNDED_LINES[key],
      (st) => st.lines[key].toNumber(),
      {
        numberFormat: FORMATS.kronor,
        style: isTotal(key) ? "total" : "derived",
        explain: key === "reduction" ? "dras av" : undefined,
      },
    );
  }
}
