/**
 * A worksheet row → a contract (src/sheet/headers.ts): header aliases, cell conversion, every problem
 * with its cell address, and the training table that reads back to the same contract.
 */
import { CONTRACT_FIELDS, ContractField, formatIsoDate, parseContract } from "../src/engine";
import {
  FIELD_KINDS,
  HEADER_ALIASES,
  RowResult,
  SWEDISH_HEADERS,
  contractTable,
  fieldForHeader,
  rowToContract,
} from "../src/sheet/headers";
import { columnLetter } from "../src/sheet/grid";
import { exampleRow } from "./testkit/fixtures";

/** Data row 3 under header row 1 (row 2 holds another contract), columns from A. */
const cellAt = (col: number) => `${columnLetter(col)}3`;
const headerAt = (headers: unknown[]) => ({
  address: `A1:${columnLetter(headers.length - 1)}1`,
  addressOf: (col: number) => `${columnLetter(col)}1`,
});
const read = (headers: unknown[], values: unknown[]) =>
  rowToContract(headers, values, cellAt, headerAt(headers));

function problemsOf(result: RowResult) {
  if (result.ok)
    throw new Error(`expected problems, got a contract: ${JSON.stringify(result.input)}`);
  return result.problems;
}

/** Example 1 as a worksheet row under the Swedish headers (dates as Excel serials). */
function swedishRow(): { headers: unknown[]; values: unknown[] } {
  const table = contractTable([exampleRow(1)]);
  return { headers: [...table.headers], values: [...table.rows[0]] };
}

