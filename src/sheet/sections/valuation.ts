/** Valuation and outcome: the surplus at each date and what happens at the repossession. */
import { OUTCOME_TEXT, outcomeOf } from "../../engine";
import { FORMATS } from "../formats";
import { surplusFormula } from "../formulas";
import { LAST_COL, SheetLayout } from "../layout";

export function planValuation(s: SheetLayout): void {
  const { calc } = s;
  const c = calc.contract;
  s.section("Värdering och utfall");
  s.perDate(
    "value",
    "Uppskattat värde på godset",
    () => `IF({value}="","",{value})`,
    () => (c.estimatedValue === null ? "" : c.estimatedValue.toNumber()),
    { numberFormat: FORMATS.kronor },
  );
  s.perDate(
    "surplus",
    "Överskott (värde − att betala inkl. ränta)",
    (l) => surplusFormula("{value}", `{${l}.amountInclInterest}`),
    (st) => (st.surplus === null ? "" : st.surplus.toNumber()),
    { numberFormat: FORMATS.kronor, style: "total" },
  );
  const lastStatement = calc.statements[calc.statements.length - 1];
  const last = lastStatement.label;
  s.label("Utfall vid återtagningen");
  s.put(1, {
    formula: `IF({value}="","${OUTCOME_TEXT.noValue}",IF({${last}.surplus}>0,"${OUTCOME_TEXT.payDifference}","${OUTCOME_TEXT.notice}"))`,
    result: OUTCOME_TEXT[outcomeOf(calc).kind],
    style: "derived",
  });
  s.mergeRow(1, LAST_COL);
  s.name("outcome", 1);
  s.next();
  // The amount gets its own labelled row: a figure alone at the page edge says nothing on paper.
  s.label("Mellanskillnad att betala av sökanden");
  s.put(1, {
    formula: `IF({value}="",0,MAX(0,{${last}.surplus}))`,
    result: Math.max(0, lastStatement.surplus?.toNumber() ?? 0),
    numberFormat: FORMATS.kronor,
    style: "total",
  });
  s.name("outcomeAmount", 1);
  s.next();
}
