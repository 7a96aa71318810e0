import { z } from 'zod';
import { SEALED_PREFIX } from './secret-box.js';

/** For a project schema's secret fields: a clear-text password or key is an error with its path at load. */
export const sealedSecretSchema = z
  .string()
  .max(64 * 1024)
  .refine((value) => value.startsWith(SEALED_PREFIX), { message: `must be sealed (start with "${SEALED_PREFIX}"): secrets are never stored in clear text; enter it in Tidewatch, which seals it` });
