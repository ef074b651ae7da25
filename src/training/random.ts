/**
 * A small seeded pseudo-random generator on 32-bit integers, so that a practice case is the same
 * contract on every run, machine and JavaScript engine: only integer operations whose results the
 * language fixes exactly (`Math.imul`, shifts, `| 0`, `>>> 0`, `%` on safe integers), never
 * `Math.random` and never a branch on a floating-point result.
 *
 * The mixing function is SplitMix32's finaliser (the 32-bit variant of Steele, Lea and Flood,
 * "Fast splittable pseudorandom number generators", OOPSLA 2014, constants from MurmurHash3's fmix32):
 * each draw advances the state by the golden-ratio increment 0x9E3779B9 and mixes it.
 */

const GOLDEN = 0x9e3779b9;

/** MurmurHash3's 32-bit finaliser: every input bit affects every output bit. */
export function mix32(value: number): number {
  let z = value | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A deterministic stream of integers from a seed. */
export class IntegerRandom {
  private state: number;

  /** The stream for a list of whole numbers (e.g. a level and a case number), each mixed in. */
  constructor(...seed: number[]) {
    let state = 0;
    for (const part of seed) state = mix32((state ^ mix32(part | 0)) + GOLDEN);
    this.state = state;
  }

  /** The next unsigned 32-bit integer. */
  next(): number {
    this.state = (this.state + GOLDEN) | 0;
    return mix32(this.state);
  }

  /** A whole number in `min` … `max`, both included (min ≤ max, both safe integers). */
  int(min: number, max: number): number {
    const span = max - min + 1;
    if (!(span >= 1)) throw new Error(`IntegerRandom.int: empty range ${min} … ${max}`);
    return min + (this.next() % span);
  }

  /** One of `items`. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  /** True in `percent` cases out of 100. */
  chance(percent: number): boolean {
    return this.int(0, 99) < percent;
  }
}

/** Integer division of safe non-negative integers, exact (no floating-point quotient). */
export function idiv(dividend: number, divisor: number): number {
  return (dividend - (dividend % divisor)) / divisor;
}
