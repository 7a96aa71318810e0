import { useEffect, useState, type ReactNode } from 'react';
import { useServices } from '../components/services-context.js';
import { useAppState } from '../components/use-app-state.js';
import { errorMessage } from '../session/error-message.js';
import { DisplayContext } from './display-context.js';
import { createDisplayStore } from './display-store.js';
import './displays.css';

/**
 * The page's display store, listed from main on every (re)connection and every
 * project change (a reload on disk can add, change or drop displays).
 */
export function DisplayProvider({ children, initial, paneOpen }: { readonly children: ReactNode; readonly initial: string | null; readonly paneOpen: boolean }) {
  const { bridge } = useServices();
  const bridgeState = useAppState((state) => state.bridgeState);
  const project = useAppState((state) => state.project);
  const [store] = useState(() => createDisplayStore(initial, paneOpen));
  useEffect(() => {
    if (bridgeState !== 'connected') return;
    let current = true;
    bridge.listDisplays().then(
      (displays) => current && store.getState().setDisplays(displays),
      (error: unknown) => current && store.getState().setError(errorMessage(error)),
    );
    return () => {
      current = false;
    };
  }, [bridge, bridgeState, project, store]);
  return <DisplayContext value={store}>{children}</DisplayContext>;
}