describe("header aliases", () => {
  // [header as a user may write it, field]: case, accents, spaces, punctuation and (units) ignored.
  const cases: [string, ContractField][] = [
    ["Kreditbelopp", "creditAmount"],
    ["KREDITBELOPP", "creditAmount"],
    ["Kreditbelopp (kr)", "creditAmount"],
    ["  första   FÖRFALLODAG ", "firstDueDate"],
    ["forsta forfallodag", "firstDueDate"],
    ["Första förfallodag:", "firstDueDate"],
    ["Antal_avbetalningar", "installments"],
    ["ärende", "caseId"],
    ["ÄRENDE-ID", "caseId"],
    ["Sökande", "creditor"],
    ["svarande", "debtor"],
    ["Gods", "goods"],
    ["Kontraktsdatum", "contractDate"],
    ["Kontantpris", "cashPrice"],
    ["Handpenning", "downPayment"],
    ["Ränta", "annualRate"],
    ["Nominell ränta (%)", "annualRate"],
    ["Avbetalning", "installmentAmount"],
    ["annuitet", "installmentAmount"],
    ["Aviavgift", "monthlyFee"],
    ["Uppläggnings-avgift", "setupFee"],
    ["Restbelopp", "residual"],
    ["Betalda avbetalningar", "installmentsPaid"],
    ["Obetald del av kreditfordran", "unpaidCreditClaim"],
    ["Ansökningsdag", "applicationDate"],
    ["Yrkad ränta", "claimedInterest"],
    ["Ränta från", "interestFrom"],
    ["RÄNTA FRÅN", "interestFrom"],
    ["Räntebärande kapital", "interestCapital"],
    ["Avtalad dröjsmålsränta", "lateInterestRate"],
    ["Grundavgift", "basicFee"],
    ["Sökandens kostnader", "applicantCosts"],
    ["Underrättelsedag", "noticeDate"],
    ["Återtagningsdag", "repossessionDate"],
    ["aterTAGNINGSdag", "repossessionDate"],
    ["Uppskattat värde", "estimatedValue"],
    ["Metod", "method"],
    ["firstDueDate", "firstDueDate"],
    ["FIRSTDUEDATE", "firstDueDate"],
    ["installments_paid", "installmentsPaid"],
  ];
  test.each(cases)("%j names %s", (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  test("unknown or empty headers name no field", () => {
    for (const header of ["Anteckning", "", "   ", null, undefined, 42, "Ränta på ränta"]) {
      expect(fieldForHeader(header)).toBeUndefined();
    }
  });

  test("every field has a Swedish header and a JSON name that map back to it", () => {
    for (const field of CONTRACT_FIELDS) {
      expect(HEADER_ALIASES[field].length).toBeGreaterThan(0);
      expect(SWEDISH_HEADERS[field]).toBe(HEADER_ALIASES[field][0]);
      expect(fieldForHeader(SWEDISH_HEADERS[field])).toBe(field);
      expect(fieldForHeader(field)).toBe(field);
      for (const alias of HEADER_ALIASES[field])
        expect([alias, fieldForHeader(alias)]).toEqual([alias, field]);
    }
  });
});

describe("rowToContract", () => {
  test("a Swedish header row with odd case, accents and spaces gives the worked example", () => {
    const { headers, values } = swedishRow();
    const odd = headers.map((header, i) =>
      i % 2 === 0
        ? ` ${String(header).toUpperCase()} `
        : String(header)
            .normalize("NFD")
            .replace(/[\u0300-\u036f]/g, ""),
    );
    const result = read(odd, values);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.input).toEqual(exampleRow(1));
    expect(result.contract).toEqual(parseContract(exampleRow(1)));
    expect(result.ignoredHeaders).toEqual([]);
  });

  test("a header row of JSON field names works", () => {
    const example = exampleRow(2);
    const result = read(Object.keys(example), Object.values(example));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.input).toEqual(example);
    expect(result.contract.residual.toFixed(2)).toBe("40000.00");
  });

  test("Excel serial dates convert exactly (41258 → 2012-12-15, 40086 → 2009-09-30)", () => {
    const { headers, values } = swedishRow();
    const at = (field: ContractField) => headers.indexOf(SWEDISH_HEADERS[field]);
    values[at("noticeDate")] = 41258;
    values[at("firstDueDate")] = 40086;
    const result = read(headers, values);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.input.noticeDate).toBe("2012-12-15");
    expect(result.input.firstDueDate).toBe("2009-09-30");
    expect(formatIsoDate(result.contract.noticeDate!)).toBe("2012-12-15");
  });

  test("numeric text, percentage text and ISO date text are read; empty cells are missing", () => {
    const { headers, values } = swedishRow();
    const at = (field: ContractField) => headers.indexOf(SWEDISH_HEADERS[field]);
    values[at("cashPrice")] = "143 750";
    values[at("annualRate")] = "5,95 %";
    values[at("firstDueDate")] = " 2009-09-30 ";
    values[at("basicFee")] = "";
    values[at("method")] = "78-regeln";
    const result = read(headers, values);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.input.cashPrice).toBe("143750");
    expect(result.contract.annualRate.toFixed(4)).toBe("0.0595");
    expect(result.input.firstDueDate).toBe("2009-09-30");
    expect(result.input).not.toHaveProperty("basicFee");
    expect(result.contract.basicFee.toFixed(2)).toBe("600.00"); // grundavgift default
    expect(result.contract.method).toBe("rule78");
  });

  test("unknown headers are ignored and listed, not errors", () => {
    const { headers, values } = swedishRow();
    const result = read([...headers, "Anteckning"], [...values, "ring tisdag"]);
    expect(result.ok).toBe(true);
    expect(result.ignoredHeaders).toEqual([
      { header: "Anteckning", address: `${columnLetter(headers.length)}1` },
    ]);
  });

  test("every bad cell is reported with its address: text in Kreditbelopp (C3), a missing Första förfallodag column, more", () => {
    // A: Ärende, B: Kontantpris, C: Kreditbelopp, … and no Första förfallodag column.
    const headers = [
      "Ärende",
      "Kontantpris",
      "Kreditbelopp",
      "Nominell ränta",
      "Antal avbetalningar",
      "Avbetalning",
      "Betalda avbetalningar",
      "Ansökningsdag",
      "Återtagningsdag",
      "Anteckning",
    ];
    const values = [
      "Övning 1",
      143750,
      "etthundrafemtontusen",
      0.0595,
      72.5,
      1903,
      31,
      "2012-13-40",
      41263.5,
      "x",
    ];
    const problems = problemsOf(read(headers, values));
    expect(problems.map(({ field, address }) => [field, address])).toEqual([
      ["creditAmount", "C3"], // text, not a number
      ["installments", "E3"], // not a whole number
      ["applicationDate", "H3"], // no such date
      ["repossessionDate", "I3"], // a serial with a time of day
      ["firstDueDate", "A1:J1"], // no column at all: the header row
    ]);
    expect(problems[0].message).toContain("Kreditbelopp");
    expect(problems[0].message).toContain("etthundrafemtontusen");
    expect(problems[4].message).toContain("Första förfallodag");
  });

  test("a required field left empty is reported at its cell", () => {
    const { headers, values } = swedishRow();
    values[headers.indexOf(SWEDISH_HEADERS.installmentAmount)] = "";
    const problems = problemsOf(read(headers, values));
    expect(problems.map((p) => [p.field, p.address])).toEqual([
      ["installmentAmount", `${columnLetter(headers.indexOf("Avbetalning"))}3`],
    ]);
  });

  test("credit amount or cash price: one of them must be there", () => {
    const { headers, values } = swedishRow();
    for (const field of ["cashPrice", "downPayment", "creditAmount"] as const)
      values[headers.indexOf(SWEDISH_HEADERS[field])] = "";
    const problems = problemsOf(read(headers, values));
    expect(problems.map((p) => p.field)).toEqual(["creditAmount"]);
    expect(problems[0].message).toMatch(/Kreditbelopp.*Kontantpris/);
  });

  test("two headers naming the same field are a problem at the second header cell", () => {
    const { headers, values } = swedishRow();
    const problems = problemsOf(read([...headers, "Ränta"], [...values, 0.06]));
    const col = columnLetter(headers.length);
    expect(problems).toEqual([
      {
        field: "annualRate",
        address: `${col}1`,
        message: expect.stringContaining("Nominell ränta"),
      },
    ]);
  });

  test("a rule across fields (engine) is reported at the cell of the field it names, with Swedish headers", () => {
    const { headers, values } = swedishRow();
    const at = headers.indexOf(SWEDISH_HEADERS.repossessionDate);
    values[at] = "2012-12-01"; // before the notice date 2012-12-15
    const problems = problemsOf(read(headers, values));
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe("repossessionDate");
    expect(problems[0].address).toBe(`${columnLetter(at)}3`);
    expect(problems[0].message).toContain("Återtagningsdag");
    expect(problems[0].message).toContain("Underrättelsedag");
    expect(problems[0].message).not.toContain("repossessionDate");
  });

  test("a rate of 100 or more is refused at its cell (a bare number from 1 is percent)", () => {
    const { headers, values } = swedishRow();
    const at = headers.indexOf(SWEDISH_HEADERS.annualRate);
    values[at] = 595;
    expect(problemsOf(read(headers, values)).map((p) => [p.field, p.address])).toEqual([
      ["annualRate", `${columnLetter(at)}3`],
    ]);
  });
});

