/**
 * The reduction at each date by both methods, side by side: the rule of 78's count and formula, the
 * actual settlement's parts, then the reduction of the method in use and the other one beside it.
 */
import { Dec, StatementLabel, excelSerialFromDay } from "../../engine";
import { FORMATS } from "../formats";
import {
  TermRefs,
  accruedInterestFormula,
  actualReductionFormula,
  balanceAfterFormula,
  countDueDatesFormula,
  daysAccruedFormula,
  periodEndFormula,
  periodStartFormula,
  reductionUsedFormula,
  remainingInstallmentsRule78Formula,
  remainingInterestFormula,
  rule78Formula,
  unearnedFeesFormula,
  untilLastDueFormula,
} from "../formulas";
import { DATE_INPUT, SheetLayout } from "../layout";
import { METHOD_NOTE } from "../texts";

const num = (amount: Dec) => amount.toNumber();

/** The credit's terms by the sheet's input names. */
const TERMS: TermRefs = { K: "{K}", n: "{n}", A: "{A}", f: "{f}", V: "{V}" };

export function planReductions(s: SheetLayout): void {
  s.section("Reduceringsbelopp");
  s.dateHeader();
  s.perDate(
    "date",
    "Datum",
    (l) => `{${DATE_INPUT[l]}}`,
    (st) => excelSerialFromDay(st.date),
    { numberFormat: FORMATS.date },
  );
  planRule78(s);
  planActual(s);
  s.next();
  planMethodComparison(s);
}

/** R = t(t + 1) · c / (n(n + 1)) with the workshop's count of t (conventions §4). */
function planRule78(s: SheetLayout): void {
  const { calc } = s;
  const c = calc.contract;
  s.label("78-regeln: R = t(t + 1) · c / (n(n + 1))", "section");
  s.next();
  s.perDate(
    "passedBefore",
    "Förfallodagar före datumet",
    (l) => countDueDatesFormula("{first}", "{n}", `{${l}.date}`, false),
    (st) => st.dueDatesBefore,
    { numberFormat: FORMATS.integer },
  );
  s.perDate(
    "t",
    "t = n − 1 − förfallodagar före",
    (l) => remainingInstallmentsRule78Formula("{n}", `{${l}.passedBefore}`),
    (st) => st.remainingInstallments,
    { numberFormat: FORMATS.integer, explain: "nästa förfallodag räknas som passerad" },
  );
  s.perDate(
    "n",
    "n (antal avbetalningar)",
    () => "{n}",
    () => c.installments,
    { numberFormat: FORMATS.integer },
  );
  s.perDate(
    "c",
    "c (kreditkostnad utan uppläggningsavgift)",
    () => "{c}",
    () => num(calc.creditCostExclSetup),
    { numberFormat: FORMATS.kronorOre },
  );
  s.perDate(
    "rule78",
    "R enligt 78-regeln",
    (l) => rule78Formula(`{${l}.t}`, `{${l}.n}`, `{${l}.c}`),
    (st) => num(st.reductionRule78),
    { numberFormat: FORMATS.kronorOre },
  );
}

/** Actual settlement (conventions §5): remaining interest − accrued interest + unearned fees. */
function planActual(s: SheetLayout): void {
  s.label(
    "Faktisk avräkning: ränta efter datumet − upplupen ränta + ej intjänade avgifter",
    "section",
  );
  s.next();
  planActualPeriod(s);
  const kronorOre = { numberFormat: FORMATS.kronorOre };
  const guard = (l: StatementLabel, part: string) => untilLastDueFormula(`{${l}.m}`, "{n}", part);
  s.perDate(
    "accrued",
    "Upplupen ränta (skuld · i · dagar / periodens dagar)",
    (l) =>
      guard(
        l,
        accruedInterestFormula(
          `{${l}.balance}`,
          "{i}",
          `{${l}.daysAccrued}`,
          `{${l}.periodStart}`,
          `{${l}.periodEnd}`,
        ),
      ),
    (st) => num(st.actual.accruedInterest),
    kronorOre,
  );
  s.perDate(
    "unearnedFees",
    "Ej intjänade aviavgifter f · (n − m)",
    (l) => unearnedFeesFormula("{f}", "{n}", `{${l}.m}`),
    (st) => num(st.actual.unearnedFees),
    kronorOre,
  );
  s.perDate(
    "actual",
    "R enligt faktisk avräkning",
    (l) =>
      actualReductionFormula({
        m: `{${l}.m}`,
        installments: "{n}",
        remainingInterest: `{${l}.remainingInterest}`,
        accruedInterest: `{${l}.accrued}`,
        unearnedFees: `{${l}.unearnedFees}`,
      }),
    (st) => num(st.actual.reduction),
    kronorOre,
  );
}

