import { AuthGate } from '../auth/AuthGate.js';
import { AuthRoot } from '../auth/AuthRoot.js';
import { CurrentUser } from '../auth/CurrentUser.js';
import { useServices } from './services-context.js';
import { StatusBar } from './StatusBar.js';
import { TagTable } from './TagTable.js';
import { TrendPanel } from './TrendPanel.js';
import { useAppState } from './use-app-state.js';

export function App() {
  const bridgeState = useAppState((state) => state.bridgeState);
  const addNotice = useAppState((state) => state.addNotice);
  const { bridge } = useServices();
  // While main is unreachable every shown value is stale; the styles grey them out.
  return (
    <AuthRoot client={bridge} onError={(message) => addNotice('error', message)}>
      <div className="app" data-bridge-state={bridgeState}>
        <CurrentUser />
        <AuthGate>
          <main className="workspace">
            <TagTable />
            <TrendPanel />
          </main>
        </AuthGate>
        <StatusBar />
      </div>
    </AuthRoot>
  );
}
