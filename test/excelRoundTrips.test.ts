/**
 * Round trips per action (issue 20 point 10): what a user waits for in Excel on the web is the whole
 * action, where every sync is a network round trip. Each action reads what it needs in ONE batch
 * (src/excel/actionRead.ts) and writes in one: at most 2 batches and 4 syncs the code makes, and a
 * refusal of a wrong place in 1 batch. Counted over the stand-in Excel (test/testkit/roundTrips.ts),
 * with the real readers and writers; `npm run bench` reports the same figures.
 */
import { ActionTrips, actionRoundTrips } from "./testkit/roundTrips";

let trips: ActionTrips[];
beforeAll(async () => {
  trips = await actionRoundTrips();
});

const of = (action: string) => trips.find((t) => t.action === action)!;

describe("round trips per action", () => {
  test.each`
    action                      | batches | syncs
    ${"createSheet"}            | ${2}    | ${4}
    ${"createSheetWithLetters"} | ${2}    | ${4}
    ${"summary"}                | ${2}    | ${4}
    ${"practiceSheets"}         | ${2}    | ${4}
  `("$action: done in $batches batches and $syncs syncs", ({ action, batches, syncs }) => {
    const trip = of(action);
    expect(trip.done).toBe(true);
    expect({ batches: trip.batches, syncs: trip.syncs }).toEqual({ batches, syncs });
    // With Excel.run's closing sync of each batch: 6 at most.
    expect(trip.roundTrips).toBe(syncs + batches);
  });

  test("a wrong place is refused in one batch (the contract sheets looked up in it too)", () => {
    const trip = of("wrongPlaceRefusal");
    expect(trip.done).toBe(false);
    expect(trip.batches).toBe(1);
    expect(trip.syncs).toBeLessThanOrEqual(4);
  });
});
