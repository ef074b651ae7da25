/** Excel number formats the sheet plans use (the writers pass them through unchanged). */
export const FORMATS = {
  kronor: '#,##0 "kr"',
  kronorOre: '#,##0.00 "kr"',
  /** Kronor with öre in a table whose title says "belopp i kronor" (the schedule). */
  amountOre: "#,##0.00",
  date: "yyyy-mm-dd",
  rate: "0.00%",
  monthlyRate: "0.000000%",
  percentPoints: '0.00 "%"',
  integer: "0",
  text: "@",
} as const;
