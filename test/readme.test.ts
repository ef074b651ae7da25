/**
 * The contract-fields table in docs/cli.md is the contract schema's (src/cli/contractFields.ts). When the
 * schema changes, the test fails; `WRITE_README=1 npx jest test/readme.test.ts` rewrites the table, for
 * a person to review in the diff.
 */
import * as fs from "fs";
import * as path from "path";
import { withContractFieldsTable } from "../src/cli/contractFields";

const README = path.join(__dirname, "..", "docs", "cli.md");

describe("docs/cli.md", () => {
  test("lists every contract field as the schema describes it", () => {
    const readme = fs.readFileSync(README, "utf8");
    const expected = withContractFieldsTable(readme);
    if (process.env.WRITE_README === "1") fs.writeFileSync(README, expected);
    expect(readme).toBe(expected);
  });

  test("the table names the limits and defaults a user relies on", () => {
    const readme = fs.readFileSync(README, "utf8");
    // Read against conventions §9 and the schema's limit, not generated: a row each.
    expect(readme).toContain(
      "| `installments` | Antal avbetalningar, Antal betalningar, Antal månader, Löptid | whole number 1–1200 | yes |  |",
    );
    // The bound on every amount: 1 000 000 000 kr (MAX_AMOUNT_KRONOR, issue 18).
    expect(readme).toContain(
      "| `basicFee` | Grundavgift | amount in kr, 0–1 000 000 000 |  | *600 kr* |",
    );
    expect(readme).toContain(
      "| `installmentsPaid` | Betalda avbetalningar, Antal betalda avbetalningar, Antal betalda | whole number 0–1200 | unless `unpaidCreditClaim` |  |",
    );
  });
});