describe("contractTable (the training workbook's Kontrakt sheet)", () => {
  test("every field under its Swedish header, dates as serials with a date format", () => {
    const table = contractTable([exampleRow(1), exampleRow(2)]);
    expect(table.headers).toEqual(CONTRACT_FIELDS.map((field) => SWEDISH_HEADERS[field]));
    expect(table.rows).toHaveLength(2);
    const at = (field: ContractField) => CONTRACT_FIELDS.indexOf(field);
    expect(table.rows[0][at("firstDueDate")]).toBe(40086);
    expect(table.rows[0][at("noticeDate")]).toBe(41258);
    expect(table.rows[1][at("residual")]).toBe(40000);
    expect(table.rows[0][at("unpaidCreditClaim")]).toBe(""); // not in the example: empty
    for (const field of CONTRACT_FIELDS) {
      if (FIELD_KINDS[field] === "date") expect(table.numberFormats[at(field)]).toBe("yyyy-mm-dd");
    }
    expect(table.numberFormats[at("annualRate")]).toBe("0.00%");
  });

  test("each row reads back to the same contract", () => {
    const table = contractTable([exampleRow(1), exampleRow(2)]);
    table.rows.forEach((row, i) => {
      const result = read(table.headers, row);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      expect(result.input).toEqual(exampleRow(i === 0 ? 1 : 2));
    });
  });
});
