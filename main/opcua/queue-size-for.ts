/**
 * Enough queue for every sample taken between two publishes, with room for a
 * late publish: a queue of 1 silently drops the samples a fast trend exists to show.
 */
export function queueSizeFor(samplingInterval: number, publishingInterval: number): number {
  if (samplingInterval <= 0) return 2;
  return Math.max(2, 2 * Math.ceil(publishingInterval / samplingInterval));
}
