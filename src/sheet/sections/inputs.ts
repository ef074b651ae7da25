/**
 * The sheet's head and the contract's inputs (yellow cells a user may edit): case, parties, dates,
 * the law that applies, then every contract figure the formulas below read.
 */
import {
  CONTRACT_SCHEMA,
  Day,
  Dec,
  LAW_TABLE_COVERS_BEFORE,
  LAW_WARNING,
  METHOD_NAMES,
  STATUTORY_MARGIN_PERCENT,
  excelSerialFromDay,
  partsOfDay,
} from "../../engine";
import { FORMATS } from "../formats";
import { CellContent } from "../grid";
import { LAST_COL, SheetLayout } from "../layout";
import { address } from "../grid";
import { METHOD_CHOICE_NAMES } from "../texts";

const SHEET_TITLE = "Återtagande – beräkning av reduceringsbelopp och belopp att betala";

const money = (amount: Dec | null): CellContent =>
  amount === null
    ? { numberFormat: FORMATS.kronor }
    : { value: amount.toNumber(), numberFormat: FORMATS.kronor };

const dateCell = (day: Day | null): CellContent =>
  day === null
    ? { numberFormat: FORMATS.date }
    : { value: excelSerialFromDay(day), numberFormat: FORMATS.date };

/** Title, case and parties, the dates, the law and the method in use. */
export function planHeader(s: SheetLayout): void {
  const c = s.calc.contract;
  s.put(0, { value: SHEET_TITLE, style: "title" });
  s.mergeRow(0, LAST_COL);
  s.next(2);
  s.input("caseId", "Ärende", { value: c.caseId, numberFormat: FORMATS.text }, "caseId");
  s.input("creditor", "Sökande", { value: c.creditor, numberFormat: FORMATS.text }, "creditor");
  s.input(
    "creditorAddress",
    CONTRACT_SCHEMA.creditorAddress.label,
    { value: c.creditorAddress, numberFormat: FORMATS.text },
    "creditorAddress",
  );
  s.input("debtor", "Svarande", { value: c.debtor, numberFormat: FORMATS.text }, "debtor");
  s.input(
    "debtorAddress",
    CONTRACT_SCHEMA.debtorAddress.label,
    { value: c.debtorAddress, numberFormat: FORMATS.text },
    "debtorAddress",
  );
  s.input("goods", "Gods", { value: c.goods, numberFormat: FORMATS.text }, "goods");
  s.input("contractDate", "Kontraktsdatum", dateCell(c.contractDate), "contractDate");
  s.input("applicationDate", "Ansökningsdag", dateCell(c.applicationDate), "applicationDate");
  if (c.noticeDate !== null)
    s.input("noticeDate", "Underrättelsedag", dateCell(c.noticeDate), "noticeDate");
  s.input(
    "repossessionDate",
    "Återtagningsdag (förrättning)",
    dateCell(c.repossessionDate),
    "repossessionDate",
  );
  s.label("Lagrum för avräkningen");
  s.put(1, { value: `${s.calc.law.settlement}; dröjsmålsränta enligt ${s.calc.law.lateInterest}` });
  s.name("law", 1);
  s.next();
  planLawNote(s);
  s.label("Metod");
  s.put(1, { formula: "{methodName}", result: METHOD_NAMES[s.calc.method], style: "derived" });
  s.next();
}

const LAW_NOTE = "Lagrummet bestäms av kontraktsdatum.";

/**
 * Under the law: how it is chosen, or (red, and wrapped across the page) the warning that it must be
 * checked, for a contract the law table may not cover; a formula of the contract date, so it follows
 * an edit.
 */
function planLawNote(s: SheetLayout): void {
  const { year, month, day } = partsOfDay(LAW_TABLE_COVERS_BEFORE);
  const warning = s.calc.lawWarning;
  const formula = `IF({contractDate}>=DATE(${year},${month},${day}),"${LAW_WARNING}","${LAW_NOTE}")`;
  const at = address(s.row, 0);
  s.conditionalFormats.push({ range: at, formula: `${at}<>"${LAW_NOTE}"`, style: "warning" });
  if (warning === null) {
    s.put(0, { formula, result: LAW_NOTE, style: "note" });
    s.next();
  } else {
    s.wrappedNote(warning, { formula, result: warning });
  }
}

