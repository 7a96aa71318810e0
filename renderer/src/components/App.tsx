import { AuthGate } from '../auth/AuthGate.js';
import { AuthRoot } from '../auth/AuthRoot.js';
import { CurrentUser } from '../auth/CurrentUser.js';
import { useServices } from './services-context.js';
import { StatusBar } from './StatusBar.js';
import { TagTable } from './TagTable.js';
import { TrendPanel } from './TrendPanel.js';
import { useAppState } from './use-app-state.js';
import { AlarmBanner } from '../alarms/AlarmBanner.js';
import { ServerToolbar } from '../connections/ServerToolbar.js';
import { AlarmPanel } from '../alarms/AlarmPanel.js';
import { AlarmProvider } from '../alarms/AlarmProvider.js';

export function App() {
  const bridgeState = useAppState((state) => state.bridgeState);
  const addNotice = useAppState((state) => state.addNotice);
  const { bridge } = useServices();
  // While main is unreachable every shown value is stale; the styles grey them out.
  return (
    <AuthRoot client={bridge} onError={(message) => addNotice('error', message)}>
      <AlarmProvider>
        <div className="app" data-bridge-state={bridgeState}>
          <CurrentUser />
          {/* The alarm banner is on every screen (ISA-18.2), outside the login gate. */}
          <AlarmBanner />
          <AuthGate>
            <main className="workspace">
              <ServerToolbar />
              <TagTable />
              <TrendPanel />
              <AlarmPanel />
            </main>
          </AuthGate>
          <StatusBar />
        </div>
      </AlarmProvider>
    </AuthRoot>
  );
}
