/**
 * Checking a trainee's answers (src/training/answers.ts): the worked examples' right answers
 * (docs/conventions.md §8) are marked right, each typical mistake's number, computed here by hand from
 * the conventions, is marked wrong with the hint that names that mistake, and numbers typed the
 * Swedish way are read (or refused with a reason).
 */
import { ContractInput, Dec, calculate, formatNumber, parseContract } from "../src/engine";
import { OUTCOME_ANSWERS, answerFieldsFor, expectedAnswers } from "../src/training/answerFields";
import { PRACTICE_LEVELS, practiceCase } from "../src/training/practiceCase";
import {
  AnswerMark,
  READ_PROBLEMS,
  TypedAnswers,
  checkAnswers,
  readNumber,
  readOutcome,
} from "../src/training/answers";
import * as fs from "fs";
import * as path from "path";
import { FIELD_HINTS, FOLLOW_ON_HINT, MISTAKE_HINTS, MistakeId } from "../src/training/hints";
import { mistakeFigures } from "../src/training/mistakes";
import example1 from "../examples/worked-example-1.json";
import example2 from "../examples/worked-example-2.json";

/** Half away from zero to whole kronor, written out (not the engine's policy). */
const krona = (x: number) => Math.sign(x) * Math.floor(Math.abs(x) + 0.5);

/** Rule of 78 by hand: t(t + 1) · c / (n(n + 1)). */
const rule78 = (t: number, n: number, c: number) => (t * (t + 1) * c) / (n * (n + 1));

/** Late interest by hand: capital · percent · days / 36 500 (one half-year, both ends counted). */
const interest = (capital: number, percent: number, days: number) =>
  (capital * percent * days) / 36500;

// Worked example 1 (conventions §8): n = 72, c = 23 816, C = 24 311, 41 unpaid instalments of
// 1 928; at the notice date 2012-12-15 (102 interest days) and the repossession date 2012-12-20
// (107 days), late interest at 1,5 + 8 = 9,5 %; t = 32 at both dates.
const EX1 = {
  unpaid: "79 048",
  notice: { t: "32", reduction: "4 785", exkl: "74 863", inkl: "77 449" },
  repossession: { t: "32", reduction: "4 785", exkl: "74 863", inkl: "77 551" },
  surplus: "−17 551",
  outcome: "Underrättelse",
};
// Worked example 2: actual settlement 10 474,48 and 10 410,29; unpaid 41 · 1 465 + 40 000.
const EX2 = {
  unpaid: "100 065",
  notice: { t: "32", reduction: "10 474", exkl: "90 191", inkl: "93 335" },
  repossession: { t: "32", reduction: "10 410", exkl: "90 255", inkl: "93 529" },
  surplus: "1 471",
  outcome: "Mellanskillnad",
};
type Example = typeof EX1;

const rightAnswers = (ex: Example): TypedAnswers => {
  const atDate = (date: "notice" | "repossession") => ({
    [`${date}.t`]: ex[date].t,
    [`${date}.reduction`]: ex[date].reduction,
    [`${date}.amountExclInterest`]: ex[date].exkl,
    [`${date}.amountInclInterest`]: ex[date].inkl,
  });
  return {
    unpaidCreditClaim: ex.unpaid,
    ...atDate("notice"),
    ...atDate("repossession"),
    "repossession.surplus": ex.surplus,
    "repossession.outcome": ex.outcome,
  };
};

const check = (input: ContractInput, typed: TypedAnswers) =>
  checkAnswers(calculate(parseContract(input)), typed);

const markOf = (marks: AnswerMark[], id: string) => marks.find((m) => m.id === id) as AnswerMark;

/** Checks one answer (by id) changed from the right ones; returns its mark. */
function checkOne(input: ContractInput, ex: Example, id: string, typed: string): AnswerMark {
  return markOf(check(input, { ...rightAnswers(ex), [id]: typed }), id);
}

