/**
 * The batch at scale: 2 000 and 20 000 generated contracts through `atertag batch FILE.csv --out
 * FILE.xlsx` (summary only), each run in a child process of its own so its peak memory (maxRSS, which
 * includes Node and the loaded code) is its own. Reported: `batch2000Seconds`, `batch2000PeakMB`,
 * `batch20000Seconds`, `batch20000PeakMB`, and the ratios the issue sets as goals:
 * `batchTimeRatio` (20 000 / 2 000, goal ≤ 12) and `batchMemoryRatio` (goal ≤ 2, with the 20 000 run
 * under 400 MB). The time is the batch's own (from the command's start to the renamed file), not
 * Node's start-up; `batch2000CpuSeconds` and `batch20000CpuSeconds` give its CPU time too, which a
 * busy machine disturbs less than the wall-clock time.
 *
 * Run alone: `npx tsx bench/batchScale.ts [COUNT ...]`; as the child: `… --child CSV OUT`.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const EXAMPLE = path.join(__dirname, "..", "examples", "worked-example-2.json");

/**
 * Writes `count` contracts as a semicolon CSV, streamed (the file is never held whole): the worked
 * example varied row by row (annuity or residual, instalments paid, dates, value), so rows differ.
 */
export async function writeContractsCsv(file: string, count: number): Promise<void> {
  const base = JSON.parse(fs.readFileSync(EXAMPLE, "utf8")) as Record<string, unknown>;
  const fields = Object.keys(base);
  const out = fs.createWriteStream(file, { encoding: "utf8" });
  const write = (line: string) =>
    out.write(line + "\n")
      ? Promise.resolve()
      : new Promise<void>((r) => out.once("drain", () => r()));
  await write(fields.join(";"));
  for (let i = 0; i < count; i++) {
    const annuity = i % 2 === 1;
    const row: Record<string, unknown> = {
      ...base,
      caseId: `Ärende ${i + 1}`,
      residual: annuity ? 0 : 40000,
      installmentAmount: annuity ? 1903 : 1440,
      installmentsPaid: 25 + (i % 12),
      noticeDate: `2012-12-${String(10 + (i % 6)).padStart(2, "0")}`,
      estimatedValue: 50000 + 7 * (i % 10000),
      annualRate: "0,0595",
    };
    await write(fields.map((f) => String(row[f])).join(";"));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
}

interface ChildResult {
  seconds: number;
  /** CPU time (user + system) of the batch: steadier than the wall time on a busy machine. */
  cpuSeconds: number;
  peakMB: number;
  status: number;
}

/** The child: runs the batch, then prints its own time and peak memory as JSON on stdout. */
async function child(csv: string, out: string): Promise<void> {
  const { runCli } = await import("../src/cli/cli");
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const status = await runCli(["batch", csv, "--out", out], {
    out: () => undefined,
    err: (text) => process.stderr.write(text + "\n"),
    progress: { isTTY: false, write: () => undefined },
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const peakMB = process.resourceUsage().maxRSS / 1024; // maxRSS is in kilobytes
  const result: ChildResult = { seconds, cpuSeconds, peakMB, status };
  process.stdout.write(JSON.stringify(result) + "\n");
}

/** Generates `count` contracts and runs the batch over them in a child process. */
export async function measureBatch(count: number): Promise<ChildResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atertag-bench-"));
  try {
    const csv = path.join(dir, `kontrakt-${count}.csv`);
    const out = path.join(dir, `sammanstallning-${count}.xlsx`);
    await writeContractsCsv(csv, count);
    const text = await new Promise<string>((resolve, reject) => {
      const proc = spawn(process.execPath, ["--import", "tsx", __filename, "--child", csv, out], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      let stdout = "";
      proc.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      proc.on("error", reject);
      proc.on("close", (code) =>
        code === 0 ? resolve(stdout) : reject(new Error(`batch child exited with ${code}`)),
      );
    });
    const result = JSON.parse(text.trim().split("\n").pop()!) as ChildResult;
    if (result.status !== 0) throw new Error(`batch of ${count}: exit status ${result.status}`);
    if (!fs.existsSync(out)) throw new Error(`batch of ${count}: no workbook written`);
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The scale measurements for `npm run bench`. */
export async function batchScaleMeasurements(): Promise<Record<string, number>> {
  const small = await measureBatch(2000);
  const large = await measureBatch(20000);
  return {
    batch2000Seconds: round(small.seconds, 2),
    batch2000PeakMB: Math.round(small.peakMB),
    batch20000Seconds: round(large.seconds, 2),
    batch20000PeakMB: Math.round(large.peakMB),
    batchTimeRatio: round(large.seconds / small.seconds, 2),
    batch2000CpuSeconds: round(small.cpuSeconds, 2),
    batch20000CpuSeconds: round(large.cpuSeconds, 2),
    batchMemoryRatio: round(large.peakMB / small.peakMB, 2),
  };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const run =
    args[0] === "--child"
      ? child(args[1], args[2])
      : (async () => {
          for (const count of args.length ? args.map(Number) : [2000, 20000]) {
            const r = await measureBatch(count);
            process.stdout.write(
              `${count} kontrakt: ${r.seconds.toFixed(2)} s (cpu ${r.cpuSeconds.toFixed(2)} s), högst ${Math.round(r.peakMB)} MB\n`,
            );
          }
        })();
  run.catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
