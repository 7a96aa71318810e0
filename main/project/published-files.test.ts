import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { demoProject } from './demo-project.js';
import { parseProject, serializeProject } from './parse-project.js';
import { projectJsonSchema } from './project-json-schema.js';

// The schema editors validate against and the example project are generated from
// code; these tests fail when the committed copies drift. `npm run project-files` rewrites them.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const files = {
  'schema/tidewatch-project.schema.json': `${JSON.stringify(projectJsonSchema(), null, 2)}\n`,
  'examples/demo-plant.tidewatch': serializeProject(demoProject()),
};
const update = process.env.UPDATE_PROJECT_FILES === '1';

describe('published project files', () => {
  for (const [file, expected] of Object.entries(files)) {
    it(`${file} is up to date (npm run project-files)`, () => {
      if (update) writeFileSync(path.join(root, file), expected);
      expect(readFileSync(path.join(root, file), 'utf8')).toBe(expected);
    });
  }

  it('the example project is a valid project', () => {
    expect(parseProject(readFileSync(path.join(root, 'examples/demo-plant.tidewatch'), 'utf8')).ok).toBe(true);
  });
});
