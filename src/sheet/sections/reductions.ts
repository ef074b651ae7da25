/**
 * The reduction at each date by both methods, side by side: the rule of 78's count and formula, the
 * actual settlement's parts, then the reduction of the method in use and the other one beside it.
 */
import { Dec, countDueDates, dueDate, excelSerialFromDay } from "../../engine";
import { FORMATS } from "../formats";
import { SheetLayout } from "../layout";
import { METHOD_NOTE } from "../texts";

const num = (amount: Dec) => amount.toNumber();

export function planReductions(s: SheetLayout): void {
  s.section("Reduceringsbelopp");
  s.dateHeader();
  s.perDate(
    "date",
    "Datum",
    (l) => `{${l === "notice" ? "noticeDate" : "repossessionDate"}}`,
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
    (l) => `COUNTIF({dueDates},"<"&{${l}.date})`,
    (st) => countDueDates(c.firstDueDate, c.installments, st.date, false),
    { numberFormat: FORMATS.integer },
  );
  s.perDate(
    "t",
    "t = n − 1 − förfallodagar före",
    (l) => `MAX(0,{n}-1-{${l}.passedBefore})`,
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
    // Never below zero, as in the engine: c < 0 when a 0 % instalment is rounded down (conventions §9).
    (l) => `MAX(0,{${l}.t}*({${l}.t}+1)*{${l}.c}/({${l}.n}*({${l}.n}+1)))`,
    (st) => num(st.reductionRule78),
    { numberFormat: FORMATS.kronorOre },
  );
}

/** Actual settlement (conventions §5): remaining interest − accrued interest + unearned fees. */
function planActual(s: SheetLayout): void {
  const c = s.calc.contract;
  const serial = excelSerialFromDay;
  s.label(
    "Faktisk avräkning: ränta efter datumet − upplupen ränta + ej intjänade avgifter",
    "section",
  );
  s.next();
  const integer = { numberFormat: FORMATS.integer };
  const kronorOre = { numberFormat: FORMATS.kronorOre };
  const date = { numberFormat: FORMATS.date };
  s.perDate(
    "m",
    "Förfallodagar till och med datumet (m)",
    (l) => `COUNTIF({dueDates},"<="&{${l}.date})`,
    (st) => st.actual.duePassed,
    integer,
  );
  s.perDate(
    "balance",
    "Skuld efter förfallodag m",
    (l) => `IF({${l}.m}=0,{K},INDEX({balances},{${l}.m}))`,
    (st) => (st.actual.duePassed >= c.installments ? 0 : num(st.actual.balance)),
    kronorOre,
  );
  s.perDate(
    "remainingInterest",
    "Ränta kvar i planen efter förfallodag m",
    (l) => `IF({${l}.m}>={n},0,{A}*({n}-{${l}.m})+{V}-{${l}.balance})`,
    (st) => num(st.actual.remainingInterest),
    kronorOre,
  );
  s.perDate(
    "periodStart",
    "Periodens början (förfallodag m)",
    (l) => `IF({${l}.m}=0,EDATE({first},-1),INDEX({dueDates},{${l}.m}))`,
    (st) => serial(dueDate(c.firstDueDate, st.actual.duePassed)),
    date,
  );
  s.perDate(
    "periodEnd",
    "Nästa förfallodag",
    (l) => `IF({${l}.m}>={n},{${l}.periodStart},INDEX({dueDates},{${l}.m}+1))`,
    (st) =>
      serial(
        st.actual.duePassed >= c.installments
          ? dueDate(c.firstDueDate, st.actual.duePassed)
          : dueDate(c.firstDueDate, st.actual.duePassed + 1),
      ),
    date,
  );
  s.perDate(
    "daysAccrued",
    "Dagar sedan förfallodag m",
    (l) => `MAX(0,{${l}.date}-{${l}.periodStart})`,
    (st) => Math.max(0, st.date - dueDate(c.firstDueDate, st.actual.duePassed)),
    integer,
  );
  s.perDate(
    "accrued",
    "Upplupen ränta (skuld · i · dagar / periodens dagar)",
    (l) =>
      `IF({${l}.m}>={n},0,{${l}.balance}*{i}*{${l}.daysAccrued}/({${l}.periodEnd}-{${l}.periodStart}))`,
    (st) => num(st.actual.accruedInterest),
    kronorOre,
  );
  s.perDate(
    "unearnedFees",
    "Ej intjänade aviavgifter f · (n − m)",
    (l) => `{f}*({n}-{${l}.m})`,
    (st) => num(st.actual.unearnedFees),
    kronorOre,
  );
  s.perDate(
    "actual",
    "R enligt faktisk avräkning",
    (l) => `IF({${l}.m}>={n},0,MAX(0,{${l}.remainingInterest}-{${l}.accrued}+{${l}.unearnedFees}))`,
    (st) => num(st.actual.reduction),
    kronorOre,
  );
}

/** The reduction of the method in use, the other one, their difference and why both are shown. */
function planMethodComparison(s: SheetLayout): void {
  const { calc } = s;
  s.perDate(
    "reductionUsed",
    "Reduceringsbelopp enligt vald metod",
    (l) => `IF({method}="actual",{${l}.actual},{${l}.rule78})`,
    (st) => num(st.reduction),
    { numberFormat: FORMATS.kronorOre, style: "total" },
  );
  s.perDate(
    "reductionOther",
    "Den andra metoden (jämförelse)",
    (l) => `IF({method}="actual",{${l}.rule78},{${l}.actual})`,
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