/** The mark is wrong with the hint of `mistake`, citing its section. */
function expectMistake(mark: AnswerMark, mistake: MistakeId, section: number) {
  expect(mark.status).toBe("wrong");
  expect(mark.hint?.kind).toBe("mistake");
  expect(mark.hint?.mistake).toBe(mistake);
  expect(mark.hint?.section).toBe(section);
  expect(mark.hint?.text).toBe(MISTAKE_HINTS[mistake].text);
  expect(mark.hint?.citation).toBe(`Se konventionerna, avsnitt ${section}.`);
  expect(mark.hint?.href).toBe(`conventions.html#avsnitt-${section}`);
}

describe("right answers of the worked examples (conventions §8)", () => {
  test.each([
    ["example 1", example1, EX1],
    ["example 2", example2, EX2],
  ])("%s: every answer is marked right, with no hint", (_name, input, ex) => {
    const marks = check(input, rightAnswers(ex));
    const calc = calculate(parseContract(input));
    expect(marks.map((m) => m.id)).toEqual(answerFieldsFor(calc).map((f) => f.id));
    expect(marks).toHaveLength(11);
    for (const mark of marks) {
      expect([mark.id, mark.status]).toEqual([mark.id, "right"]);
      expect(mark.hint).toBeNull();
    }
  });

  test("a statement line is right only as the line in whole kronor; unrounded, the hint says round", () => {
    // R = 32 · 33 · 23 816 / (72 · 73) = 4 784,95…
    const r = rule78(32, 72, 23816);
    expect(r.toFixed(2)).toBe("4784.95");
    for (const typed of ["4 785", "4785,00", "4 785 kr", "4785:-"])
      expect([typed, checkOne(example1, EX1, "repossession.reduction", typed).status]).toEqual([
        typed,
        "right",
      ]);
    for (const typed of ["4 784,95", "4784,94", "4784,96"])
      expectMistake(checkOne(example1, EX1, "repossession.reduction", typed), "lineNotRounded", 7);
    for (const typed of ["4 784", "4 786", "4784,93", "4 785,01"])
      expect(checkOne(example1, EX1, "repossession.reduction", typed).hint?.mistake).not.toBe(
        "lineNotRounded",
      );
  });

  test("a total must be the sum of the rounded lines, exact to the krona (conventions §7)", () => {
    // 79 048 + 600 − 4 784,95 = 74 863,05 unrounded; the statement's total is 74 863.
    expect(checkOne(example1, EX1, "repossession.amountExclInterest", "74 863,00").status).toBe(
      "right",
    );
    expectMistake(
      checkOne(example1, EX1, "repossession.amountExclInterest", "74 863,05"),
      "lineNotRounded",
      7,
    );
    expect(checkOne(example1, EX1, "repossession.amountExclInterest", "74 864").status).toBe(
      "wrong",
    );
  });

  test("the surplus is within an öre; the outcome by its code or Swedish name", () => {
    expect(checkOne(example2, EX2, "repossession.surplus", "1 471,01").status).toBe("right");
    expect(checkOne(example2, EX2, "repossession.surplus", "1 471,02").status).toBe("wrong");
    expect(checkOne(example2, EX2, "repossession.outcome", "Mellanskillnad").status).toBe("right");
    expect(checkOne(example1, EX1, "repossession.outcome", "underrättelse").status).toBe("right");
  });

  test("blank answers are not answered, unreadable ones say why; neither is marked wrong", () => {
    const marks = check(example1, {
      "repossession.reduction": "4.785",
      "repossession.t": "32,5",
    });
    expect(markOf(marks, "unpaidCreditClaim").status).toBe("unanswered");
    expect(markOf(marks, "repossession.reduction")).toMatchObject({
      status: "unreadable",
      problem: READ_PROBLEMS.ambiguousPoint,
      hint: null,
    });
    expect(markOf(marks, "repossession.t")).toMatchObject({
      status: "unreadable",
      problem: READ_PROBLEMS.notWhole,
    });
  });

  test("a case without an estimated value asks for neither surplus nor outcome", () => {
    const { estimatedValue: _omitted, ...noValue } = example1;
    const marks = check(noValue, rightAnswers(EX1));
    expect(marks.map((m) => m.id)).not.toContain("repossession.surplus");
    expect(marks.map((m) => m.id)).not.toContain("repossession.outcome");
    expect(marks).toHaveLength(9);
    expect(marks.every((m) => m.status === "right")).toBe(true);
  });
});

