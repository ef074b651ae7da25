/**
 * Contract validation (parseContract): every rejection names the field (and the value), and the defaults
 * documented at the top of src/engine/contract.ts. Base row: worked example 1 (examples/).
 */
import { calculate, formatIsoDate, parseContract } from "../src/engine";
import { engineErrorOf, exampleRow } from "./testkit/fixtures";

function without(row: Record<string, unknown>, ...fields: string[]): Record<string, unknown> {
  const copy = { ...row };
  for (const field of fields) delete copy[field];
  return copy;
}

describe("required fields", () => {
  test.each`
    remove                                          | field                  | scenario
    ${["caseId"]}                                   | ${"caseId"}            | ${"case id"}
    ${["annualRate"]}                               | ${"annualRate"}        | ${"nominal rate"}
    ${["installments"]}                             | ${"installments"}      | ${"number of instalments"}
    ${["firstDueDate"]}                             | ${"firstDueDate"}      | ${"first due date"}
    ${["installmentAmount"]}                        | ${"installmentAmount"} | ${"instalment"}
    ${["installmentsPaid"]}                         | ${"installmentsPaid"}  | ${"instalments paid (no unpaidCreditClaim either)"}
    ${["applicationDate"]}                          | ${"applicationDate"}   | ${"application date"}
    ${["repossessionDate"]}                         | ${"repossessionDate"}  | ${"repossession date"}
    ${["creditAmount", "cashPrice", "downPayment"]} | ${"creditAmount"}      | ${"credit amount with no cash price to derive it from"}
  `("missing $scenario → error naming $field", ({ remove, field }) => {
    const error = engineErrorOf(() => parseContract(without(exampleRow(1), ...remove)));
    expect(error.code).toBe("required");
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
  });

  test.each`
    value   | scenario
    ${null} | ${"null"}
    ${""}   | ${"empty text"}
    ${"  "} | ${"blank text"}
  `("a required field given as $scenario counts as missing", ({ value }) => {
    const error = engineErrorOf(() => parseContract({ ...exampleRow(1), repossessionDate: value }));
    expect(error.code).toBe("required");
    expect(error.field).toBe("repossessionDate");
  });
});

describe("wrong types, negative amounts, unknown fields", () => {
  test.each`
    field                 | value              | code                | shown                | scenario
    ${"cashPrice"}        | ${true}            | ${"notNumber"}      | ${"SANT"}            | ${"a boolean amount"}
    ${"installments"}     | ${"seventy-two"}   | ${"notNumber"}      | ${'"seventy-two"'}   | ${"a count in words"}
    ${"installments"}     | ${72.5}            | ${"notInteger"}     | ${"72,5"}            | ${"a fractional count"}
    ${"installments"}     | ${0}               | ${"outOfRange"}     | ${"0"}               | ${"no instalments"}
    ${"firstDueDate"}     | ${40086.5}         | ${"dateWithTime"}   | ${"40 086,5"}        | ${"a serial number with a time of day"}
    ${"noticeDate"}       | ${"15/12/2012"}    | ${"notDate"}        | ${'"15/12/2012"'}    | ${"a day-first date"}
    ${"applicationDate"}  | ${"2012-02-30"}    | ${"invalidDate"}    | ${'"2012-02-30"'}    | ${"an impossible date"}
    ${"caseId"}           | ${{ id: 1 }}       | ${"notText"}        | ${'{"id":1}'}        | ${"an object as text"}
    ${"method"}           | ${"fast"}          | ${"unknownMethod"}  | ${'"fast"'}          | ${"an unknown method"}
    ${"monthlyFee"}       | ${-25}             | ${"negative"}       | ${"−25"}             | ${"a negative fee"}
    ${"claimedInterest"}  | ${"-487"}          | ${"negative"}       | ${'"-487"'}          | ${"a negative amount as text"}
    ${"estimatedValue"}   | ${-1}              | ${"negative"}       | ${"−1"}              | ${"a negative value of the goods"}
    ${"residual"}         | ${"40 000 kronor"} | ${"notNumber"}      | ${'"40 000 kronor"'} | ${"an amount with words"}
    ${"annualRate"}       | ${100}             | ${"rateAsFraction"} | ${"100"}             | ${"a rate of 100 % (a bare number from 1 is percent)"}
    ${"annualRate"}       | ${"595 %"}         | ${"rateAsFraction"} | ${'"595 %"'}         | ${"a rate of 595 %"}
    ${"lateInterestRate"} | ${120}             | ${"rateAsFraction"} | ${"120"}             | ${"a late-interest rate of 120 %"}
    ${"installmentsPaid"} | ${-1}              | ${"outOfRange"}     | ${"−1"}              | ${"negative instalments paid"}
  `("$scenario: $field = $value → $code", ({ field, value, code, shown }) => {
    const error = engineErrorOf(() => parseContract({ ...exampleRow(1), [field]: value }));
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
    expect(error.message).toContain(shown);
  });

  test("installmentsPaid 99 of 72: the message names the field, 99 and 72", () => {
    const error = engineErrorOf(() => parseContract({ ...exampleRow(1), installmentsPaid: 99 }));
    expect(error.code).toBe("exceeds");
    expect(error.message).toContain("installmentsPaid");
    expect(error.message).toContain("99");
    expect(error.message).toContain("72");
  });

  test("an unknown field (a typo) is rejected by name", () => {
    const error = engineErrorOf(() =>
      parseContract({ ...exampleRow(1), intrestFrom: "2012-09-05" }),
    );
    expect(error.code).toBe("unknownField");
    expect(error.message).toContain("intrestFrom");
  });

  test.each`
    raw           | scenario
    ${null}       | ${"null"}
    ${[]}         | ${"an array"}
    ${"contract"} | ${"text"}
  `("a contract that is not an object ($scenario) is rejected", ({ raw }) => {
    expect(engineErrorOf(() => parseContract(raw)).code).toBe("notObject");
  });

  test("creditAmount inconsistent with cashPrice − downPayment names creditAmount and both prices", () => {
    const error = engineErrorOf(() => parseContract({ ...exampleRow(1), creditAmount: 115001 }));
    expect(error.code).toBe("inconsistent");
    expect(error.field).toBe("creditAmount");
    expect(error.message).toBe(
      "Fältet creditAmount (115 001) stämmer inte: fältet cashPrice 143 750,00 kr − fältet downPayment 28 750,00 kr = 115 000,00 kr",
    );
  });

  test("an instalment that cannot repay the credit is rejected naming installmentAmount", () => {
    // 72 × 1 500 = 108 000 < 115 000: the credit cost would be negative.
    const error = engineErrorOf(() => parseContract({ ...exampleRow(1), installmentAmount: 1500 }));
    expect(error.code).toBe("scheduleDoesNotRepay");
    expect(error.field).toBe("installmentAmount");
  });
});

