/** Derived figures: credit cost, credit claim, the unpaid claim, interest capital, i and the method. */
import { METHOD_NAMES } from "../../engine";
import { FORMATS } from "../formats";
import {
  chooseMethodFormula,
  creditCostFormula,
  methodNameFormula,
  monthlyRateFormula,
} from "../formulas";
import { CHECK_OK, FIELD_COL, SheetLayout } from "../layout";
import { METHOD_CHOICE_NAMES, RULE78_WITH_RESIDUAL } from "../texts";

export function planDerived(s: SheetLayout): void {
  const { calc } = s;
  const c = calc.contract;
  const num = (x: { toNumber(): number }) => x.toNumber();
  s.section("Härledda belopp");
  s.derived(
    "creditCost",
    "Kreditkostnad (C)",
    creditCostFormula({ K: "{K}", n: "{n}", A: "{A}", f: "{f}", V: "{V}" }, "{S}"),
    num(calc.creditCost),
    FORMATS.kronorOre,
    "= n·(A + f) + V + S − K",
  );
  s.derived(
    "c",
    "Kreditkostnad utan uppläggningsavgift (c)",
    "{creditCost}-{S}",
    num(calc.creditCostExclSetup),
    FORMATS.kronorOre,
    "= C − S",
  );
  s.derived(
    "creditClaim",
    "Kreditfordran",
    "{K}+{creditCost}",
    num(calc.creditClaim),
    FORMATS.kronorOre,
    "= K + C",
  );
  const unpaidGiven = c.unpaidCreditClaimStated;
  s.derived(
    "unpaidCreditClaim",
    "Obetald del av kreditfordran",
    unpaidGiven ? "{unpaidGiven}" : "({n}-{paid})*({A}+{f})+IF({n}>{paid},{V},0)",
    num(c.unpaidCreditClaim),
    FORMATS.kronorOre,
    unpaidGiven ? "angiven i ansökan" : "= obetalda avbetalningar · (A + f) + V",
  );
  const capitalGiven = c.interestCapitalStated;
  s.derived(
    "capital",
    "Räntebärande kapital",
    capitalGiven ? "{capitalGiven}" : "{unpaidCreditClaim}",
    num(c.interestCapital),
    FORMATS.kronorOre,
    capitalGiven ? "angivet i ansökan" : "= obetald del av kreditfordran",
  );
  s.derived(
    "i",
    "Månadsränta (i)",
    monthlyRateFormula("{rate}"),
    num(c.annualRate.dividedBy(12)),
    FORMATS.monthlyRate,
    "= årsränta / 12",
  );
  planMethod(s);
}

/**
 * The method in use, its name, and the check that the rule of 78 fits the credit. The method cell
 * takes the Swedish names (Automatiskt, 78-regeln, Faktisk avräkning; Excel compares text without
 * regard to case) or the contract's codes (auto, rule78, actual); the code the formulas compare
 * with is computed in the hidden column, so no code prints.
 */
function planMethod(s: SheetLayout): void {
  const { calc } = s;
  s.label("Metod som används");
  s.put(FIELD_COL, {
    formula: chooseMethodFormula("{methodChoice}", "{V}"),
    result: calc.method,
  });
  s.name("method", FIELD_COL);
  s.put(1, {
    formula: methodNameFormula("{method}", METHOD_NAMES),
    result: METHOD_NAMES[calc.method],
    style: "derived",
  });
  s.name("methodName", 1);
  s.note(
    2,
    `${METHOD_CHOICE_NAMES.auto}: ${METHOD_NAMES.actual.toLowerCase()} vid restbelopp, annars ${METHOD_NAMES.rule78}`,
  );
  s.next();
  // conventions §4: the rule of 78 is for equal instalments with no residual; say so when it is chosen anyway.
  s.check(
    "Kontroll av metoden",
    1,
    `IF(AND({method}="rule78",{V}>0),"${RULE78_WITH_RESIDUAL}","${CHECK_OK}")`,
    calc.method === "rule78" && !calc.contract.residual.isZero() ? RULE78_WITH_RESIDUAL : CHECK_OK,
  );
  s.name("methodCheck", 1);
  s.next();
}
