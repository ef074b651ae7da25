/** Blocks more than one letter shows: the case and its parties, and the statement at one date. */
import { STATEMENT_LABELS, StatementLabel, StatementLines } from "../../engine";
import { LetterLayout } from "./letterLayout";
import { LETTER_COMMON } from "./texts";

/**
 * Case, applicant and debtor with their addresses (an address not given shows "[fyll i …]"), and the
 * goods, each linked to the calculation sheet's input.
 */
export function partiesBlock(s: LetterLayout): void {
  s.link("caseId", LETTER_COMMON.caseId, "caseId", "text");
  s.recipient(LETTER_COMMON.creditor, "creditor", LETTER_COMMON.creditorAddress);
  s.recipient(LETTER_COMMON.debtor, "debtor", LETTER_COMMON.debtorAddress);
  s.link("goods", LETTER_COMMON.goods, "goods", "text");
}

type Line = keyof StatementLines<unknown>;
const TOTALS: readonly Line[] = ["amountExclInterest", "amountInclInterest"];

/**
 * The statement at one date (conventions §7), line by line as the calculation sheet rounds them: each
 * line links to the sheet's rounded line, the reduction shown with its minus sign (it is subtracted),
 * the totals in bold. Registered as `{label}` names of the line keys (`amountInclInterest`, …).
 */
export function statementTable(s: LetterLayout, label: StatementLabel, heading: string): void {
  s.tableHeader(heading);
  for (const key of Object.keys(STATEMENT_LABELS) as Line[]) {
    const source = `${label}.${key}`;
    const style = TOTALS.includes(key) ? "total" : "derived";
    if (key === "reduction") {
      const result = s.resultOf(source);
      const ref = s.ref(source);
      // Empty (not −0) when the calculation sheet's notice column is emptied.
      s.amount(key, STATEMENT_LABELS[key], `IF(${ref}="","",-${ref})`, -Number(result), style);
    } else s.link(key, STATEMENT_LABELS[key], source, "kronor", style);
  }
}
