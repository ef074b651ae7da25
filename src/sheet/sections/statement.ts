/**
 * The statement (att betala, conventions §7), one column per date: each line a visible ROUND to whole
 * kronor, the totals sums of the rounded lines.
 */
import { STATEMENT_LABELS, StatementLabel, StatementLines } from "../../engine";
import { FORMATS } from "../formats";
import { SheetLayout } from "../layout";

type Line = keyof StatementLines<unknown>;
type Total = "amountExclInterest" | "amountInclInterest";

const ROUNDED_LINES: Record<Exclude<Line, Total>, (l: StatementLabel) => string> = {
  unpaidCreditClaim: () => "ROUND({unpaidCreditClaim},0)",
  basicFee: () => "ROUND({basicFee},0)",
  applicantCosts: () => "ROUND({applicantCosts},0)",
  reduction: (l) => `ROUND({${l}.reductionUsed},0)`,
  lateInterest: (l) => `ROUND({${l}.interestTotal},0)`,
  claimedInterest: () => "ROUND({claimed},0)",
};

const TOTALS: Record<Total, (l: StatementLabel) => string> = {
  amountExclInterest: (l) =>
    `{${l}.unpaidCreditClaim}+{${l}.basicFee}+{${l}.applicantCosts}-{${l}.reduction}`,
  amountInclInterest: (l) => `{${l}.amountExclInterest}+{${l}.lateInterest}+{${l}.claimedInterest}`,
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
