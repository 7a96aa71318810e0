import { StatusBar } from './StatusBar.js';
import { TagTable } from './TagTable.js';
import { TrendPanel } from './TrendPanel.js';
import { useAppState } from './use-app-state.js';

export function App() {
  const bridgeState = useAppState((state) => state.bridgeState);
  // While main is unreachable every shown value is stale; the styles grey them out.
  return (
    <div className="app" data-bridge-state={bridgeState}>
      <main className="workspace">
        <TagTable />
        <TrendPanel />
      </main>
      <StatusBar />
    </div>
  );
}
