/**
 * The catalogue of every message the engine can raise, in Swedish (the users' language). Each message
 * names the field and the offending value, so a user can find and fix the input.
 */
export const messages = {
  required: (field: string) => `${field} saknas (obligatoriskt fält)`,
  notObject: (field: string, value: string) => `${field} måste vara ett objekt, fick ${value}`,
  unknownField: (field: string, value: string) =>
    `okänt fält ${field} (${value}); kontrollera stavningen`,
  notText: (field: string, value: string) => `${field} måste vara text, fick ${value}`,
  notNumber: (field: string, value: string) => `${field} måste vara ett tal, fick ${value}`,
  notInteger: (field: string, value: string) => `${field} måste vara ett heltal, fick ${value}`,
  negative: (field: string, value: string) => `${field} får inte vara negativt, fick ${value}`,
  notPositive: (field: string, value: string) =>
    `${field} måste vara större än noll, fick ${value}`,
  outOfRange: (field: string, value: string, range: string) =>
    `${field} (${value}) ligger utanför tillåtet intervall ${range}`,
  rateAsFraction: (field: string, value: string) =>
    `${field} (${value}) ska anges som decimalbråk, t.ex. 0.0595 för 5,95 %`,
  notDate: (field: string, value: string) =>
    `${field} måste vara ett datum ÅÅÅÅ-MM-DD eller ett Excel-datum, fick ${value}`,
  invalidDate: (field: string, value: string) => `${field} (${value}) är inget giltigt datum`,
  dateWithTime: (field: string, value: string) =>
    `${field} (${value}) har en tid på dygnet; ange bara datum`,
  excelLeapBug: (field: string, value: string) =>
    `${field} (${value}) är 1900-02-29, ett datum som inte finns`,
  dateBefore: (field: string, value: string, other: string, otherValue: string) =>
    `${field} (${value}) får inte vara före ${other} (${otherValue})`,
  exceeds: (field: string, value: string, other: string, otherValue: string) =>
    `${field} (${value}) är större än ${other} (${otherValue})`,
  inconsistent: (field: string, value: string, detail: string) =>
    `${field} (${value}) stämmer inte: ${detail}`,
  unknownMethod: (field: string, value: string) =>
    `${field} (${value}) måste vara auto, rule78 eller actual`,
  scheduleDoesNotRepay: (
    field: string,
    value: string,
    other: string,
    otherValue: string,
    detail: string,
    tolerance: string,
  ) =>
    `${field} (${value}) och ${other} (${otherValue}) går inte ihop med kreditbeloppet och räntan: ` +
    `${detail}, mer än avrundning av avbetalningen kan förklara (högst ${tolerance})`,
  rateMissing: (field: string, value: string, halfYear: string) =>
    `referensränta saknas för halvåret ${halfYear} (${field} ${value}); lägg till den i referensräntetabellen`,
  rateEntryNotHalfYear: (field: string, value: string) =>
    `${field} (${value}) måste vara 1 januari eller 1 juli (referensräntan gäller per kalenderhalvår)`,
  duplicateRateEntry: (field: string, value: string) =>
    `${field} (${value}) förekommer två gånger i referensräntetabellen`,
} as const;

export type ErrorCode = keyof typeof messages;
