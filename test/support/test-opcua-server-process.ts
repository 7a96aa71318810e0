// A node-opcua server for the connectivity tests, in a process of its own
// (started by test-opcua-server.ts). Its configuration comes as one JSON
// argument; it reports `ready` over IPC and exits when the channel closes,
// so it never outlives the test that started it.
import { X509Certificate } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  AccessLevelFlag, DataType, makeEUInformation, MessageSecurityMode, MonitoredItem, OPCUACertificateManager, OPCUAServer,
  RegisterServerMethod, resolveNodeId, SecurityPolicy, StatusCodes, Variant, VariantArrayType, type UAVariable,
} from 'node-opcua';
import type { TestServerConfig, TestServerMessage } from './test-opcua-server-config.js';

const config = JSON.parse(process.argv[2] ?? '{}') as TestServerConfig;
const HOST = '127.0.0.1';
const APPLICATION_URI = 'urn:tidewatch:test-server';

MonitoredItem.minimumSamplingInterval = 10;

const serverPki = new OPCUACertificateManager({ rootFolder: path.join(config.pkiDir, 'server'), automaticallyAcceptUnknownCertificate: true });
const userPki = new OPCUACertificateManager({ rootFolder: path.join(config.pkiDir, 'users'), automaticallyAcceptUnknownCertificate: false });
await serverPki.initialize();
await userPki.initialize();

const certificateFile = path.join(serverPki.rootDir, 'own/certs', `test-server-${config.certificate ?? 'valid'}.pem`);
if (!existsSync(certificateFile)) await createServerCertificate(certificateFile);
if (config.x509UserDir) await createTrustedUserCertificate(config.x509UserDir);

const users = config.users ?? [];
const server = new OPCUAServer({
  port: config.port ?? 0,
  host: HOST,
  hostname: HOST,
  serverCertificateManager: serverPki,
  userCertificateManager: userPki,
  certificateFile,
  privateKeyFile: serverPki.privateKey,
  serverInfo: { applicationUri: APPLICATION_URI, productUri: APPLICATION_URI, applicationName: { text: 'Tidewatch test server', locale: 'en' } },
  registerServerMethod: RegisterServerMethod.HIDDEN,
  securityModes: (config.securityModes ?? ['None', 'Sign', 'SignAndEncrypt']).map((mode) => MessageSecurityMode[mode]),
  securityPolicies: (config.securityPolicies ?? ['None', 'Basic256Sha256', 'Aes128_Sha256_RsaOaep', 'Aes256_Sha256_RsaPss']).map((p) => SecurityPolicy[p]),
  allowAnonymous: config.allowAnonymous ?? true,
  userManager: { isValidUser: (userName: string, password: string) => users.some((u) => u.userName === userName && u.password === password) },
  serverCapabilities: {
    maxSessions: 50,
    minSupportedSampleRate: 10,
    operationLimits: {
      maxMonitoredItemsPerCall: config.maxMonitoredItemsPerCall ?? 0,
      maxNodesPerRead: config.maxNodesPerRead ?? 0,
      maxNodesPerBrowse: config.maxNodesPerBrowse ?? 0,
    },
  },
});
await server.initialize();
const addressSpace = server.engine.addressSpace!;
const namespace = addressSpace.getOwnNamespace();
const root = namespace.addFolder(addressSpace.rootFolder.objects, { browseName: 'Test', nodeId: 's=Test' });

// Counters: V0..Vn-1, all set to the same rising integer every updateMs, so a test can tell a fresh value from a stale one.
const counterFolder = namespace.addFolder(root, { browseName: 'Counters', nodeId: 's=Test.Counters' });
const counters: UAVariable[] = [];
for (let i = 0; i < (config.counters ?? 10); i++) {
  counters.push(
    namespace.addVariable({
      componentOf: counterFolder,
      browseName: `V${i}`,
      nodeId: `s=Test.V${i}`,
      dataType: 'Double',
      minimumSamplingInterval: 0,
      value: new Variant({ dataType: DataType.Double, value: 0 }),
    }),
  );
}

