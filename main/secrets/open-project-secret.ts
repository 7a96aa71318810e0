import type { SecretBox } from './secret-box.js';

/**
 * Opens a secret read from the project at `where` ("servers[2].password"),
 * or throws an error that names the place and the reason: clear text,
 * another station's sealing, damage. The secret itself never appears in a message.
 */
export async function openProjectSecret(box: SecretBox, sealed: string, where: string): Promise<string> {
  try {
    return await box.open(sealed);
  } catch (error) {
    throw new Error(`${where}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
