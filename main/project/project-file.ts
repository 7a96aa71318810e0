import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseProject, serializeProject, type ParseProjectResult } from './parse-project.js';
import type { Project } from './project-schema.js';

export async function readProjectFile(file: string): Promise<ParseProjectResult & { readonly text?: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, issues: [{ path: '', message: `cannot read ${file}: ${(error as Error).message}` }] };
  }
  return { ...parseProject(text), text };
}

/**
 * Writes through a temporary file and a rename, so a crash mid-write leaves
 * the old project intact rather than half a file. Returns the text written,
 * so a file watcher can recognise its own write.
 */
export async function writeProjectFile(file: string, project: Project): Promise<string> {
  const text = serializeProject(project);
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await writeFile(temporary, text, 'utf8');
  await rename(temporary, file);
  return text;
}