describe("dates out of order", () => {
  test.each`
    change                                                  | field                 | other                | scenario
    ${{ repossessionDate: "2012-12-14" }}                   | ${"repossessionDate"} | ${"noticeDate"}      | ${"repossession before the notice"}
    ${{ noticeDate: "2012-09-03" }}                         | ${"noticeDate"}       | ${"applicationDate"} | ${"notice before the application"}
    ${{ noticeDate: null, repossessionDate: "2012-09-03" }} | ${"repossessionDate"} | ${"applicationDate"} | ${"repossession before the application, no notice"}
    ${{ contractDate: "2009-10-01" }}                       | ${"firstDueDate"}     | ${"contractDate"}    | ${"first due date before the contract"}
  `("$scenario → error naming $field and $other", ({ change, field, other }) => {
    const error = engineErrorOf(() => parseContract({ ...exampleRow(1), ...change }));
    expect(error.code).toBe("dateBefore");
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
    expect(error.message).toContain(other);
  });

  test("notice and repossession on the same day are in order", () => {
    const contract = parseContract({ ...exampleRow(1), noticeDate: "2012-12-20" });
    expect(formatIsoDate(contract.noticeDate!)).toBe("2012-12-20");
  });
});

describe("defaults", () => {
  test("interestFrom defaults to the day after applicationDate", () => {
    const contract = parseContract(without(exampleRow(1), "interestFrom"));
    expect(formatIsoDate(contract.interestFrom)).toBe("2012-09-05");
  });

  test("interestFrom default crosses a year end: application 2012-12-31 → 2013-01-01", () => {
    const row = {
      ...without(exampleRow(1), "interestFrom", "noticeDate"),
      applicationDate: "2012-12-31",
      repossessionDate: "2013-01-15",
    };
    expect(formatIsoDate(parseContract(row).interestFrom)).toBe("2013-01-01");
  });

  test("interestCapital defaults to the unpaid credit claim 41 × 1 928 = 79 048", () => {
    const contract = parseContract(exampleRow(1));
    expect(contract.unpaidCreditClaim.toFixed(2)).toBe((41 * 1928).toFixed(2));
    expect(contract.interestCapital.toFixed(2)).toBe("79048.00");
  });

  test("creditAmount defaults to cashPrice − downPayment = 115 000", () => {
    expect(parseContract(without(exampleRow(1), "creditAmount")).creditAmount.toFixed(2)).toBe(
      "115000.00",
    );
  });

  test("basicFee defaults to 600 kr and fees/costs to 0", () => {
    const contract = parseContract(
      without(exampleRow(1), "basicFee", "applicantCosts", "claimedInterest"),
    );
    expect(contract.basicFee.toFixed(2)).toBe("600.00");
    expect(contract.applicantCosts.toFixed(2)).toBe("0.00");
    expect(contract.claimedInterest.toFixed(2)).toBe("0.00");
  });

  test.each`
    which | method       | expected    | scenario
    ${1}  | ${"auto"}    | ${"rule78"} | ${"auto without residual → rule of 78"}
    ${2}  | ${"auto"}    | ${"actual"} | ${"auto with residual → actual settlement"}
    ${1}  | ${undefined} | ${"rule78"} | ${"method omitted = auto"}
    ${1}  | ${"actual"}  | ${"actual"} | ${"explicit actual overrides auto for an annuity"}
    ${2}  | ${"rule78"}  | ${"rule78"} | ${"explicit rule78 overrides auto for a residual credit"}
  `("$scenario", ({ which, method, expected }) => {
    const row =
      method === undefined
        ? without(exampleRow(which), "method")
        : { ...exampleRow(which), method };
    const calc = calculate(parseContract(row));
    expect(calc.method).toBe(expected);
    for (const s of calc.statements) {
      expect(
        s.reduction.equals(expected === "rule78" ? s.reductionRule78 : s.actual.reduction),
      ).toBe(true);
    }
  });

  test("explicit method actual on example 1 puts the actual reduction on the statement line", () => {
    const calc = calculate(parseContract({ ...exampleRow(1), method: "actual" }));
    const s = calc.statements[0];
    // Line = 79 048 + 600 + 0 − round(actual reduction); the rule-of-78 4 785 is no longer used.
    expect(s.lines.reduction.toFixed(0)).toBe(s.actual.reduction.toDecimalPlaces(0).toFixed(0));
    expect(s.lines.reduction.toFixed(0)).not.toBe("4785");
    expect(s.lines.amountExclInterest.toFixed(0)).toBe(
      String(79048 + 600 - s.lines.reduction.toNumber()),
    );
  });

  test("an explicit unpaidCreditClaim overrides the computed one and becomes the interest capital", () => {
    const contract = parseContract({ ...exampleRow(1), unpaidCreditClaim: 80000 });
    expect(contract.unpaidCreditClaim.toFixed(2)).toBe("80000.00");
    expect(contract.interestCapital.toFixed(2)).toBe("80000.00");
    const s = calculate(contract).statements[0];
    expect(s.lines.unpaidCreditClaim.toFixed(0)).toBe("80000");
    // 80 000 × 9.5 % × 102 / 365 = 2 123.8356… → 2 124 kr.
    expect(s.lines.lateInterest.toFixed(0)).toBe("2124");
  });

  test("with unpaidCreditClaim given, installmentsPaid may be left out", () => {
    const contract = parseContract({
      ...without(exampleRow(1), "installmentsPaid"),
      unpaidCreditClaim: 79048,
    });
    expect(contract.installmentsPaid).toBeNull();
    expect(contract.unpaidCreditClaim.toFixed(2)).toBe("79048.00");
  });

  test("an explicit interestCapital is used for the late interest", () => {
    const s = calculate(parseContract({ ...exampleRow(1), interestCapital: 50000 })).statements[0];
    // 50 000 × 9.5 % × 102 / 365 = 1 327.397… → 1 327 kr; the unpaid claim line is unchanged.
    expect(s.lines.lateInterest.toFixed(0)).toBe("1327");
    expect(s.lines.unpaidCreditClaim.toFixed(0)).toBe("79048");
  });

  test("numeric text is accepted: '143 750', '0,0595', '1 903 kr'", () => {
    const contract = parseContract({
      ...exampleRow(1),
      cashPrice: "143 750",
      annualRate: "0,0595",
      installmentAmount: "1 903 kr",
    });
    expect(contract.cashPrice!.toFixed(2)).toBe("143750.00");
    expect(contract.annualRate.toString()).toBe("0.0595");
    expect(contract.installmentAmount.toFixed(2)).toBe("1903.00");
  });

  test("without noticeDate there is one statement (repossession); without estimatedValue no surplus", () => {
    const calc = calculate(parseContract(without(exampleRow(1), "noticeDate", "estimatedValue")));
    expect(calc.statements.map((s) => s.label)).toEqual(["repossession"]);
    expect(calc.statements[0].surplus).toBeNull();
  });
});
