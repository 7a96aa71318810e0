// A node-opcua server for benchmarks: N Double variables, each set R times a
// second to the next integer. A client that receives k then k+2 lost one:
// the values themselves count what arrived.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataType, OPCUACertificateManager, OPCUAServer, StatusCodes, Variant, type UAVariable } from 'node-opcua';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i] ?? '', process.argv[i + 1] ?? '');
const tagCount = Number(args.get('--tags') ?? 1000);
const rateHz = Number(args.get('--rate') ?? 100);

const pki = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-bench-pki-'));
const server = new OPCUAServer({
  port: 0,
  hostname: '127.0.0.1',
  serverCertificateManager: new OPCUACertificateManager({ rootFolder: pki, automaticallyAcceptUnknownCertificate: true }),
  // MinSupportedSampleRate 0: an item that asks for 0 is served every change, with no sampling
  // timer of the server's (1000 timers at 100 Hz cost it a core, and a timer sampling a value
  // that changes at the same rate skips some whenever the two drift).
  serverCapabilities: { maxSessions: 10, minSupportedSampleRate: 0, operationLimits: { maxMonitoredItemsPerCall: 1000 } },
});
await server.initialize();
const addressSpace = server.engine.addressSpace!;
const namespace = addressSpace.getOwnNamespace();
const folder = namespace.addFolder(addressSpace.rootFolder.objects, { browseName: 'Bench' });
const variables: UAVariable[] = [];
for (let i = 0; i < tagCount; i++) {
  variables.push(
    namespace.addVariable({
      componentOf: folder,
      browseName: `V${i}`,
      nodeId: `s=Bench.V${i}`,
      dataType: 'Double',
      // 0 = exception-based: the server can report every change rather than sample it.
      minimumSamplingInterval: 0,
      value: new Variant({ dataType: DataType.Double, value: 0 }),
    }),
  );
}
await server.start();
const endpointUrl = server.getEndpointUrl();

// Steps are kept on a fixed schedule from the start, not chained one interval after the
// last tick: a chained timer drifts by the tick's own work (1000 updates take a few ms), which
// offered 70 ticks a second for 100. A late tick catches up with every step it owes, each
// stamped with the time it was due, so the offered rate is the nominal one while the CPU lasts.
const periodMs = 1000 / rateHz;
const startedAt = performance.now();
const epochMs = Date.now();
let sequence = 0;
let timer: NodeJS.Timeout;
const tick = () => {
  const due = Math.floor((performance.now() - startedAt) / periodMs);
  while (sequence < due) {
    sequence++;
    const at = new Date(epochMs + sequence * periodMs);
    for (const variable of variables) variable.setValueFromSource(new Variant({ dataType: DataType.Double, value: sequence }), StatusCodes.Good, at);
  }
  timer = setTimeout(tick, Math.max(0, startedAt + (sequence + 1) * periodMs - performance.now()));
};
timer = setTimeout(tick, periodMs);

const stop = async () => {
  clearTimeout(timer);
  await server.shutdown(0);
  process.exit(0);
};
process.on('disconnect', () => void stop());
process.on('SIGTERM', () => void stop());
process.send?.({ type: 'ready', endpointUrl });
