/** Measurements beyond the engine (sheet writing); extended as capabilities land. */
export async function extraMeasurements(): Promise<Record<string, number>> {
  return {};
}
