import { describe, expect, it } from 'vitest';
import { historianSettingsSchema } from '../project/project-schema.js';
import { historianConfig } from './historian-config.js';

describe('historianConfig', () => {
  it('turns the defaults of an empty historian section into 90 days, 2 GiB and a 1 s flush, keeping the journal', () => {
    expect(historianConfig(historianSettingsSchema.parse({}))).toEqual({
      flushIntervalMs: 1000,
      retention: { maxAgeMs: 90 * 86_400_000, maxBytes: 2048 * 1024 * 1024 },
    });
  });

  it('carries every setting over in ms and bytes', () => {
    const config = historianConfig(historianSettingsSchema.parse({ retentionDays: 1.5, maxSizeMb: 16, flushIntervalMs: 250, journalRetentionDays: 400 }));
    expect(config).toEqual({ flushIntervalMs: 250, retention: { maxAgeMs: 1.5 * 86_400_000, maxBytes: 16 * 1024 * 1024, journalMaxAgeMs: 400 * 86_400_000 } });
  });
});