// An analog item with a range and a unit: what a percent deadband and the attribute panel need.
const temperature = namespace.addAnalogDataItem({
  componentOf: root,
  browseName: 'Temperature',
  nodeId: 's=Test.Temperature',
  description: 'Reactor temperature',
  dataType: 'Double',
  accessLevel: AccessLevelFlag.CurrentRead | AccessLevelFlag.CurrentWrite,
  userAccessLevel: AccessLevelFlag.CurrentRead | AccessLevelFlag.CurrentWrite,
  minimumSamplingInterval: 0,
  engineeringUnitsRange: { low: 0, high: 200 },
  engineeringUnits: makeEUInformation('CEL', '°C', 'degree Celsius'),
  value: new Variant({ dataType: DataType.Double, value: 20 }),
});
namespace.addVariable({ componentOf: root, browseName: 'Label', nodeId: 's=Test.Label', dataType: 'String', value: new Variant({ dataType: DataType.String, value: 'batch 7' }) });
// An array (a spectrum): a value with dimensions, which a trend must refuse as a pen.
namespace.addVariable({
  componentOf: root,
  browseName: 'Spectrum',
  nodeId: 's=Test.Spectrum',
  dataType: 'Double',
  valueRank: 1,
  arrayDimensions: [4],
  value: new Variant({ dataType: DataType.Double, arrayType: VariantArrayType.Array, value: new Float64Array([1, 2, 3, 4]) }),
});
const pump = namespace.addObject({ organizedBy: root, browseName: 'Pump', nodeId: 's=Test.Pump' });
namespace.addMethod(pump, { browseName: 'Start', nodeId: 's=Test.Pump.Start' });
// A deep path for search: Area1/Line2/Cell3/FlowSensor.
let parent = root;
for (const name of ['Area1', 'Line2', 'Cell3']) parent = namespace.addFolder(parent, { browseName: name, nodeId: `s=Test.${name}` });
namespace.addVariable({ componentOf: parent, browseName: 'FlowSensor', nodeId: 's=Test.FlowSensor', dataType: 'Double', value: new Variant({ dataType: DataType.Double, value: 4.2 }) });

// History kept by the server (HistoryRead): Test.History holds values 0, 1, 2, ... one per updateMs, the first
// historyValues of them from before the server started. Test.NoHistory says HistoryRead in its access level but
// keeps none, so the server refuses to read it (BadHistoryOperationUnsupported), as a misconfigured server does.
const updateMs = config.updateMs ?? 100;
const history = namespace.addVariable({ componentOf: root, browseName: 'History', nodeId: 's=Test.History', dataType: 'Double', minimumSamplingInterval: 0 });
addressSpace.installHistoricalDataNode(history, { maxOnlineValues: 1_000_000 });
const pastValues = config.historyValues ?? 2500;
const startedAt = Date.now();
for (let i = 0; i < pastValues; i++) {
  history.setValueFromSource(new Variant({ dataType: DataType.Double, value: i }), StatusCodes.Good, new Date(startedAt - (pastValues - i) * updateMs));
}
const noHistory = namespace.addVariable({
  componentOf: root,
  browseName: 'NoHistory',
  nodeId: 's=Test.NoHistory',
  dataType: 'Double',
  accessLevel: AccessLevelFlag.CurrentRead | AccessLevelFlag.HistoryRead,
  userAccessLevel: AccessLevelFlag.CurrentRead | AccessLevelFlag.HistoryRead,
  minimumSamplingInterval: 0,
  value: new Variant({ dataType: DataType.Double, value: 0 }),
});

// Values a trend must survive: NaN, +Inf, and a clock a day ahead (Test.Label and Test.Spectrum cover
// a string and an array). Each is written every updateMs beside the counters.
const badValue = (browseName: string) =>
  namespace.addVariable({ componentOf: root, browseName, nodeId: `s=Test.${browseName}`, dataType: 'Double', minimumSamplingInterval: 0 });
const notANumber = badValue('NaN');
const infinity = badValue('Infinity');
const future = badValue('Future');
const DAY_MS = 86_400_000;

