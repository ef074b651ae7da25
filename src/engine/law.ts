/**
 * The legal basis of the settlement (avräkning), keyed by the contract date (conventions §1). Kept as
 * data so a new consumer credit act that renumbers the paragraphs is one new row, not a code change;
 * each row says where it comes from.
 *
 * The table covers contracts dated before {@link LAW_TABLE_COVERS_BEFORE}. A new consumer credit act
 * was proposed to apply from 2026-11-20 (implementing the EU consumer credit directive 2023/2225); its
 * number and paragraphs cannot be confirmed here. A contract dated on or after that day is still
 * computed (the settlement's arithmetic is the same), with the current act's paragraph and a visible
 * warning that the legal reference must be checked ({@link lawWarning}), never a silent 2010:1846.
 */
import { Day, dayFromParts, formatIsoDate } from "./dates";
import { Dec } from "./decimal";

export interface LawReference {
  /** First contract date the act applies to. */
  from: Day;
  /** The settlement paragraph, as printed on the sheet. */
  settlement: string;
  /** Late interest. */
  lateInterest: string;
  /** Where the row comes from. */
  source: string;
}

const LATE_INTEREST = "6 § räntelagen (1975:635)";

const LAW_REFERENCES: readonly LawReference[] = [
  {
    from: dayFromParts(2011, 1, 1),
    settlement: "40 § konsumentkreditlagen (2010:1846)",
    lateInterest: LATE_INTEREST,
    source: "SFS 2010:1846, in force 2011-01-01 (conventions §1)",
  },
  {
    from: dayFromParts(1993, 1, 1),
    settlement: "27 § konsumentkreditlagen (1992:830)",
    lateInterest: LATE_INTEREST,
    source:
      "SFS 1992:830, in force 1993-01-01 by its transitional provisions; verify against the SFS text before relying on contracts from 1992",
  },
  {
    from: Number.NEGATIVE_INFINITY,
    settlement: "17–18 §§ konsumentkreditlagen (1977:981)",
    lateInterest: LATE_INTEREST,
    source: "SFS 1977:981 (conventions §1)",
  },
];

/**
 * The first contract date the table does not cover: the day the proposed new consumer credit act
 * (EU directive 2023/2225) is to apply from, whose number and paragraphs are not confirmed.
 */
export const LAW_TABLE_COVERS_BEFORE: Day = dayFromParts(2026, 11, 20);

/** The act in force for a contract made on `contractDate`; the current act when the date is unknown. */
export function lawFor(contractDate: Day | null): LawReference {
  if (contractDate === null) return LAW_REFERENCES[0];
  return (
    LAW_REFERENCES.find((law) => contractDate >= law.from) ??
    LAW_REFERENCES[LAW_REFERENCES.length - 1]
  );
}

/**
 * The warning for a contract the law table may not cover, in Swedish, as the sheet (in a formula
 * that follows an edited contract date, so under Excel's 255-character limit for a text in a
 * formula), the command line and the task pane show it.
 */
export const LAW_WARNING =
  `Kontrollera lagrummet: kontrakt från ${formatIsoDate(LAW_TABLE_COVERS_BEFORE)} kan omfattas av en ` +
  "ny konsumentkreditlag (EU-direktiv 2023/2225) vars nummer och paragrafer inte är bekräftade; " +
  "2010:1846 anges tills vidare.";

/**
 * {@link LAW_WARNING} for a contract the table may not cover (see the top of this file), else null. A
 * case without a contract date is computed under the current act, as the contract form says where
 * the field is empty (the schema's `whenEmpty`).
 */
export function lawWarning(contractDate: Day | null): string | null {
  return contractDate !== null && contractDate >= LAW_TABLE_COVERS_BEFORE ? LAW_WARNING : null;
}

/**
 * The most the creditor is credited for its own work and an agent's fees in a repossession unless
 * special reasons are shown (conventions §1), in kronor. The guided mode names it where it asks the
 * officer to check the applicant's costs.
 */
export const OWN_WORK_FEE_CAP = new Dec(310);
