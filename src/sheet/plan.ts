/**
 * The calculation sheet for one contract, as data: `planSheet(calculation) → SheetPlan`.
 *
 * Every derived figure is a formula of Excel's built-in functions over the sheet's own input cells, so
 * the sheet keeps working where the add-in is not installed and recalculates when an input is edited.
 * Each formula carries the engine's figure as its cached result. Layout, top to bottom: header, contract
 * inputs, derived figures, the reduction by both methods at each date, the statement (one column per
 * date), valuation and outcome, late interest by half-year, the reference rates used, and the payment
 * schedule (on its own printed pages with repeated titles).
 *
 * Formulas mirror the engine's conventions (src/engine): t counts due dates before the date with
 * COUNTIF; m counts due dates on or before it; due dates are EDATE(first due date, k − 1), which keeps
 * the day of month and moves back to the month's end exactly as conventions §3 says; late interest sums
 * capital × rate × days / 365 per half-year with both end days counted; each statement line is a
 * visible ROUND(…, 0) and the totals add the rounded lines.
 */
import {
  Calculation,
  DATE_LABELS,
  Dec,
  METHOD_NAMES,
  STATEMENT_LABELS,
  Statement,
  StatementLines,
  addMonths,
  dueDate,
  excelSerialFromDay,
  formatIsoDate,
  halfYearStart,
  nextHalfYearStart,
  OUTCOME_TEXT,
  STATUTORY_MARGIN_PERCENT,
  applicableRatePercent,
  countDueDates,
  outcomeOf,
  paymentSchedule,
  Day,
} from "../engine";
import { CellContent, Grid, address } from "./grid";
import { validSheetName } from "./sheetNames";
import { CellStyle, SheetPlan } from "./types";

export const FORMATS = {
  kronor: '#,##0 "kr"',
  kronorOre: '#,##0.00 "kr"',
  date: "yyyy-mm-dd",
  rate: "0.00%",
  monthlyRate: "0.000000%",
  percentPoints: '0.00 "%"',
  integer: "0",
  text: "@",
} as const;

/**
 * Why the sheet shows both methods (conventions §4), in plain Swedish for the officer and the parties.
 */
export const METHOD_NOTE =
  "Båda metoderna visas. 78-regeln är utbildningsmaterialets metod för annuitetslån utan restbelopp; den lägger mer av " +
  "kreditkostnaden på de första månaderna. Faktisk avräkning räknar räntan dag för dag på den verkliga skulden och används " +
  "vid restbelopp eller olika stora avbetalningar. Lagens ordalydelse (kreditkostnaden för tiden efter återtagandet) pekar " +
  "mot faktisk avräkning; ingen svensk källa utanför utbildningsmaterialet stöder eller förbjuder 78-regeln.";

/** The warning when the rule of 78 is used on a credit with a residual. */
export const RULE78_WITH_RESIDUAL =
  "Obs: 78-regeln förutsätter lika stora avbetalningar utan restbelopp; jämför med faktisk avräkning.";

/** "Till underrättelsedagen …" */
const DAY_NAMES = { notice: "underrättelsedagen", repossession: "återtagningsdagen" } as const;

const COLUMN_WIDTHS = [44, 17, 17, 15, 15, 15, 15, 26];
const LAST_COL = COLUMN_WIDTHS.length - 1;

const serial = (day: Day) => excelSerialFromDay(day);
const num = (amount: Dec) => amount.toNumber();

type Line = keyof StatementLines<unknown>;

