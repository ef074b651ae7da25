/**
 * The legal basis of the settlement (avräkning), keyed by the contract date (conventions §1). Kept as
 * data so a new consumer credit act that renumbers the paragraphs is one new row, not a code change.
 * Commencement dates: 2010:1846 from 2011-01-01 (conventions §1); 1992:830 from 1993-01-01 (the act's
 * transitional provisions; verify against the SFS text before relying on contracts from 1992).
 */
import { Day, dayFromParts } from "./dates";
import { Dec } from "./decimal";

export interface LawReference {
  /** First contract date the act applies to. */
  from: Day;
  /** The settlement paragraph, as printed on the sheet. */
  settlement: string;
  /** Late interest. */
  lateInterest: string;
}

const LATE_INTEREST = "6 § räntelagen (1975:635)";

const LAW_REFERENCES: readonly LawReference[] = [
  {
    from: dayFromParts(2011, 1, 1),
    settlement: "40 § konsumentkreditlagen (2010:1846)",
    lateInterest: LATE_INTEREST,
  },
  {
    from: dayFromParts(1993, 1, 1),
    settlement: "27 § konsumentkreditlagen (1992:830)",
    lateInterest: LATE_INTEREST,
  },
  {
    from: Number.NEGATIVE_INFINITY,
    settlement: "17–18 §§ konsumentkreditlagen (1977:981)",
    lateInterest: LATE_INTEREST,
  },
];

/** The act in force for a contract made on `contractDate`; the current act when the date is unknown. */
export function lawFor(contractDate: Day | null): LawReference {
  if (contractDate === null) return LAW_REFERENCES[0];
  return (
    LAW_REFERENCES.find((law) => contractDate >= law.from) ??
    LAW_REFERENCES[LAW_REFERENCES.length - 1]
  );
}

/**
 * The most the creditor is credited for its own work and an agent's fees in a repossession unless
 * special reasons are shown (conventions §1), in kronor. The guided mode names it where it asks the
 * officer to check the applicant's costs.
 */
export const OWN_WORK_FEE_CAP = new Dec(310);
