/** The command line run in-process, for tests: its exit status and what it printed. */
import * as fs from "fs";
import * as path from "path";
import { CliIo, runCli } from "../../src/cli/cli";
import { exampleRow } from "./fixtures";

export interface CliRun {
  status: number;
  /** Each `out` call's text (stdout). */
  out: string[];
  /** Each `err` call's text (stderr). */
  err: string[];
}

/** Runs `atertag ARGV…` as bin/atertag.js would, collecting its output. */
export async function runAtertag(...argv: string[]): Promise<CliRun> {
  return runAtertagWith(argv);
}

/** {@link runAtertag} with more of the command's surroundings given (progress, a terminal …). */
export async function runAtertagWith(argv: string[], extra: Partial<CliIo> = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(argv, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    ...extra,
  });
  return { status, out, err };
}

/** Contracts as a CSV file in `dir` with JSON field names as its header row. */
export function contractsCsv(dir: string, name: string, rows: Record<string, unknown>[]): string {
  const fields = Object.keys(rows[0]);
  const text = [fields.join(";"), ...rows.map((r) => fields.map((f) => String(r[f])).join(";"))];
  const file = path.join(dir, name);
  fs.writeFileSync(file, text.join("\n") + "\n", "utf8");
  return file;
}

/** `count` contracts: annuity and residual alternately, different instalments paid and values. */
export function variedContracts(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => {
    const annuity = i % 2 === 0;
    return {
      ...exampleRow(annuity ? 1 : 2),
      caseId: `Mål ${i + 1}`,
      installmentsPaid: 28 + i,
      estimatedValue: 40000 + 9000 * i,
      noticeDate: `2012-12-${String(10 + (i % 5)).padStart(2, "0")}`,
    };
  });
}
