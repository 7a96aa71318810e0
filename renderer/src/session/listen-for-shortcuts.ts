import { shortcutCommand } from '../../../shared/ui-shortcuts.js';
import type { AppStore } from '../state/app-store.js';

/**
 * In a browser the operator's shortcuts (F8, F9, Ctrl+PageUp/Down) are the page's to
 * catch: they become the same command the desktop menu would send, so MenuCommands
 * carries out both alike. The desktop binds them in its menu, and the page leaves
 * them alone there so a press acts once. A browser keeps some chords for itself
 * (Ctrl+T, and Ctrl+PageUp/Down in a tabbed window): the toolbar buttons do the same.
 */
export function listenForShortcuts(win: Window, appStore: AppStore): () => void {
  if (win.tidewatch !== undefined) return () => undefined;
  const mac = /mac/i.test(win.navigator.platform);
  const onKey = (event: KeyboardEvent) => {
    const command = shortcutCommand(event, mac);
    if (command === null) return;
    event.preventDefault();
    appStore.getState().applyEvent({ type: 'command', command });
  };
  win.addEventListener('keydown', onKey);
  return () => win.removeEventListener('keydown', onKey);
}
