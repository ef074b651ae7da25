/** The command line run in-process, for tests: its exit status and what it printed. */
import { runCli } from "../../src/cli/cli";

export interface CliRun {
  status: number;
  /** Each `out` call's text (stdout). */
  out: string[];
  /** Each `err` call's text (stderr). */
  err: string[];
}

/** Runs `atertag ARGV…` as bin/atertag.js would, collecting its output. */
export async function runAtertag(...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, out, err };
}