describe("practice cases: the facit's answers, typed the Swedish way, are all right", () => {
  test.each(PRACTICE_LEVELS)("level %i, cases 1–6", (level) => {
    for (let number = 1; number <= 6; number++) {
      const calc = calculate(parseContract(practiceCase(level, number).contract));
      const typed = Object.fromEntries(
        Object.entries(expectedAnswers(calc)).map(([id, answer]) => [
          id,
          answer.kind === "outcome" ? OUTCOME_ANSWERS[answer.value] : formatNumber(answer.value),
        ]),
      );
      const marks = checkAnswers(calc, typed);
      expect(marks.length).toBe(answerFieldsFor(calc).length);
      for (const mark of marks)
        expect([number, mark.id, mark.status]).toEqual([number, mark.id, "right"]);
    }
  });
});

describe("a wrong answer's hint names the mistake that gives the trainee's number", () => {
  const c1 = 23816; // c = C − S
  const C1 = 24311; // C
  const n = 72;
  const capital1 = 79048;
  const lines1 = (reduction: number, lateInterest: number, basicFee = 600, claimed = 487) => {
    const exkl = capital1 + basicFee - krona(reduction);
    return { exkl, inkl: exkl + krona(lateInterest) + claimed };
  };

  test("counted the next due date as not passed: t off by one (§4), and R and the totals follow", () => {
    // Due dates before 2012-12-20: Sep 2009 … Nov 2012 = 39; t = 72 − 39 = 33 instead of 32.
    const r = rule78(33, n, c1);
    const { exkl, inkl } = lines1(r, interest(capital1, 9.5, 107));
    expectMistake(checkOne(example1, EX1, "repossession.t", "33"), "nextDueNotPassed", 4);
    expectMistake(
      checkOne(example1, EX1, "repossession.reduction", String(krona(r))),
      "nextDueNotPassed",
      4,
    );
    expectMistake(
      checkOne(example1, EX1, "repossession.amountExclInterest", String(exkl)),
      "nextDueNotPassed",
      4,
    );
    expectMistake(
      checkOne(example1, EX1, "repossession.amountInclInterest", String(inkl)),
      "nextDueNotPassed",
      4,
    );
  });

  test("the notice date's answers are matched against the notice date's figures", () => {
    // 2012-09-05 … 2012-12-15 is 102 days; one end day dropped: 101.
    const inkl = 74863 + krona(interest(capital1, 9.5, 101)) + 487;
    expectMistake(
      checkOne(example1, EX1, "notice.amountInclInterest", String(inkl)),
      "oneEndDay",
      6,
    );
    // Example 2 at the notice date by the rule of 78 (t = 32 there too): 6 124.
    expectMistake(checkOne(example2, EX2, "notice.reduction", "6 124"), "rule78InsteadOfActual", 5);
    // Not recomputing belongs to the repossession date only: at the notice date 10 410 is no mistake.
    expect(checkOne(example2, EX2, "notice.reduction", "10 410").hint?.mistake).not.toBe(
      "reductionNotRecomputed",
    );
  });

  test("took the unpaid instalments (41) as t (§4)", () => {
    expectMistake(checkOne(example1, EX1, "repossession.t", "41"), "unpaidCountAsT", 4);
    const r = rule78(41, n, c1);
    expectMistake(
      checkOne(example1, EX1, "repossession.reduction", r.toFixed(2)),
      "unpaidCountAsT",
      4,
    );
  });

  test("forgot to take the setup fee out of c (§4)", () => {
    const r = rule78(32, n, C1); // 4 884,40
    expect(krona(r)).toBe(4884);
    expectMistake(checkOne(example1, EX1, "repossession.reduction", "4 884"), "setupFeeInC", 4);
    const { exkl } = lines1(r, 0);
    expectMistake(
      checkOne(example1, EX1, "repossession.amountExclInterest", String(exkl)),
      "setupFeeInC",
      4,
    );
  });

  test("counted only one end day of the interest, or neither, or from the application date (§6)", () => {
    const r = rule78(32, n, c1);
    const inkl = (days: number) => String(lines1(r, interest(capital1, 9.5, days)).inkl);
    expect(inkl(107)).toBe("77551");
    expectMistake(
      checkOne(example1, EX1, "repossession.amountInclInterest", inkl(106)),
      "oneEndDay",
      6,
    );
    expectMistake(
      checkOne(example1, EX1, "repossession.amountInclInterest", inkl(105)),
      "neitherEndDay",
      6,
    );
    expectMistake(
      checkOne(example1, EX1, "repossession.amountInclInterest", inkl(108)),
      "interestFromApplicationDate",
      6,
    );
    // The surplus follows the amount: 60 000 − (77 531).
    expectMistake(
      checkOne(example1, EX1, "repossession.surplus", String(60000 - Number(inkl(106)))),
      "oneEndDay",
      6,
    );
  });

  test("used the rule of 78 where a residual calls for actual settlement (§5)", () => {
    // Rule of 78 for example 2: c = 30 975 − 495 = 30 480; 32 · 33 · 30 480 / 5 256 = 6 123,84.
    const r = rule78(32, n, 30480);
    expect(r.toFixed(2)).toBe("6123.84");
    expectMistake(
      checkOne(example2, EX2, "repossession.reduction", "6 124"),
      "rule78InsteadOfActual",
      5,
    );
    const exkl = 100065 + 600 - 6124;
    expectMistake(
      checkOne(example2, EX2, "repossession.amountExclInterest", String(exkl)),
      "rule78InsteadOfActual",
      5,
    );
  });

  test("kept the notice date's actual reduction at the repossession (§5)", () => {
    // R_actual at 2012-12-15 is 10 474,48 (conventions §8).
    expectMistake(
      checkOne(example2, EX2, "repossession.reduction", "10 474"),
      "reductionNotRecomputed",
      5,
    );
    const exkl = 100065 + 600 - 10474;
    expectMistake(
      checkOne(example2, EX2, "repossession.amountExclInterest", String(exkl)),
      "reductionNotRecomputed",
      5,
    );
  });

  test("forgot the basic fee or the claimed interest (§7)", () => {
    const r = rule78(32, n, c1);
    const li = interest(capital1, 9.5, 107);
    expectMistake(
      checkOne(example1, EX1, "repossession.amountExclInterest", String(lines1(r, li, 0).exkl)),
      "basicFeeForgotten",
      7,
    );
    expectMistake(
      checkOne(
        example1,
        EX1,
        "repossession.amountInclInterest",
        String(lines1(r, li, 600, 0).inkl),
      ),
      "claimedInterestForgotten",
      7,
    );
  });

  test("used the wrong half-year's reference rate (§6)", () => {
    // The first half of 2012 had 2,00 % (Riksbank): 10 % instead of 9,5 % for the 107 days.
    const inkl = lines1(rule78(32, n, c1), interest(capital1, 10, 107)).inkl;
    expect(inkl).toBe(77667);
    expectMistake(
      checkOne(example1, EX1, "repossession.amountInclInterest", "77 667"),
      "wrongHalfYearRate",
      6,
    );
  });

  test("rounded each half-year's interest before summing (§9)", () => {
    // Repossession 2013-02-01: 118 days of 2012 at 9,5 % and 32 days of 2013 at 1,00 + 8 = 9 %.
    const input = { ...example1, noticeDate: undefined, repossessionDate: "2013-02-01" };
    const first = interest(capital1, 9.5, 118);
    const second = interest(capital1, 9, 32);
    expect(krona(first) + krona(second)).toBe(krona(first + second) + 1); // 3 052 against 3 051
    // t = 72 − 1 − 41 (Sep 2009 … Jan 2013 before the date) = 30.
    const r = rule78(30, n, c1);
    const exkl = capital1 + 600 - krona(r);
    const right = exkl + krona(first + second) + 487;
    const roundedFirst = exkl + krona(first) + krona(second) + 487;
    const typed = (inkl: number) => ({
      "repossession.t": "30",
      "repossession.reduction": String(krona(r)),
      unpaidCreditClaim: "79 048",
      "repossession.amountExclInterest": String(exkl),
      "repossession.amountInclInterest": String(inkl),
    });
    expect(markOf(check(input, typed(right)), "repossession.amountInclInterest").status).toBe(
      "right",
    );
    expectMistake(
      markOf(check(input, typed(roundedFirst)), "repossession.amountInclInterest"),
      "interestRoundedPerHalfYear",
      9,
    );
  });

  test("summed the unrounded lines and rounded the total (§7)", () => {
    // Example 2 at 2012-12-20: 100 065 + 600 − 10 410,29 + 100 065 · 9,5 · 107 / 36 500 + 487.
    const once = krona(100065 + 600 - 10410.29 + interest(100065, 9.5, 107) + 487);
    expect(once).toBe(93528);
    expectMistake(
      checkOne(example2, EX2, "repossession.amountInclInterest", "93 528"),
      "totalRoundedOnce",
      7,
    );
  });

  test("forgot the residual, the fees, or the instalments not yet due in the unpaid claim (§2)", () => {
    expectMistake(checkOne(example2, EX2, "unpaidCreditClaim", "60 065"), "residualForgotten", 2);
    expectMistake(
      checkOne(example1, EX1, "unpaidCreditClaim", String(41 * 1903)),
      "feesForgotten",
      2,
    );
    // Due by 2012-12-20: 39 (Sep 2009 … Nov 2012), 31 paid: 8 overdue of 1 928.
    expectMistake(checkOne(example1, EX1, "unpaidCreditClaim", String(8 * 1928)), "onlyOverdue", 2);
  });

  test("the surplus the wrong way round, or against the notice date's amount (§7)", () => {
    expectMistake(
      checkOne(example2, EX2, "repossession.surplus", "−1 471"),
      "surplusSignFlipped",
      7,
    );
    // 95 000 − 93 335 (att betala inkl. ränta at the notice date, conventions §8).
    expectMistake(
      checkOne(example2, EX2, "repossession.surplus", "1 665"),
      "surplusAtNoticeDate",
      7,
    );
  });
});

