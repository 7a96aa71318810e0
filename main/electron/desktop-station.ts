import os from 'node:os';

/** How this desktop's windows appear in the audit trail, and where a kiosk unlock must come from. */
export function desktopStation(): string {
  return `desktop@${os.hostname()}`;
}