/** The credit's figures, in the order of the contract form. */
export function planContractInputs(s: SheetLayout): void {
  const c = s.calc.contract;
  const num = (amount: Dec) => amount.toNumber();
  s.section("Indata från kontraktet (gula celler kan ändras; allt annat räknas om)");
  s.input("cashPrice", "Kontantpris", money(c.cashPrice), "cashPrice");
  s.input("downPayment", "Handpenning", money(c.downPayment), "downPayment");
  s.input("K", "Kreditbelopp (K)", money(c.creditAmount), "creditAmount");
  s.input(
    "rate",
    "Nominell årsränta",
    { value: num(c.annualRate), numberFormat: FORMATS.rate },
    "annualRate",
  );
  s.input(
    "n",
    "Antal avbetalningar (n)",
    { value: c.installments, numberFormat: FORMATS.integer },
    "installments",
    "planen har n rader: ändras n, skapa bladet på nytt",
  );
  s.input("first", "Första förfallodag", dateCell(c.firstDueDate), "firstDueDate");
  s.input(
    "A",
    "Avbetalning utan avgift (A)",
    { value: num(c.installmentAmount), numberFormat: FORMATS.kronorOre },
    "installmentAmount",
  );
  s.input(
    "f",
    "Aviavgift per avbetalning (f)",
    { value: num(c.monthlyFee), numberFormat: FORMATS.kronorOre },
    "monthlyFee",
  );
  s.input(
    "S",
    "Uppläggningsavgift (S)",
    { value: num(c.setupFee), numberFormat: FORMATS.kronorOre },
    "setupFee",
  );
  s.input("V", "Restbelopp (V)", money(c.residual), "residual");
  planClaimInputs(s);
  s.input("basicFee", "Grundavgift", money(c.basicFee), "basicFee");
  s.input("applicantCosts", "Sökandens kostnader", money(c.applicantCosts), "applicantCosts");
  s.input("value", "Uppskattat värde på godset", money(c.estimatedValue), "estimatedValue");
  s.input(
    "methodChoice",
    "Metodval",
    { value: METHOD_CHOICE_NAMES[c.method], numberFormat: FORMATS.text },
    "method",
    `${METHOD_CHOICE_NAMES.auto}, ${METHOD_CHOICE_NAMES.rule78} eller ${METHOD_CHOICE_NAMES.actual}`,
  );
}

/** What the application claims: instalments paid or the unpaid claim, interest and its terms. */
function planClaimInputs(s: SheetLayout): void {
  const c = s.calc.contract;
  // A stated unpaid credit claim wins over one derived from the instalments paid (as in the engine).
  if (c.installmentsPaid !== null) {
    s.input(
      "paid",
      "Betalda avbetalningar",
      { value: c.installmentsPaid, numberFormat: FORMATS.integer },
      "installmentsPaid",
    );
  }
  if (c.unpaidCreditClaimStated) {
    s.input(
      "unpaidGiven",
      "Obetald del av kreditfordran (angiven)",
      money(c.unpaidCreditClaim),
      "unpaidCreditClaim",
    );
  }
  s.input(
    "claimed",
    "Yrkad ränta per ansökningsdagen",
    money(c.claimedInterest),
    "claimedInterest",
  );
  s.input("interestFrom", "Dröjsmålsränta löper från", dateCell(c.interestFrom), "interestFrom");
  if (c.interestCapitalStated)
    s.input(
      "capitalGiven",
      "Räntebärande kapital (angivet)",
      money(c.interestCapital),
      "interestCapital",
    );
  s.input(
    "margin",
    "Räntemarginal över referensräntan (procentenheter)",
    { value: STATUTORY_MARGIN_PERCENT.toNumber(), numberFormat: FORMATS.percentPoints },
    undefined,
    "räntelagen 6 §",
  );
  s.input(
    "cap",
    "Avtalad dröjsmålsränta (tak, 0 = ingen)",
    {
      value: c.lateInterestRate === null ? 0 : c.lateInterestRate.toNumber(),
      numberFormat: FORMATS.rate,
    },
    "lateInterestRate",
  );
}