describe("hints that are not a typical mistake", () => {
  test("a total that follows from the trainee's own wrong reduction is a följdfel", () => {
    const marks = check(example1, {
      ...rightAnswers(EX1),
      "repossession.reduction": "5 000",
      "repossession.amountExclInterest": String(79048 + 600 - 5000),
    });
    expect(markOf(marks, "repossession.reduction").hint?.kind).toBe("convention");
    expect(markOf(marks, "repossession.amountExclInterest").hint).toMatchObject({
      kind: "followOn",
      text: "Följdfel: beloppet stämmer med ditt svar på Reduceringsbelopp vid återtagningen. Rätta det först.",
    });
  });

  test("an outcome that follows from the trainee's own wrong surplus is a följdfel", () => {
    const marks = check(example1, {
      ...rightAnswers(EX1),
      "repossession.surplus": "17 551",
      "repossession.outcome": "Mellanskillnad",
    });
    expect(markOf(marks, "repossession.surplus").hint?.mistake).toBe("surplusSignFlipped");
    expect(markOf(marks, "repossession.outcome").hint?.kind).toBe("followOn");
    const alone = checkOne(example1, EX1, "repossession.outcome", "Mellanskillnad");
    expect(alone.hint).toMatchObject({ kind: "convention", section: 7 });
  });

  test("a number no mistake explains gets the convention that defines the figure", () => {
    const mark = checkOne(example1, EX1, "repossession.reduction", "1 234");
    expect(mark.hint).toMatchObject({ kind: "convention", mistake: null, section: 4 });
    expect(mark.hint?.citation).toBe("Se konventionerna, avsnitt 4.");
    expect(mark.hint?.href).toBe("conventions.html#avsnitt-4");
  });
});

