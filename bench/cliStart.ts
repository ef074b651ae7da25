/**
 * How fast the command starts: one `calc --json` of worked example 1 through bin/atertag.js (the
 * JavaScript build, build/cli), start to exit, against `node -e 0` (Node's own start) as the floor.
 * The median of a few runs each, so one slow turn of a busy machine does not decide it.
 */
import { spawnSync } from "child_process";
import path from "path";

const ROOT = path.join(__dirname, "..");
const RUNS = 5;

/** Median seconds, start to exit, of `node ARGS…` (which must exit 0). */
function medianSeconds(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (result.status !== 0)
      throw new Error(`cli start bench: node ${args.join(" ")} failed: ${result.stderr}`);
    times.push(seconds);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(RUNS / 2)] * 1000) / 1000;
}

export function cliStartMeasurements(): Record<string, number> {
  return {
    cliStartSeconds: medianSeconds([
      path.join("bin", "atertag.js"),
      "calc",
      path.join("examples", "worked-example-1.json"),
      "--json",
    ]),
    nodeStartSeconds: medianSeconds(["-e", "0"]),
  };
}
