/**
 * Swedish texts of the calculation sheet that other layers show too (the task pane, the CLI), kept
 * apart from the planner so that importing a text does not import the planner. The statement's line
 * labels (STATEMENT_LABELS), the date labels and the outcome texts live in the engine.
 */

/**
 * Why the sheet shows both methods (conventions §4), in plain Swedish for the officer and the parties.
 */
export const METHOD_NOTE =
  "Båda metoderna visas. 78-regeln är utbildningsmaterialets metod för annuitetslån utan restbelopp; den lägger mer av " +
  "kreditkostnaden på de första månaderna. Faktisk avräkning räknar räntan dag för dag på den verkliga skulden och används " +
  "vid restbelopp eller olika stora avbetalningar. Lagens ordalydelse (kreditkostnaden för tiden efter återtagandet) pekar " +
  "mot faktisk avräkning; ingen svensk källa utanför utbildningsmaterialet stöder eller förbjuder 78-regeln.";

/** The method choices as the sheet's method cell shows them (the formulas also accept the codes). */
export const METHOD_CHOICE_NAMES = {
  auto: "Automatiskt",
  rule78: "78-regeln",
  actual: "Faktisk avräkning",
} as const;

/** The warning when the rule of 78 is used on a credit with a residual. */
export const RULE78_WITH_RESIDUAL =
  "Obs: 78-regeln förutsätter lika stora avbetalningar utan restbelopp; jämför med faktisk avräkning.";

/** "Till underrättelsedagen …": the day a late-interest table runs to. */
export const DAY_NAMES = {
  notice: "underrättelsedagen",
  repossession: "återtagningsdagen",
} as const;

/** Why the schedule's last interest can be below zero (shown under the schedule only then). */
export const LAST_PERIOD_NOTE =
  "Sista periodens ränta är negativ: avbetalningen är avrundad nedåt, och sista betalningen jämnar ut " +
  "avrundningen (ränta = betalning − skuld före). Reduceringsbeloppet blir aldrig negativt.";
