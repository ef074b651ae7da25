/**
 * The answer list (src/training/answerFields.ts) and the right answers it gives for the workshop's
 * worked examples (conventions §8): the figures printed there or derived from them by hand.
 */
import { calculate, parseContract } from "../src/engine";
import {
  ANSWER_FIELDS,
  AnswerValue,
  answerFieldsFor,
  expectedAnswers,
} from "../src/training/answerFields";
import { exampleRow } from "./testkit/fixtures";

const shown = (answers: Record<string, AnswerValue>) =>
  Object.fromEntries(
    Object.entries(answers).map(([id, a]) => [
      id,
      a.kind === "number" ? a.value.toFixed(2) : a.value,
    ]),
  );

test("the answers are asked in the workshop's order, once each", () => {
  expect(ANSWER_FIELDS.map((f) => f.id)).toEqual([
    "unpaidCreditClaim",
    "notice.t",
    "notice.reduction",
    "notice.amountExclInterest",
    "notice.amountInclInterest",
    "repossession.t",
    "repossession.reduction",
    "repossession.amountExclInterest",
    "repossession.amountInclInterest",
    "repossession.surplus",
    "repossession.outcome",
  ]);
});

test("worked example 1 (rule of 78): t = 32, R = 4 785, 77 449 kr at the notice, a notice", () => {
  const answers = shown(expectedAnswers(calculate(parseContract(exampleRow(1)))));
  // 41 × 1 928 = 79 048; 79 048 + 600 − 4 785 = 74 863; + 2 099 + 487 = 77 449 (conventions §8)
  expect(answers).toMatchObject({
    unpaidCreditClaim: "79048.00",
    "notice.t": "32.00",
    "notice.reduction": "4785.00",
    "notice.amountExclInterest": "74863.00",
    "notice.amountInclInterest": "77449.00",
    "repossession.t": "32.00",
    "repossession.reduction": "4785.00",
    "repossession.outcome": "notice",
  });
  // value 60 000 below the debt: surplus negative, to the öre
  expect(Number(answers["repossession.surplus"])).toBeLessThan(0);
});

test("worked example 2 (residual): 93 529 kr at the repossession, value 95 000, difference 1 471 kr", () => {
  const answers = shown(expectedAnswers(calculate(parseContract(exampleRow(2)))));
  expect(answers["repossession.amountInclInterest"]).toBe("93529.00");
  expect(answers["repossession.surplus"]).toBe("1471.00");
  expect(answers["repossession.outcome"]).toBe("payDifference");
});

test("a case without a notice date has no notice answers; without a value no surplus or outcome", () => {
  const { noticeDate: _n, estimatedValue: _v, ...rest } = exampleRow(1);
  const calc = calculate(parseContract(rest));
  expect(answerFieldsFor(calc).some((f) => f.date === "notice")).toBe(false);
  expect(Object.keys(expectedAnswers(calc))).toEqual([
    "unpaidCreditClaim",
    "repossession.t",
    "repossession.reduction",
    "repossession.amountExclInterest",
    "repossession.amountInclInterest",
  ]);
});
