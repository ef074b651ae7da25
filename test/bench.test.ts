/**
 * The benchmark's stand-ins still drive the real code (`npm run bench` once broke unnoticed when the
 * writer began to autofit rows and the bench's mock range had no `autofitRows`). Only counts are
 * asserted here, never a time: speed is the bench's to measure.
 */
// First: stands in for office-addin-manifest, which office-addin-mock needs (see the kit's note).
import "./testkit/excelMock";
import { batch300Seconds, syncsPerSheet } from "../bench/extra";

test("the bench's mock workbook takes a whole calculation sheet in the writer's 2 syncs", async () => {
  // 2: the writer's budget, as test/excelWriter.test.ts asserts over office-addin-mock.
  await expect(syncsPerSheet()).resolves.toBe(2);
  expect((globalThis as Record<string, unknown>).Excel).toBeUndefined();
});

test("the bench's 300-contract batch computes every row (it throws on a refused one)", async () => {
  await expect(batch300Seconds()).resolves.toBeGreaterThan(0);
});
