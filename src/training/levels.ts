/** The practice levels, 1 (a first case) to 4 (the edges): what the generator and its texts share. */
export type PracticeLevel = 1 | 2 | 3 | 4;
export const PRACTICE_LEVELS: readonly PracticeLevel[] = [1, 2, 3, 4];
