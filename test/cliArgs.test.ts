/**
 * The command line's flags (src/cli/args.ts, node:util parseArgs in strict mode): every command
 * refuses an unknown flag, a flag without its value, a value given to a switch and a flag given twice
 * with one Swedish line naming the flag, status 2 and nothing on stdout; `--out=FIL` works as
 * `--out FIL`.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EXAMPLE_1_FILE } from "./testkit/fixtures";
import { runAtertag } from "./testkit/cli";

describe("bad flags: status 2, the first line names the flag, nothing on stdout", () => {
  test.each`
    args                                                               | message                                 | scenario
    ${["calc", EXAMPLE_1_FILE, "--xml"]}                               | ${"Fel: Okänd flagga --xml"}            | ${"calc: unknown flag"}
    ${["calc", EXAMPLE_1_FILE, "-j"]}                                  | ${"Fel: Okänd flagga -j"}               | ${"calc: unknown short flag"}
    ${["calc", EXAMPLE_1_FILE, "--json=ja"]}                           | ${"Fel: --json tar inget värde"}        | ${"calc: a switch given a value"}
    ${["calc", EXAMPLE_1_FILE, "--json", "--json"]}                    | ${"Fel: --json är angiven två gånger"}  | ${"calc: a switch twice"}
    ${["sheet", EXAMPLE_1_FILE, "--out"]}                              | ${"Fel: --out kräver ett värde"}        | ${"sheet: --out at the end"}
    ${["sheet", EXAMPLE_1_FILE, "--out", "--letters"]}                 | ${"Fel: --out kräver ett värde"}        | ${"sheet: --out followed by a flag"}
    ${["sheet", EXAMPLE_1_FILE, "--out", "a.xlsx", "--out", "b.xlsx"]} | ${"Fel: --out är angiven två gånger"}   | ${"sheet: --out twice"}
    ${["sheet", EXAMPLE_1_FILE, "--json", "--out", "a.xlsx"]}          | ${"Fel: Okänd flagga --json"}           | ${"sheet has no --json"}
    ${["batch", "a.csv", "--out", "a.xlsx", "--letter"]}               | ${"Fel: Okänd flagga --letter"}         | ${"batch: misspelt flag"}
    ${["examples", "--out", "x.xlsx"]}                                 | ${"Fel: Okänd flagga --out"}            | ${"examples has no --out"}
    ${["examples", "extra"]}                                           | ${'Fel: Oväntat argument "extra"'}      | ${"examples takes no file"}
    ${["exercises", "--level=1", "--level=2", "--json"]}               | ${"Fel: --level är angiven två gånger"} | ${"exercises: --level= twice"}
  `("$scenario", async ({ args, message }) => {
    const r = await runAtertag(...(args as string[]));
    expect(r.status).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toHaveLength(1);
    expect(r.err[0].split("\n")[0]).toBe(message);
  });
});

test("--out=FIL is read as --out FIL", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atertag-args-"));
  try {
    const out = path.join(dir, "ex1.xlsx");
    const r = await runAtertag("sheet", EXAMPLE_1_FILE, `--out=${out}`);
    expect(r.status).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a flag may come before the file", async () => {
  const r = await runAtertag("calc", "--json", EXAMPLE_1_FILE);
  expect(r.status).toBe(0);
  expect(JSON.parse(r.out.join("\n")).caseId).toBe("Övning 1");
});
