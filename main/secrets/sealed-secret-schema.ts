import { z } from 'zod';
import { SEALED_PREFIX } from './secret-box.js';

/** For a project schema's secret fields: a clear-text password or key is an error with its path at load. */
export const sealedSecretSchema = z
  .string()
  .max(64 * 1024)
  .refine((value) => value.startsWith(SEALED_PREFIX), {
    message: `must be sealed (start with "${SEALED_PREFIX}"), as Tidewatch writes it: secrets are never stored in clear text; put a clear-text password in "password" instead, and Tidewatch seals it when it loads the file`,
  });