describe("the hint catalogue", () => {
  const conventions = fs.readFileSync(path.join(__dirname, "..", "docs", "conventions.md"), "utf8");

  test("every hint cites a section that docs/conventions.md has", () => {
    const hints = [
      ...Object.values(MISTAKE_HINTS),
      ...Object.values(FIELD_HINTS),
      FOLLOW_ON_HINT("x"),
    ];
    for (const hint of hints)
      expect([hint.text, new RegExp(`^## ${hint.section}\\. `, "m").test(conventions)]).toEqual([
        hint.text,
        true,
      ]);
  });

  test("in every practice case, each mistake's figure typed is marked wrong with a mistake's hint", () => {
    for (const level of PRACTICE_LEVELS)
      for (let number = 1; number <= 3; number++) {
        const calc = calculate(parseContract(practiceCase(level, number).contract));
        const fields = answerFieldsFor(calc).filter((f) => f.key !== "outcome");
        const right = expectedAnswers(calc);
        for (const variant of mistakeFigures(calc)) {
          const f = variant.figures;
          const figureOf: Record<string, Dec | null> = {
            t: new Dec(f.remainingInstallments),
            reduction: f.lines.reduction,
            unpaidCreditClaim: f.lines.unpaidCreditClaim,
            amountExclInterest: f.lines.amountExclInterest,
            amountInclInterest: f.lines.amountInclInterest,
            surplus: f.surplus,
          };
          for (const field of fields) {
            if (field.date !== null && field.date !== variant.date) continue;
            const figure = figureOf[field.key];
            const answer = right[field.id];
            if (figure === null || answer?.kind !== "number" || figure.equals(answer.value))
              continue;
            const [mark] = checkAnswers(calc, { [field.id]: formatNumber(figure) }).filter(
              (m) => m.id === field.id,
            );
            expect([
              level,
              number,
              variant.mistake,
              field.id,
              mark.status,
              mark.hint?.kind,
            ]).toEqual([level, number, variant.mistake, field.id, "wrong", "mistake"]);
          }
        }
      }
  });
});

