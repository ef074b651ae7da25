/**
 * Progress of a long batch on stderr, never on stdout (which may carry `--json`):
 * - on a terminal, a bar redrawn in place (`\r`) at most ten times a second: contracts done / total,
 *   the rate and the time left, replaced at the end by one line with the total time;
 * - elsewhere (a log file, a pipe), a plain line every few seconds, so a short run prints nothing.
 * The time left is the contracts still to do at the average rate so far.
 */
import { formatNumber } from "../engine";

/** Where progress goes: stderr's raw write (no newline added) and whether it is a terminal. */
export interface ProgressSink {
  isTTY: boolean;
  write: (text: string) => void;
  /** Width of the terminal in characters (the bar shortens to fit); default 80. */
  columns?: number;
}

/** Milliseconds between redraws on a terminal, and between plain lines elsewhere. */
const TTY_INTERVAL_MS = 100;
const PLAIN_INTERVAL_MS = 5000;

/** 20000 → "20 000" (grouped as in `77 449 kr`, by the engine's one rule). */
export function groupThousands(n: number): string {
  return formatNumber(Math.round(n));
}

/** Seconds as `0:21`, `12:05` or `1:02:05`. */
function clockTime(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const two = (n: number) => String(n).padStart(2, "0");
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

export class Progress {
  private readonly start: number;
  private last: number;
  private shown = false;
  private done = 0;

  constructor(
    private readonly total: number,
    private readonly sink: ProgressSink,
    private readonly now: () => number = Date.now,
  ) {
    this.start = now();
    this.last = this.start;
  }

  /** Records that `done` contracts are finished; draws when the interval has passed. */
  update(done: number): void {
    this.done = done;
    const t = this.now();
    if (t - this.last < (this.sink.isTTY ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS)) return;
    this.last = t;
    this.shown = true;
    if (this.sink.isTTY) this.sink.write(`\r${this.bar(t)}\x1b[K`);
    else this.sink.write(`${this.plainLine(t)}\n`);
  }

  /**
   * Ends the report: on a terminal the bar gives way to one line with the total time; elsewhere that
   * line follows only if progress lines were printed. Call before printing anything else on stderr.
   */
  finish(): void {
    const t = this.now();
    const seconds = (t - this.start) / 1000;
    const line = `${groupThousands(this.done)} av ${groupThousands(this.total)} ärenden på ${clockTime(seconds)}${seconds > 0 ? ` (${groupThousands(this.done / seconds)}/s)` : ""}`;
    if (this.sink.isTTY) {
      if (this.shown) this.sink.write(`\r${line}\x1b[K\n`);
    } else if (this.shown) this.sink.write(`${line}\n`);
    this.shown = false;
  }

  private rate(t: number): number {
    const seconds = (t - this.start) / 1000;
    return seconds > 0 ? this.done / seconds : 0;
  }

  private left(t: number): string {
    const rate = this.rate(t);
    return rate > 0 ? clockTime((this.total - this.done) / rate) : "–";
  }

  private bar(t: number): string {
    const counts = `${groupThousands(this.done)}/${groupThousands(this.total)}`;
    const text = ` ${counts} ärenden · ${groupThousands(this.rate(t))}/s · ${this.left(t)} kvar`;
    const width = Math.max(10, Math.min(30, (this.sink.columns ?? 80) - text.length - 3));
    const filled = this.total > 0 ? Math.round((width * this.done) / this.total) : width;
    return `[${"█".repeat(filled)}${"░".repeat(width - filled)}]${text}`;
  }

  private plainLine(t: number): string {
    const percent = this.total > 0 ? Math.floor((100 * this.done) / this.total) : 100;
    return `${groupThousands(this.done)} av ${groupThousands(this.total)} ärenden (${percent} %), ${groupThousands(this.rate(t))} per sekund, cirka ${this.left(t)} kvar`;
  }
}
