import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectBridge } from './bridge/connect-bridge.js';
import { App } from './components/App.js';
import { ServicesContext } from './components/services-context.js';
import { animationFrameScheduler } from './live/frame-scheduler.js';
import { LiveStore } from './live/live-store.js';
import { liveStoreProbe } from './live/live-store-probe.js';
import { listenForShortcuts } from './session/listen-for-shortcuts.js';
import { startSession } from './session/start-session.js';
import { createAppStore } from './state/app-store.js';
import './styles.css';

// The composition root: everything long-lived is built here, once, and handed down.
const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

const scheduler = animationFrameScheduler(window);
const bridge = connectBridge(window);
const appStore = createAppStore();
const liveStore = new LiveStore(scheduler);
const session = startSession(bridge, appStore, liveStore);
window.tidewatchProbe = liveStoreProbe(liveStore, appStore);
const stopShortcuts = listenForShortcuts(window, appStore);
const root = createRoot(container);

root.render(
  <StrictMode>
    <ServicesContext value={{ bridge, appStore, liveStore, scheduler }}>
      <App />
    </ServicesContext>
  </StrictMode>,
);

window.addEventListener(
  'pagehide',
  (event) => {
    // A page kept in the back/forward cache comes back without its socket: reload it on return instead.
    if (event.persisted) window.addEventListener('pageshow', () => window.location.reload(), { once: true });
    stopShortcuts();
    root.unmount();
    session.dispose();
    liveStore.dispose();
    bridge.dispose();
  },
  { once: true },
);
