/** Derived figures: credit cost, credit claim, the unpaid claim, interest capital, i and the method. */
import { METHOD_NAMES } from "../../engine";
import { FORMATS } from "../formats";
import {
  chooseMethodFormula,
  creditCostFormula,
  methodNameFormula,
  monthlyRateFormula,
} from "../formulas";
import { SheetLayout } from "../layout";
import { RULE78_WITH_RESIDUAL } from "../texts";

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

/** The method in use, its name, and the check that the rule of 78 fits the credit. */
function planMethod(s: SheetLayout): void {
  const { calc } = s;
  s.derived(
    "method",
    "Metod som används (kod)",
    chooseMethodFormula("{methodChoice}", "{V}"),
    calc.method,
    undefined,
    "auto: faktisk avräkning vid restbelopp, annars 78-regeln",
  );
  s.derived(
    "methodName",
    "Metod som används",
    methodNameFormula("{method}", METHOD_NAMES),
    METHOD_NAMES[calc.method],
  );
  // conventions §4: the rule of 78 is for equal instalments with no residual; say so when it is chosen anyway.
  s.label("Kontroll av metoden", "note");
  s.put(1, {
    formula: `IF(AND({method}="rule78",{V}>0),"${RULE78_WITH_RESIDUAL}","OK")`,
    result:
      calc.method === "rule78" && !calc.contract.residual.isZero() ? RULE78_WITH_RESIDUAL : "OK",
    style: "warning",
  });
  s.name("methodCheck", 1);
  s.next();
}
