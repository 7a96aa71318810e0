// A node-opcua server for benchmarks: N Double variables, each set R times a
// second to the next integer. A client that receives k then k+2 lost one:
// the values themselves count what arrived.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataType, MonitoredItem, OPCUACertificateManager, OPCUAServer, StatusCodes, Variant, type UAVariable } from 'node-opcua';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i] ?? '', process.argv[i + 1] ?? '');
const tagCount = Number(args.get('--tags') ?? 1000);
const rateHz = Number(args.get('--rate') ?? 100);

// node-opcua clamps every sampling interval to this static floor (50 ms) whatever the variable allows.
MonitoredItem.minimumSamplingInterval = Math.min(MonitoredItem.minimumSamplingInterval, 1000 / rateHz);

const pki = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-bench-pki-'));
const server = new OPCUAServer({
  port: 0,
  hostname: '127.0.0.1',
  serverCertificateManager: new OPCUACertificateManager({ rootFolder: pki, automaticallyAcceptUnknownCertificate: true }),
  serverCapabilities: { maxSessions: 10, minSupportedSampleRate: 1000 / rateHz, operationLimits: { maxMonitoredItemsPerCall: 1000 } },
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
      // 0 = exception-based: the server reports every change rather than sampling on its own timer
      // (which can fall between two updates and skip one), so any loss counted is the client's.
      minimumSamplingInterval: 0,
      value: new Variant({ dataType: DataType.Double, value: 0 }),
    }),
  );
}
await server.start();
const endpointUrl = server.getEndpointUrl();

let sequence = 0;
const timer = setInterval(() => {
  sequence++;
  const now = new Date();
  for (const variable of variables) variable.setValueFromSource(new Variant({ dataType: DataType.Double, value: sequence }), StatusCodes.Good, now);
}, 1000 / rateHz);

const stop = async () => {
  clearInterval(timer);
  await server.shutdown(0);
  process.exit(0);
};
process.on('disconnect', () => void stop());
process.on('SIGTERM', () => void stop());
process.send?.({ type: 'ready', endpointUrl });
