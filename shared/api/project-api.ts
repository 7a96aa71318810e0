import { z } from 'zod';

// The running project, beyond what the `project` event says about it.

export interface ProjectApi {
  /**
   * Runs the copy of the project kept from its last good load, when the file
   * failed to load at start (ProjectStatus.lastGood says one is there). The
   * file is left as it is, and nothing is saved into it until it loads again.
   */
  runLastGoodProject(): Promise<void>;
}

export const projectApiSchemas = {
  runLastGoodProject: z.undefined(),
} satisfies Record<keyof ProjectApi, z.ZodType>;
