import { AuthGate } from '../auth/AuthGate.js';
import { AuthRoot } from '../auth/AuthRoot.js';
import { CurrentUser } from '../auth/CurrentUser.js';
import { useServices } from './services-context.js';
import { StatusBar } from './StatusBar.js';
import { TrendPanel } from './TrendPanel.js';
import { useAppState } from './use-app-state.js';
import { parseViewRoute } from '../windows/view-route.js';
import { ServerToolbar } from '../connections/ServerToolbar.js';
import { AlarmBanner } from '../alarms/AlarmBanner.js';
import { AlarmPanel } from '../alarms/AlarmPanel.js';
import { AlarmProvider } from '../alarms/AlarmProvider.js';
import { CommandBar } from '../commands/CommandBar.js';
import { MenuCommands } from './MenuCommands.js';
import { WorkspacePane } from './WorkspacePane.js';
import { DisplayPanel } from '../displays/DisplayPanel.js';
import { DisplayProvider } from '../displays/DisplayProvider.js';

// ?view=trend shows one trend and nothing else, ?view=display one process display, ?view=alarms the alarm views: a second monitor's window.
const route = parseViewRoute(window.location.search);

export function App() {
  const bridgeState = useAppState((state) => state.bridgeState);
  const addNotice = useAppState((state) => state.addNotice);
  const { bridge } = useServices();
  // While main is unreachable every shown value is stale; the styles grey them out.
  // The alarm banner is on every screen, the trend-only window's too (ISA-18.2).
  return (
    <AuthRoot client={bridge} onError={(message) => addNotice('error', message)}>
      <AlarmProvider trendHere={route.view === 'main' || route.view === 'trend'}>
        <DisplayProvider initial={route.view === 'display' ? route.display : null} paneOpen={route.view === 'display'}>
          <div className="app" data-bridge-state={bridgeState}>
            <CurrentUser />
            <AlarmBanner />
            <MenuCommands />
            <AuthGate>
              {route.view === 'alarms' ? (
                <main className="workspace alarms-only">
                  <AlarmPanel pinned />
                </main>
              ) : route.view === 'display' ? (
                <main className="workspace display-only">
                  <DisplayPanel />
                  <AlarmPanel />
                </main>
              ) : route.view === 'trend' ? (
                <main className="workspace trend-only">
                  <TrendPanel open={route} />
                  <AlarmPanel />
                </main>
              ) : (
                <main className="workspace">
                  <ServerToolbar />
                  <CommandBar />
                  <WorkspacePane />
                  <TrendPanel />
                  <AlarmPanel />
                </main>
              )}
            </AuthGate>
            <StatusBar />
          </div>
        </DisplayProvider>
      </AlarmProvider>
    </AuthRoot>
  );
}
