/**
 * A calculation as a person reads it on a terminal, in Swedish: the case, the credit, and the
 * statement with both dates side by side (`77 449 kr`).
 */
import {
  Calculation,
  DATE_LABELS,
  METHOD_NAMES,
  STATEMENT_LABELS,
  STATEMENT_ROWS,
  formatIsoDate,
  formatKronor,
  formatKronorOre,
  outcomeOf,
  outcomeSentence,
} from "../engine";
import { RULE78_WITH_RESIDUAL } from "../sheet/texts";

const LABEL_WIDTH = 42;
const COLUMN_WIDTH = 16;

function row(label: string, cells: string[]): string {
  return label.padEnd(LABEL_WIDTH) + cells.map((cell) => cell.padStart(COLUMN_WIDTH)).join("");
}

/** The statement text for one calculation. */
export function statementText(calc: Calculation): string {
  const { contract } = calc;
  const s = calc.statements;
  const money = (pick: (i: number) => string) => s.map((_, i) => pick(i));
  const other = calc.method === "rule78" ? "actual" : "rule78";
  const lines = [
    `Ärende ${contract.caseId}` + (contract.goods ? ` – ${contract.goods}` : ""),
    `Sökande: ${contract.creditor || "–"}   Svarande: ${contract.debtor || "–"}`,
    `Metod: ${METHOD_NAMES[calc.method]} (avräkning enligt ${calc.law.settlement})`,
    ...(calc.lawWarning === null ? [] : [`VARNING: ${calc.lawWarning}`]),
    `Kreditkostnad ${formatKronorOre(calc.creditCost)}, c = ${formatKronorOre(calc.creditCostExclSetup)}, ` +
      `kreditfordran ${formatKronorOre(calc.creditClaim)}`,
    "",
    row(
      "",
      s.map((st) => DATE_LABELS[st.label]),
    ),
    row(
      "",
      s.map((st) => formatIsoDate(st.date)),
    ),
    row(
      "Återstående avbetalningar (t)",
      money((i) => String(s[i].remainingInstallments)),
    ),
    row(
      `Reduceringsbelopp, ${METHOD_NAMES.rule78}`,
      money((i) => formatKronorOre(s[i].reductionRule78)),
    ),
    row(
      `Reduceringsbelopp, ${METHOD_NAMES.actual.toLowerCase()}`,
      money((i) => formatKronorOre(s[i].actual.reduction)),
    ),
    "",
    ...STATEMENT_ROWS.map((key) =>
      row(
        STATEMENT_LABELS[key],
        money((i) =>
          formatKronor(key === "reduction" ? s[i].lines[key].negated() : s[i].lines[key]),
        ),
      ),
    ),
    "",
    row(
      `Jämförelse: ${METHOD_NAMES[other].toLowerCase()} skulle ge`,
      money((i) => formatKronor(other === "rule78" ? s[i].reductionRule78 : s[i].actual.reduction)),
    ),
  ];
  if (contract.estimatedValue !== null) {
    lines.push(
      row(
        "Uppskattat värde på godset",
        money(() => formatKronor(contract.estimatedValue!)),
      ),
    );
    lines.push(
      row(
        "Överskott (värde − att betala)",
        money((i) => formatKronor(s[i].surplus!)),
      ),
    );
  }
  if (calc.method === "rule78" && !contract.residual.isZero()) lines.push("", RULE78_WITH_RESIDUAL);
  lines.push("", outcomeSentence(outcomeOf(calc)));
  return lines.join("\n");
}