// A node whose DataType changes while sessions stay open, as after a PLC program download.
const retyped = namespace.addVariable({ componentOf: root, browseName: 'Retyped', nodeId: 's=Test.Retyped', dataType: 'Double', minimumSamplingInterval: 0 });
let retypedTo: DataType = DataType.Double;
if (config.retypeAfterMs !== undefined) {
  setTimeout(() => {
    retypedTo = DataType.Int32;
    // node-opcua keeps the DataType attribute as a plain field, and a cache of its built-in type
    // that it validates new values against; null makes it look the type up again.
    Object.assign(retyped, { dataType: resolveNodeId('Int32'), _basicDataType: null });
  }, config.retypeAfterMs);
}

await server.start();

let sequence = 0;
const timer = setInterval(() => {
  sequence++;
  const now = new Date();
  const value = new Variant({ dataType: DataType.Double, value: sequence });
  for (const counter of counters) counter.setValueFromSource(value, StatusCodes.Good, now);
  temperature.setValueFromSource(new Variant({ dataType: DataType.Double, value: 20 + (sequence % 100) * 0.5 }), StatusCodes.Good, now);
  history.setValueFromSource(new Variant({ dataType: DataType.Double, value: pastValues + sequence - 1 }), StatusCodes.Good, now);
  noHistory.setValueFromSource(value, StatusCodes.Good, now);
  notANumber.setValueFromSource(new Variant({ dataType: DataType.Double, value: Number.NaN }), StatusCodes.Good, now);
  infinity.setValueFromSource(new Variant({ dataType: DataType.Double, value: Number.POSITIVE_INFINITY }), StatusCodes.Good, now);
  future.setValueFromSource(new Variant({ dataType: DataType.Double, value: sequence }), StatusCodes.Good, new Date(now.getTime() + DAY_MS));
  retyped.setValueFromSource(new Variant({ dataType: retypedTo, value: sequence }), StatusCodes.Good, now);
}, updateMs);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  clearInterval(timer);
  await server.shutdown(0);
  await serverPki.dispose();
  await userPki.dispose();
  process.exit(0);
};
process.on('disconnect', () => void stop());
process.on('SIGTERM', () => void stop());
const ready: TestServerMessage = {
  type: 'ready',
  endpointUrl: server.getEndpointUrl(),
  applicationUri: APPLICATION_URI,
  certificateThumbprint: new X509Certificate(readFileSync(certificateFile)).fingerprint.replaceAll(':', '').toLowerCase(),
};
process.send?.(ready);

/** The server's certificate, made wrong on purpose when the test asks for it. */
async function createServerCertificate(file: string): Promise<void> {
  const kind = config.certificate ?? 'valid';
  const day = 24 * 60 * 60 * 1000;
  await serverPki.createSelfSignedCertificate({
    applicationUri: kind === 'wrongUri' ? 'urn:somewhere-else:other-server' : APPLICATION_URI,
    dns: kind === 'wrongHost' ? ['plc-17.example.invalid'] : [HOST, 'localhost'],
    ip: kind === 'wrongHost' ? [] : [HOST],
    subject: `/CN=Tidewatch test server (${kind})/O=Tidewatch tests`,
    startDate: kind === 'expired' ? new Date(Date.now() - 400 * day) : new Date(Date.now() - day),
    validity: kind === 'expired' ? 30 : 365,
    outputFile: file,
  });
}

/** An X.509 user identity (certificate + key) in `dir`, trusted by this server's user PKI. */
async function createTrustedUserCertificate(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const userCertFile = path.join(dir, 'user-cert.pem');
  const userStore = new OPCUACertificateManager({ rootFolder: path.join(dir, 'pki'), automaticallyAcceptUnknownCertificate: false });
  await userStore.initialize();
  if (!existsSync(userCertFile)) {
    await userStore.createSelfSignedCertificate({
      applicationUri: 'urn:tidewatch:test-operator',
      dns: [],
      subject: '/CN=operator-17/O=Tidewatch tests',
      startDate: new Date(Date.now() - 24 * 60 * 60 * 1000),
      validity: 365,
      outputFile: userCertFile,
    });
  }
  copyFileSync(userStore.privateKey, path.join(dir, 'user-key.pem'));
  await userPki.trustCertificate(new X509Certificate(readFileSync(userCertFile)).raw);
  await userStore.dispose();
}