/** The sheet plan for one calculation. */
export function planSheet(calc: Calculation): SheetPlan {
  const g = new Grid();
  const c = calc.contract;
  const statements = calc.statements;
  const dateCols = statements.map((_, i) => 1 + i); // B (and C) hold one column per date

  const label = (text: string, style: CellStyle = "label") => g.put(0, { value: text, style });
  const section = (text: string) => {
    g.next();
    g.put(0, { value: text, style: "section" });
    for (let col = 1; col <= LAST_COL; col++) g.style(g.row, col, "section");
    g.next();
  };
  const note = (col: number, text: string) => g.put(col, { value: text, style: "note" });
  /** A labelled input cell in column B, registered as `{name}`. */
  const input = (name: string, text: string, content: CellContent, field?: string) => {
    label(text);
    g.put(1, { ...content, style: "input" });
    if (field) note(3, field);
    g.name(name, g.row, 1, true);
    g.next();
  };
  /** A labelled formula in column B, registered as `{name}`. */
  const derived = (
    name: string,
    text: string,
    formula: string,
    result: number | string,
    numberFormat?: string,
    explain?: string,
  ) => {
    label(text);
    g.put(1, { formula, result, numberFormat, style: "derived" });
    if (explain) note(2, explain);
    g.name(name, g.row, 1, true);
    g.next();
  };
  /** A labelled row with one formula per date column, registered as `{label.name}`. */
  const perDate = (
    name: string,
    text: string,
    formula: (s: string) => string,
    result: (st: Statement) => number | string,
    numberFormat?: string,
    style: CellStyle = "derived",
    explain?: string,
  ) => {
    label(text, style === "total" ? "total" : "label");
    statements.forEach((st, i) => {
      // A cleared notice date empties its column instead of computing for 1899-12-30.
      const f = formula(st.label);
      const guarded = st.label === "notice" ? `IF({noticeDate}="","",${f})` : f;
      g.put(dateCols[i], { formula: guarded, result: result(st), numberFormat, style });
      g.name(`${st.label}.${name}`, g.row, dateCols[i], true);
    });
    if (explain) note(1 + statements.length, explain);
    g.next();
  };

  // 1. Header.
  g.put(0, {
    value: `Återtagande – beräkning av reduceringsbelopp och belopp att betala`,
    style: "title",
  });
  const merges = [`A1:${address(0, LAST_COL)}`];
  g.next(2);
  input("caseId", "Ärende", { value: c.caseId, numberFormat: FORMATS.text }, "caseId");
  input("creditor", "Sökande", { value: c.creditor, numberFormat: FORMATS.text }, "creditor");
  input("debtor", "Svarande", { value: c.debtor, numberFormat: FORMATS.text }, "debtor");
  input("goods", "Gods", { value: c.goods, numberFormat: FORMATS.text }, "goods");
  const dateInput = (name: string, text: string, day: Day | null, field: string) =>
    input(
      name,
      text,
      day === null
        ? { numberFormat: FORMATS.date }
        : { value: serial(day), numberFormat: FORMATS.date },
      field,
    );
  dateInput("contractDate", "Kontraktsdatum", c.contractDate, "contractDate");
  dateInput("applicationDate", "Ansökningsdag", c.applicationDate, "applicationDate");
  if (c.noticeDate !== null)
    dateInput("noticeDate", "Underrättelsedag", c.noticeDate, "noticeDate");
  dateInput(
    "repossessionDate",
    "Återtagningsdag (förrättning)",
    c.repossessionDate,
    "repossessionDate",
  );
  label("Lagrum för avräkningen");
  g.put(1, { value: `${calc.law.settlement}; dröjsmålsränta enligt ${calc.law.lateInterest}` });
  g.name("law", g.row, 1, true);
  g.next();
  label("Lagrummet bestäms av kontraktsdatum.", "note");
  g.next();
  label("Metod");
  g.put(1, { formula: "{methodName}", result: METHOD_NAMES[calc.method], style: "derived" });
  g.next();

  // 2. Contract inputs.
  section("Indata från kontraktet (gula celler kan ändras; allt annat räknas om)");
  const money = (amount: Dec | null): CellContent =>
    amount === null
      ? { numberFormat: FORMATS.kronor }
      : { value: num(amount), numberFormat: FORMATS.kronor };
  input("cashPrice", "Kontantpris", money(c.cashPrice), "cashPrice");
  input("downPayment", "Handpenning", money(c.downPayment), "downPayment");
  input("K", "Kreditbelopp (K)", money(c.creditAmount), "creditAmount");
  input(
    "rate",
    "Nominell årsränta",
    { value: num(c.annualRate), numberFormat: FORMATS.rate },
    "annualRate",
  );
  input(
    "n",
    "Antal avbetalningar (n)",
    { value: c.installments, numberFormat: FORMATS.integer },
    "installments (planen har n rader: ändras n, skapa bladet på nytt)",
  );
  input(
    "first",
    "Första förfallodag",
    { value: serial(c.firstDueDate), numberFormat: FORMATS.date },
    "firstDueDate",
  );
  input(
    "A",
    "Avbetalning utan avgift (A)",
    { value: num(c.installmentAmount), numberFormat: FORMATS.kronorOre },
    "installmentAmount",
  );
  input(
    "f",
    "Aviavgift per avbetalning (f)",
    { value: num(c.monthlyFee), numberFormat: FORMATS.kronorOre },
    "monthlyFee",
  );
  input(
    "S",
    "Uppläggningsavgift (S)",
    { value: num(c.setupFee), numberFormat: FORMATS.kronorOre },
    "setupFee",
  );
  input(
    "V",
    "Restbelopp (V)",
    { value: num(c.residual), numberFormat: FORMATS.kronor },
    "residual",
  );
  // A stated unpaid credit claim wins over one derived from the instalments paid (as in the engine).
  const unpaidGiven = c.unpaidCreditClaimStated;
  if (c.installmentsPaid !== null) {
    input(
      "paid",
      "Betalda avbetalningar",
      { value: c.installmentsPaid, numberFormat: FORMATS.integer },
      "installmentsPaid",
    );
  }
  if (unpaidGiven) {
    input(
      "unpaidGiven",
      "Obetald del av kreditfordran (angiven)",
      money(c.unpaidCreditClaim),
      "unpaidCreditClaim",
    );
  }
  input("claimed", "Yrkad ränta per ansökningsdagen", money(c.claimedInterest), "claimedInterest");
  input(
    "interestFrom",
    "Dröjsmålsränta löper från",
    { value: serial(c.interestFrom), numberFormat: FORMATS.date },
    "interestFrom",
  );
  const capitalGiven = c.interestCapitalStated;
  if (capitalGiven)
    input(
      "capitalGiven",
      "Räntebärande kapital (angivet)",
      money(c.interestCapital),
      "interestCapital",
    );
  input(
    "margin",
    "Räntemarginal över referensräntan (procentenheter)",
    { value: num(STATUTORY_MARGIN_PERCENT), numberFormat: FORMATS.percentPoints },
    "räntelagen 6 §",
  );
  input(
    "cap",
    "Avtalad dröjsmålsränta (tak, 0 = ingen)",
    {
      value: c.lateInterestRate === null ? 0 : num(c.lateInterestRate),
      numberFormat: FORMATS.rate,
    },
    "lateInterestRate",
  );
  input("basicFee", "Grundavgift", money(c.basicFee), "basicFee");
  input("applicantCosts", "Sökandens kostnader", money(c.applicantCosts), "applicantCosts");
  input("value", "Uppskattat värde på godset", money(c.estimatedValue), "estimatedValue");
  input(
    "methodChoice",
    "Metod (auto, rule78 eller actual)",
    { value: c.method, numberFormat: FORMATS.text },
    "method",
  );

  // 3. Derived figures.
  section("Härledda belopp");
  derived(
    "creditCost",
    "Kreditkostnad (C)",
    "{n}*({A}+{f})+{V}+{S}-{K}",
    num(calc.creditCost),
    FORMATS.kronorOre,
    "= n·(A + f) + V + S − K",
  );
  derived(
    "c",
    "Kreditkostnad utan uppläggningsavgift (c)",
    "{creditCost}-{S}",
    num(calc.creditCostExclSetup),
    FORMATS.kronorOre,
    "= C − S",
  );
  derived(
    "creditClaim",
    "Kreditfordran",
    "{K}+{creditCost}",
    num(calc.creditClaim),
    FORMATS.kronorOre,
    "= K + C",
  );
  derived(
    "unpaidCreditClaim",
    "Obetald del av kreditfordran",
    unpaidGiven ? "{unpaidGiven}" : "({n}-{paid})*({A}+{f})+IF({n}>{paid},{V},0)",
    num(c.unpaidCreditClaim),
    FORMATS.kronorOre,
    unpaidGiven ? "angiven i ansökan" : "= obetalda avbetalningar · (A + f) + V",
  );
  derived(
    "capital",
    "Räntebärande kapital",
    capitalGiven ? "{capitalGiven}" : "{unpaidCreditClaim}",
    num(c.interestCapital),
    FORMATS.kronorOre,
    capitalGiven ? "angivet i ansökan" : "= obetald del av kreditfordran",
  );
  derived(
    "i",
    "Månadsränta (i)",
    "{rate}/12",
    num(c.annualRate.dividedBy(12)),
    FORMATS.monthlyRate,
    "= årsränta / 12",
  );
  derived(
    "method",
    "Metod som används (kod)",
    // Anything but auto, rule78 or actual is #N/A, as the engine refuses it: never a silent default.
    'IF({methodChoice}="auto",IF({V}>0,"actual","rule78"),IF(OR({methodChoice}="rule78",{methodChoice}="actual"),{methodChoice},NA()))',
    calc.method,
    undefined,
    "auto: faktisk avräkning vid restbelopp, annars 78-regeln",
  );
  derived(
    "methodName",
    "Metod som används",
    `IF({method}="actual","${METHOD_NAMES.actual}","${METHOD_NAMES.rule78}")`,
    METHOD_NAMES[calc.method],
  );
  // conventions §4: the rule of 78 is for equal instalments with no residual; say so when it is chosen anyway.
  label("Kontroll av metoden", "note");
  g.put(1, {
    formula: `IF(AND({method}="rule78",{V}>0),"${RULE78_WITH_RESIDUAL}","OK")`,
    result: calc.method === "rule78" && !c.residual.isZero() ? RULE78_WITH_RESIDUAL : "OK",
    style: "warning",
  });
  g.name("methodCheck", g.row, 1, true);
  g.next();

  // 4. Reduction at each date, both methods.
  section("Reduceringsbelopp");
  const dateHeader = () => {
    g.put(0, { value: "", style: "tableHeader" });
    statements.forEach((st, i) =>
      g.put(dateCols[i], { value: DATE_LABELS[st.label], style: "tableHeader" }),
    );
    g.next();
  };
  dateHeader();
  perDate(
    "date",
    "Datum",
    (l) => `{${l === "notice" ? "noticeDate" : "repossessionDate"}}`,
    (st) => serial(st.date),
    FORMATS.date,
  );
  label("78-regeln: R = t(t + 1) · c / (n(n + 1))", "section");
  g.next();
  perDate(
    "passedBefore",
    "Förfallodagar före datumet",
    (l) => `COUNTIF({dueDates},"<"&{${l}.date})`,
    (st) => countDueDates(c.firstDueDate, c.installments, st.date, false),
    FORMATS.integer,
  );
  perDate(
    "t",
    "t = n − 1 − förfallodagar före",
    (l) => `MAX(0,{n}-1-{${l}.passedBefore})`,
    (st) => st.remainingInstallments,
    FORMATS.integer,
    "derived",
    "nästa förfallodag räknas som passerad",
  );
  perDate(
    "n",
    "n (antal avbetalningar)",
    () => "{n}",
    () => c.installments,
    FORMATS.integer,
  );
  perDate(
    "c",
    "c (kreditkostnad utan uppläggningsavgift)",
    () => "{c}",
    () => num(calc.creditCostExclSetup),
    FORMATS.kronorOre,
  );
  perDate(
    "rule78",
    "R enligt 78-regeln",
    (l) => `{${l}.t}*({${l}.t}+1)*{${l}.c}/({${l}.n}*({${l}.n}+1))`,
    (st) => num(st.reductionRule78),
    FORMATS.kronorOre,
  );
  label(
    "Faktisk avräkning: ränta efter datumet − upplupen ränta + ej intjänade avgifter",
    "section",
  );
  g.next();
  perDate(
    "m",
    "Förfallodagar till och med datumet (m)",
    (l) => `COUNTIF({dueDates},"<="&{${l}.date})`,
    (st) => st.actual.duePassed,
    FORMATS.integer,
  );
  perDate(
    "balance",
    "Skuld efter förfallodag m",
    (l) => `IF({${l}.m}=0,{K},INDEX({balances},{${l}.m}))`,
    (st) => (st.actual.duePassed >= c.installments ? 0 : num(st.actual.balance)),
    FORMATS.kronorOre,
  );
  perDate(
    "remainingInterest",
    "Ränta kvar i planen efter förfallodag m",
    (l) => `IF({${l}.m}>={n},0,{A}*({n}-{${l}.m})+{V}-{${l}.balance})`,
    (st) => num(st.actual.remainingInterest),
    FORMATS.kronorOre,
  );
  perDate(
    "periodStart",
    "Periodens början (förfallodag m)",
    (l) => `IF({${l}.m}=0,EDATE({first},-1),INDEX({dueDates},{${l}.m}))`,
    (st) => serial(dueDate(c.firstDueDate, st.actual.duePassed)),
    FORMATS.date,
  );
  perDate(
    "periodEnd",
    "Nästa förfallodag",
    (l) => `IF({${l}.m}>={n},{${l}.periodStart},INDEX({dueDates},{${l}.m}+1))`,
    (st) =>
      serial(
        st.actual.duePassed >= c.installments
          ? dueDate(c.firstDueDate, st.actual.duePassed)
          : dueDate(c.firstDueDate, st.actual.duePassed + 1),
      ),
    FORMATS.date,
  );
  perDate(
    "daysAccrued",
    "Dagar sedan förfallodag m",
    (l) => `MAX(0,{${l}.date}-{${l}.periodStart})`,
    (st) => Math.max(0, st.date - dueDate(c.firstDueDate, st.actual.duePassed)),
    FORMATS.integer,
  );
  perDate(
    "accrued",
    "Upplupen ränta (skuld · i · dagar / periodens dagar)",
    (l) =>
      `IF({${l}.m}>={n},0,{${l}.balance}*{i}*{${l}.daysAccrued}/({${l}.periodEnd}-{${l}.periodStart}))`,
    (st) => num(st.actual.accruedInterest),
    FORMATS.kronorOre,
  );
  perDate(
    "unearnedFees",
    "Ej intjänade aviavgifter f · (n − m)",
    (l) => `{f}*({n}-{${l}.m})`,
    (st) => num(st.actual.unearnedFees),
    FORMATS.kronorOre,
  );
  perDate(
    "actual",
    "R enligt faktisk avräkning",
    (l) => `IF({${l}.m}>={n},0,MAX(0,{${l}.remainingInterest}-{${l}.accrued}+{${l}.unearnedFees}))`,
    (st) => num(st.actual.reduction),
    FORMATS.kronorOre,
  );
  g.next();
  perDate(
    "reductionUsed",
    "Reduceringsbelopp enligt vald metod",
    (l) => `IF({method}="actual",{${l}.actual},{${l}.rule78})`,
    (st) => num(st.reduction),
    FORMATS.kronorOre,
    "total",
  );
  perDate(
    "reductionOther",
    "Den andra metoden (jämförelse)",
    (l) => `IF({method}="actual",{${l}.rule78},{${l}.actual})`,
    (st) => num(calc.method === "actual" ? st.reductionRule78 : st.actual.reduction),
    FORMATS.kronorOre,
  );
  perDate(
    "methodDifference",
    "Skillnad för konsumenten: faktisk − 78-regeln",
    (l) => `{${l}.actual}-{${l}.rule78}`,
    (st) => num(st.actual.reduction.minus(st.reductionRule78)),
    FORMATS.kronorOre,
    "derived",
    "positiv: faktisk avräkning ger konsumenten mer",
  );
  g.put(0, { value: METHOD_NOTE, style: "note" });
  merges.push(`${address(g.row, 0)}:${address(g.row, LAST_COL)}`);
  g.next();

  // 5. The statement.
  section("Att betala för att undgå återtagning");
  dateHeader();
  const exactFormula: Record<
    Exclude<Line, "amountExclInterest" | "amountInclInterest">,
    (l: string) => string
  > = {
    unpaidCreditClaim: () => "ROUND({unpaidCreditClaim},0)",
    basicFee: () => "ROUND({basicFee},0)",
    applicantCosts: () => "ROUND({applicantCosts},0)",
    reduction: (l) => `ROUND({${l}.reductionUsed},0)`,
    lateInterest: (l) => `ROUND({${l}.interestTotal},0)`,
    claimedInterest: () => "ROUND({claimed},0)",
  };
  const totals: Record<"amountExclInterest" | "amountInclInterest", (l: string) => string> = {
    amountExclInterest: (l) =>
      `{${l}.unpaidCreditClaim}+{${l}.basicFee}+{${l}.applicantCosts}-{${l}.reduction}`,
    amountInclInterest: (l) =>
      `{${l}.amountExclInterest}+{${l}.lateInterest}+{${l}.claimedInterest}`,
  };
  for (const key of Object.keys(STATEMENT_LABELS) as Line[]) {
    const isTotal = key === "amountExclInterest" || key === "amountInclInterest";
    const formula = isTotal ? totals[key] : exactFormula[key];
    perDate(
      key,
      STATEMENT_LABELS[key],
      formula,
      (st) => num(st.lines[key]),
      FORMATS.kronor,
      isTotal ? "total" : "derived",
      key === "reduction" ? "dras av" : undefined,
    );
  }

  // 6. Valuation and outcome.
  section("Värdering och utfall");
  perDate(
    "value",
    "Uppskattat värde på godset",
    () => `IF({value}="","",{value})`,
    () => (c.estimatedValue === null ? "" : num(c.estimatedValue)),
    FORMATS.kronor,
  );
  perDate(
    "surplus",
    "Överskott (värde − att betala inkl. ränta)",
    (l) => `IF({value}="","",{value}-{${l}.amountInclInterest})`,
    (st) => (st.surplus === null ? "" : num(st.surplus)),
    FORMATS.kronor,
    "total",
  );
  const last = statements[statements.length - 1].label;
  label("Utfall vid återtagningen");
  g.put(1, {
    formula: `IF({value}="","${OUTCOME_TEXT.noValue}",IF({${last}.surplus}>0,"${OUTCOME_TEXT.payDifference}","${OUTCOME_TEXT.notice}"))`,
    result: OUTCOME_TEXT[outcomeOf(calc).kind],
    style: "derived",
  });
  merges.push(`${address(g.row, 1)}:${address(g.row, LAST_COL - 1)}`);
  g.put(LAST_COL, {
    formula: `IF({value}="",0,MAX(0,{${last}.surplus}))`,
    result: Math.max(0, statements[statements.length - 1].surplus?.toNumber() ?? 0),
    numberFormat: FORMATS.kronor,
    style: "total",
  });
  g.name("outcomeAmount", g.row, LAST_COL, true);
  g.name("outcome", g.row, 1, true);
  g.next();

  // 7. Late interest by half-year.
  section("Dröjsmålsränta per referensräntehalvår (båda dagarna räknas, dagar / 365)");
  const halfYears = halfYearsBetween(c.interestFrom, c.repossessionDate);
  const referencePercent = (start: Day) => calc.referenceRates.percentOn(start, "interestFrom");
  const capPercent = c.lateInterestRate === null ? null : c.lateInterestRate.times(100);
  const ratePercent = (start: Day) =>
    applicableRatePercent(referencePercent(start), STATUTORY_MARGIN_PERCENT, capPercent);
  for (const st of statements) {
    label(`Till ${DAY_NAMES[st.label]} ${formatIsoDate(st.date)}`, "label");
    g.next();
    ["Halvår från", "Från", "Till", "Dagar", "Referensränta", "Räntesats", "Ränta"].forEach(
      (text, col) => g.put(col, { value: text, style: "tableHeader" }),
    );
    g.next();
    const firstRow = g.row;
    for (const start of halfYears) {
      const seg = st.lateInterest.segments.find((s) => halfYearStart(s.from) === start);
      const r = g.row;
      const at = (col: number) => address(r, col);
      g.put(0, { value: serial(start), numberFormat: FORMATS.date });
      g.put(1, {
        formula: `MAX({interestFrom},${at(0)})`,
        result: serial(Math.max(c.interestFrom, start)),
        numberFormat: FORMATS.date,
        style: "derived",
      });
      g.put(2, {
        formula: `MIN({${st.label}.date},EDATE(${at(0)},6)-1)`,
        result: serial(Math.min(st.date, nextHalfYearStart(start) - 1)),
        numberFormat: FORMATS.date,
        style: "derived",
      });
      g.put(3, {
        formula: `MAX(0,${at(2)}-${at(1)}+1)`,
        result: seg?.days ?? 0,
        numberFormat: FORMATS.integer,
        style: "derived",
      });
      g.put(4, {
        formula: `INDEX({ratePercents},MATCH(${at(0)},{rateStarts},0))`,
        result: num(referencePercent(start)),
        numberFormat: FORMATS.percentPoints,
        style: "derived",
      });
      g.put(5, {
        formula: `MAX(0,IF({cap}>0,MIN(${at(4)}+{margin},{cap}*100),${at(4)}+{margin}))`,
        result: num(ratePercent(start)),
        numberFormat: FORMATS.percentPoints,
        style: "derived",
      });
      g.put(6, {
        formula: `{capital}*${at(5)}/100*${at(3)}/365`,
        result: num(seg?.interest ?? new Dec(0)),
        numberFormat: FORMATS.kronorOre,
        style: "derived",
      });
      g.next();
    }
    const lastRow = g.row - 1;
    label("Summa dröjsmålsränta", "total");
    const days = halfYears.length ? `SUM(${address(firstRow, 3)}:${address(lastRow, 3)})` : "0";
    g.put(3, {
      formula: days,
      result: st.lateInterest.days,
      numberFormat: FORMATS.integer,
      style: "total",
    });
    // Interest over a window the table no longer covers (an edited date) is #N/A, never a part sum.
    const interestSum = halfYears.length
      ? `SUM(${address(firstRow, 6)}:${address(lastRow, 6)})`
      : "0";
    g.put(6, {
      formula: `IF(${address(g.row, 3)}=MAX(0,{${st.label}.date}-{interestFrom}+1),${interestSum},NA())`,
      result: num(st.lateInterest.total),
      numberFormat: FORMATS.kronorOre,
      style: "total",
    });
    g.name(`${st.label}.interestTotal`, g.row, 6, true);
    g.name(`${st.label}.interestDays`, g.row, 3, true);
    g.next();
    label("Kontroll: tabellen täcker hela ränteperioden", "note");
    g.put(1, {
      formula: `IF({${st.label}.interestDays}=MAX(0,{${st.label}.date}-{interestFrom}+1),"OK","Datumen ligger utanför tabellen: skapa bladet på nytt")`,
      result: "OK",
      style: "warning",
    });
    g.next(2);
  }

  // Reference rates the interest formulas look up.
  label("Referensräntor (Riksbanken, räntelagen 9 §) som används ovan", "label");
  g.next();
  g.put(0, { value: "Gäller från", style: "tableHeader" });
  g.put(1, { value: "Procent", style: "tableHeader" });
  g.next();
  const rateFirst = g.row;
  for (const start of halfYears) {
    g.put(0, { value: serial(start), numberFormat: FORMATS.date, style: "input" });
    g.put(1, {
      value: num(referencePercent(start)),
      numberFormat: FORMATS.percentPoints,
      style: "input",
    });
    g.next();
  }
  const rateLast = Math.max(rateFirst, g.row - 1);
  g.rangeName("rateStarts", rateFirst, 0, rateLast, 0);
  g.rangeName("ratePercents", rateFirst, 1, rateLast, 1);

  // 8. Payment schedule.
  g.next();
  const scheduleTitleRow = g.row;
  g.put(0, { value: "Betalningsplan (avbetalningsplan)", style: "section" });
  for (let col = 1; col <= LAST_COL; col++) g.style(g.row, col, "section");
  g.next();
  const headerRow = g.row;
  [
    "Nr",
    "Förfallodag",
    "Betalning",
    "Ränta",
    "Amortering",
    "Skuld efter",
    "Aviavgift",
    "Markering",
  ].forEach((text, col) => g.put(col, { value: text, style: "tableHeader" }));
  g.next();
  const schedule = paymentSchedule(c);
  const firstRow = g.row;
  const markOf = new Map<number, string[]>();
  for (const st of statements) {
    const k = Math.min(c.installments, st.actual.duePassed + 1);
    markOf.set(k, [...(markOf.get(k) ?? []), DATE_LABELS[st.label]]);
  }
  for (const rowData of schedule) {
    const r = g.row;
    const prevBalance = r === firstRow ? "{K}" : address(r - 1, 5);
    const marked = markOf.get(rowData.k);
    const style: CellStyle = marked ? "marked" : "derived";
    g.put(0, {
      value: rowData.k,
      numberFormat: FORMATS.integer,
      style: marked ? "marked" : undefined,
    });
    g.put(1, {
      formula: `EDATE({first},${address(r, 0)}-1)`,
      result: serial(rowData.dueDate),
      numberFormat: FORMATS.date,
      style,
    });
    g.put(2, {
      formula: `IF(${address(r, 0)}={n},{A}+{V},{A})`,
      result: num(rowData.payment),
      numberFormat: FORMATS.kronorOre,
      style,
    });
    g.put(3, {
      formula: `IF(${address(r, 0)}={n},${address(r, 2)}-${prevBalance},${prevBalance}*{i})`,
      result: num(rowData.interest),
      numberFormat: FORMATS.kronorOre,
      style,
    });
    g.put(4, {
      formula: `${address(r, 2)}-${address(r, 3)}`,
      result: num(rowData.amortisation),
      numberFormat: FORMATS.kronorOre,
      style,
    });
    g.put(5, {
      formula: `IF(${address(r, 0)}={n},0,${prevBalance}-${address(r, 4)})`,
      result: num(rowData.balance),
      numberFormat: FORMATS.kronorOre,
      style,
    });
    g.put(6, { formula: "{f}", result: num(rowData.fee), numberFormat: FORMATS.kronorOre, style });
    if (marked)
      g.put(7, {
        value: marked.map((text, i) => (i === 0 ? text : text.toLowerCase())).join(" och "),
        style: "marked",
      });
    g.next();
  }
  const lastScheduleRow = g.row - 1;
  g.rangeName("dueDates", firstRow, 1, lastScheduleRow, 1);
  g.rangeName("balances", firstRow, 5, lastScheduleRow, 5);
  label("Summa", "total");
  const sumCol = (col: number) => `SUM(${address(firstRow, col)}:${address(lastScheduleRow, col)})`;
  const totalOf = (pick: (row: (typeof schedule)[number]) => Dec) =>
    num(schedule.reduce((sum, row) => sum.plus(pick(row)), new Dec(0)));
  g.put(2, {
    formula: sumCol(2),
    result: totalOf((row) => row.payment),
    numberFormat: FORMATS.kronorOre,
    style: "total",
  });
  g.put(3, {
    formula: sumCol(3),
    result: totalOf((row) => row.interest),
    numberFormat: FORMATS.kronorOre,
    style: "total",
  });
  g.put(4, {
    formula: sumCol(4),
    result: totalOf((row) => row.amortisation),
    numberFormat: FORMATS.kronorOre,
    style: "total",
  });
  g.put(6, {
    formula: sumCol(6),
    result: totalOf((row) => row.fee),
    numberFormat: FORMATS.kronorOre,
    style: "total",
  });
  g.name("schedulePayments", g.row, 2, true);
  g.name("scheduleFees", g.row, 6, true);
  g.next();
  label("Kontroll: betalningar + avgifter + uppläggningsavgift = kreditfordran", "note");
  g.put(1, {
    formula: `IF(ROUND({schedulePayments}+{scheduleFees}+{S}-{creditClaim},2)=0,"OK","Stämmer inte: har n ändrats? Skapa bladet på nytt")`,
    result: "OK",
    style: "warning",
  });
  g.next();

  const { cells, names } = g.resolve();
  const rowCount = g.row;
  return {
    name: validSheetName(c.caseId),
    rowCount,
    colCount: COLUMN_WIDTHS.length,
    cells,
    merges,
    columnWidths: [...COLUMN_WIDTHS],
    print: {
      area: `A1:${address(rowCount - 1, LAST_COL)}`,
      orientation: "portrait",
      paperSize: "A4",
      fitToWidth: 1,
      titleRows: `$${headerRow + 1}:$${headerRow + 1}`,
      header: `&LÅtertagande&C${escapeHeaderText(c.caseId)}&R&D`,
      footer: `&LÄrende ${escapeHeaderText(c.caseId)}&RSida &P av &N`,
      pageBreaksBefore: [scheduleTitleRow + 1],
    },
    names,
  };
}

/** `&` starts a code in Excel headers and footers; a literal one is written `&&`. */
function escapeHeaderText(text: string): string {
  return text.replace(/&/g, "&&");
}

/** The half-years that hold days of the window from … to (none when the window is empty). */
function halfYearsBetween(from: Day, to: Day): Day[] {
  const starts: Day[] = [];
  if (from > to) return starts;
  for (let start = halfYearStart(from); start <= to; start = addMonths(start, 6))
    starts.push(start);
  return starts;
}
