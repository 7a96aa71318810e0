import { z } from 'zod';
import { projectSchema } from './project-schema.js';

/**
 * The published JSON Schema (schema/tidewatch-project.schema.json), made from
 * the same zod schema the app validates with, so an editor and the app never
 * disagree. 'input' because defaults make keys optional in the file.
 */
export function projectJsonSchema(): object {
  return {
    ...z.toJSONSchema(projectSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }),
    $id: 'https://tidewatch.invalid/schema/tidewatch-project.schema.json',
    title: 'Tidewatch project',
  };
}
