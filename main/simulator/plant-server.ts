import path from 'node:path';
import {
  MonitoredItem, OPCUACertificateManager, OPCUAServer, RegisterServerMethod, StatusCodes, type DataValue, type StatusCode,
} from 'node-opcua';
import { DEMO_NAMESPACE_URI, type PlantVariable } from './plant-catalogue.js';
import { createPlantFeed, MODEL_STEP_MS, type OnPublish } from './plant-feed.js';
import { addPlantAlarms } from './plant-alarms.js';
import { addPlantMethods } from './plant-methods.js';
import { addPlantNodes } from './plant-nodes.js';
import type { WriteRefusalReason } from './write-plant.js';

export interface PlantServerOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** The server's own PKI lives here, never in node-opcua's per-user default folder. */
  readonly pkiDir: string;
}

export interface RunningPlantServer {
  readonly endpointUrl: string;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

/**
 * Starts the demo plant as a real OPC UA server on the loopback interface only.
 *
 * Lowers node-opcua's process-wide floor on sampling intervals (50 ms by default) so that a
 * project that still samples Pump1.Vibration every 10 ms gets it: run it in a process of its own.
 */
export async function startPlantServer(options: PlantServerOptions): Promise<RunningPlantServer> {
  MonitoredItem.minimumSamplingInterval = MODEL_STEP_MS;
  // The feed publishes its first samples before the nodes exist; addPlantNodes gives those to the pushed nodes itself.
  let push: OnPublish = () => undefined;
  const feed = createPlantFeed(Date.now(), (variable, dataValue) => push(variable, dataValue));
  const write = (variable: PlantVariable, dataValue: DataValue): StatusCode => {
    const written: unknown = dataValue.value.value;
    const refusal =
      typeof written === 'number' || typeof written === 'boolean' ? feed.write(variable, written) : { reason: 'wrongType' as const };
    if (refusal === undefined) {
      return StatusCodes.Good;
    }
    keepPublishedValue(dataValue, feed.latest(variable));
    return statusFor(refusal.reason);
  };

  const server = new OPCUAServer({
    port: options.port,
    // host is where it listens; hostname is what its endpoint URLs say.
    host: HOST,
    hostname: HOST,
    serverCertificateManager: certificateManager(options.pkiDir, 'server'),
    userCertificateManager: certificateManager(options.pkiDir, 'users'),
    // The application URI names the server's own namespace, index 1: that is our demo namespace.
    serverInfo: {
      applicationUri: DEMO_NAMESPACE_URI,
      productUri: DEMO_NAMESPACE_URI,
      applicationName: { text: 'Tidewatch demo plant', locale: 'en' },
    },
    buildInfo: { productName: 'Tidewatch demo plant', manufacturerName: 'Tidewatch contributors' },
    registerServerMethod: RegisterServerMethod.HIDDEN,
    // node-opcua coalesces the changes of an exception-based item (samplingInterval 0 on a variable
    // whose MinimumSamplingInterval is 0) over this rate: at 0 it delivers every pushed sample. The
    // sampled variables keep their own MinimumSamplingInterval as their floor.
    serverCapabilities: { maxSessions: 20, minSupportedSampleRate: 0 },
  });
  await server.initialize();
  const addressSpace = server.engine.addressSpace;
  if (!addressSpace) {
    throw new Error('node-opcua initialised without an address space');
  }
  const nodes = addPlantNodes(addressSpace.getOwnNamespace(), addressSpace.rootFolder.objects, { latest: feed.latest, write });
  push = nodes.push;
  addPlantMethods(addressSpace.getOwnNamespace(), nodes.equipment, feed);
  const alarms = addPlantAlarms(addressSpace, addressSpace.getOwnNamespace());

  const timer = setInterval(() => {
    feed.advance(Date.now());
    alarms.update();
  }, MODEL_STEP_MS);
  try {
    await server.start();
  } catch (error) {
    clearInterval(timer);
    await server.shutdown(0).catch(() => undefined);
    throw error;
  }
  return {
    endpointUrl: server.getEndpointUrl(),
    stop: async () => {
      clearInterval(timer);
      await server.shutdown(0);
    },
  };
}

function certificateManager(pkiDir: string, name: string): OPCUACertificateManager {
  // Accepting any client certificate is fine for a demo plant that only listens on loopback,
  // and lets the app exercise its secure connection path without a trust step.
  return new OPCUACertificateManager({ rootFolder: path.join(pkiDir, name), automaticallyAcceptUnknownCertificate: true });
}

/**
 * node-opcua installs the written DataValue, and announces it as a value change, even when the
 * setter refuses it: make it the current one, so that a refused write changes nothing.
 */
function keepPublishedValue(written: DataValue, current: DataValue): void {
  written.value = current.value;
  written.statusCode = current.statusCode;
  written.sourceTimestamp = current.sourceTimestamp;
  written.sourcePicoseconds = current.sourcePicoseconds;
}

function statusFor(reason: WriteRefusalReason): StatusCode {
  switch (reason) {
    case 'unknown':
      return StatusCodes.BadNodeIdUnknown;
    case 'readOnly':
      return StatusCodes.BadNotWritable;
    case 'wrongType':
      return StatusCodes.BadTypeMismatch;
    case 'outOfRange':
      return StatusCodes.BadOutOfRange;
    case 'wrongMode':
      return StatusCodes.BadInvalidState;
  }
}
