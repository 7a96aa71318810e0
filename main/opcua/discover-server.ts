import { extractFirstCertificateInChain, OPCUAClient } from 'node-opcua';
import type { DiscoveredServer, EndpointInfo } from '../../shared/api/connection-api.js';
import { ConnectError } from './connect-error.js';
import { describeCertificate } from './describe-certificate.js';
import { describeOpcuaError } from './describe-opcua-error.js';
import { endpointInfo } from './endpoint-info.js';
import type { OpcuaPki } from './opcua-pki.js';
import { APPLICATION_NAME } from './opcua-pki.js';
import { parseEndpointUrl } from './parse-endpoint-url.js';
import { probeEndpoint } from './probe-endpoint.js';

export interface DiscoveredEndpoint {
  readonly info: EndpointInfo;
  /** The server certificate this endpoint presents (DER), null for a server that sends none. */
  readonly certificate: Buffer | null;
}

export interface Discovery {
  readonly server: DiscoveredServer;
  readonly endpoints: readonly DiscoveredEndpoint[];
}

// Discovery is one short exchange: a server that does not answer within this is reported, not waited for.
const DISCOVERY_TIMEOUT_MS = 10_000;

/**
 * GetEndpoints over an unsecured channel (which every server allows for
 * discovery), so the dialog can list the server's endpoints and a secure
 * connection can check the server's certificate before it trusts anything.
 */
export async function discoverServer(endpointUrl: string, pki: OpcuaPki): Promise<Discovery> {
  const parsed = parseEndpointUrl(endpointUrl);
  if (!parsed.ok) throw new ConnectError(parsed.error);
  const client = OPCUAClient.create({
    applicationName: APPLICATION_NAME,
    applicationUri: pki.applicationUri,
    clientCertificateManager: pki.manager,
    certificateFile: pki.certificateFile,
    privateKeyFile: pki.privateKeyFile,
    endpointMustExist: false,
    connectionStrategy: { maxRetry: 0, initialDelay: 100, maxDelay: 100 },
    transportTimeout: DISCOVERY_TIMEOUT_MS,
    defaultTransactionTimeout: DISCOVERY_TIMEOUT_MS,
  });
  try {
    await client.connect(endpointUrl);
    const descriptions = await client.getEndpoints();
    const endpoints = descriptions.flatMap((d) => {
      const info = endpointInfo(d);
      return info ? [{ info, certificate: d.serverCertificate && d.serverCertificate.length > 0 ? d.serverCertificate : null }] : [];
    });
    const first = descriptions[0]?.server;
    const certificateDer = endpoints.find((e) => e.certificate)?.certificate;
    return {
      server: {
        applicationUri: first?.applicationUri ?? '',
        applicationName: first?.applicationName?.text ?? '',
        productUri: first?.productUri ?? '',
        certificate: certificateDer ? safeDescribe(certificateDer) : null,
        endpoints: endpoints.map((e) => e.info),
      },
      endpoints,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ConnectError(describeOpcuaError(message, 'anonymous') ?? (await probeEndpoint(endpointUrl)) ?? firstLine(message));
  } finally {
    await client.disconnect().catch(() => undefined);
  }
}

function safeDescribe(chain: Buffer) {
  try {
    return describeCertificate(extractFirstCertificateInChain(chain) ?? chain);
  } catch {
    return null;
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? text;
}