describe("numbers typed the Swedish way", () => {
  test.each([
    ["4 785", "4785"],
    ["4785,00", "4785"],
    ["79 048 kr", "79048"],
    ["79 048 kronor", "79048"],
    ["79 048 SEK", "79048"],
    ["4 785:-", "4785"],
    ["4 785,-", "4785"],
    ["4 785,5", "4785.5"],
    ["4784.95", "4784.95"],
    ["  1 471  ", "1471"],
    ["79\u00a0048", "79048"],
    ["79\u202f048", "79048"],
    ["1\u2009234\u2009567,89", "1234567.89"],
    ["−17 551", "-17551"],
    ["-17551", "-17551"],
    ["– 17 551 kr", "-17551"],
    ["+32", "32"],
    [",5", "0.5"],
    ["0", "0"],
  ])("%j reads as %s", (typed, value) => {
    const read = readNumber(typed);
    expect(read).toEqual({ ok: true, value: new Dec(value) });
  });

  test.each([
    ["", READ_PROBLEMS.empty],
    ["   ", READ_PROBLEMS.empty],
    ["abc", READ_PROBLEMS.notNumber],
    ["32 st", READ_PROBLEMS.notNumber],
    ["1e3", READ_PROBLEMS.notNumber],
    ["4,7,8", READ_PROBLEMS.notNumber],
    ["kr", READ_PROBLEMS.notNumber],
    ["79.048", READ_PROBLEMS.ambiguousPoint],
    ["1.234,50", READ_PROBLEMS.ambiguousPoint],
    ["1.234.567", READ_PROBLEMS.ambiguousPoint],
    ["47 85", READ_PROBLEMS.badGrouping],
    ["4 7850", READ_PROBLEMS.badGrouping],
  ])("%j is refused: %s", (typed, reason) => {
    expect(readNumber(typed)).toEqual({ ok: false, reason });
  });

  test("the outcome by code, Swedish name or its start (five letters or more)", () => {
    expect(readOutcome("notice")).toBe("notice");
    expect(readOutcome("Underrättelse")).toBe("notice");
    expect(readOutcome(" under ")).toBe("notice");
    expect(readOutcome("payDifference")).toBe("payDifference");
    expect(readOutcome("MELLANSKILLNAD")).toBe("payDifference");
    expect(readOutcome("mell")).toBeNull();
    expect(readOutcome("")).toBeNull();
    expect(readOutcome("ja")).toBeNull();
  });
});
