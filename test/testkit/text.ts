/**
 * Text as a person reads it: the pane keeps amounts whole with no-break spaces (U+00A0 within
 * numbers and before "kr", U+202F where a narrow one is used); a test compares plain spaces.
 */
export const plain = (text: string | null | undefined): string =>
  (text ?? "").replace(/[\u00a0\u202f]/g, " ");
