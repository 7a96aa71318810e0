import type { HistorianConfig } from '../historian/historian.js';
import type { HistorianSettings } from '../project/project-schema.js';

const DAY_MS = 86_400_000;
const MB = 1024 * 1024;

/** A project's historian section in the units the historian works in. */
export function historianConfig(settings: HistorianSettings): HistorianConfig {
  return {
    flushIntervalMs: settings.flushIntervalMs,
    retention: {
      maxAgeMs: settings.retentionDays * DAY_MS,
      maxBytes: settings.maxSizeMb * MB,
      ...(settings.journalRetentionDays === undefined ? {} : { journalMaxAgeMs: settings.journalRetentionDays * DAY_MS }),
    },
  };
}