/** m, the balance after due date m, the interest left in the schedule and the running period. */
function planActualPeriod(s: SheetLayout): void {
  const serial = excelSerialFromDay;
  const integer = { numberFormat: FORMATS.integer };
  const date = { numberFormat: FORMATS.date };
  const guard = (l: StatementLabel, part: string) => untilLastDueFormula(`{${l}.m}`, "{n}", part);
  s.perDate(
    "m",
    "Förfallodagar till och med datumet (m)",
    (l) => countDueDatesFormula("{first}", "{n}", `{${l}.date}`, true),
    (st) => st.actual.duePassed,
    integer,
  );
  s.perDate(
    "balance",
    "Skuld efter förfallodag m",
    (l) => balanceAfterFormula(TERMS, "{i}", `{${l}.m}`),
    (st) => num(st.actual.balance),
    { numberFormat: FORMATS.kronorOre },
  );
  s.perDate(
    "remainingInterest",
    "Ränta kvar i planen efter förfallodag m",
    (l) => guard(l, remainingInterestFormula(TERMS, `{${l}.m}`, `{${l}.balance}`)),
    (st) => num(st.actual.remainingInterest),
    { numberFormat: FORMATS.kronorOre },
  );
  s.perDate(
    "periodStart",
    "Periodens början (förfallodag m)",
    (l) => periodStartFormula("{first}", `{${l}.m}`),
    (st) => serial(st.actual.periodStart),
    date,
  );
  s.perDate(
    "periodEnd",
    "Nästa förfallodag (m + 1)",
    (l) => periodEndFormula("{first}", `{${l}.m}`),
    (st) => serial(st.actual.periodEnd),
    date,
  );
  s.perDate(
    "daysAccrued",
    "Dagar sedan förfallodag m",
    (l) => guard(l, daysAccruedFormula(`{${l}.date}`, `{${l}.periodStart}`)),
    (st) => st.actual.daysAccrued,
    integer,
  );
}

/** The reduction of the method in use, the other one, their difference and why both are shown. */
function planMethodComparison(s: SheetLayout): void {
  const { calc } = s;
  s.perDate(
    "reductionUsed",
    "Reduceringsbelopp enligt vald metod",
    (l) => reductionUsedFormula("{method}", `{${l}.actual}`, `{${l}.rule78}`),
    (st) => num(st.reduction),
    { numberFormat: FORMATS.kronorOre, style: "total" },
  );
  s.perDate(
    "reductionOther",
    "Den andra metoden (jämförelse)",
    (l) => reductionUsedFormula("{method}", `{${l}.rule78}`, `{${l}.actual}`),
    (st) => num(calc.method === "actual" ? st.reductionRule78 : st.actual.reduction),
    { numberFormat: FORMATS.kronorOre },
  );
  s.perDate(
    "methodDifference",
    "Skillnad för konsumenten: faktisk − 78-regeln",
    (l) => `{${l}.actual}-{${l}.rule78}`,
    (st) => num(st.actual.reduction.minus(st.reductionRule78)),
    { numberFormat: FORMATS.kronorOre, explain: "positiv: faktisk avräkning ger konsumenten mer" },
  );
  s.wrappedNote(METHOD_NOTE);
}
