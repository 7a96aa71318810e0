import { OPCUAClient, type ClientSession } from 'node-opcua';
import { ConnectError } from './connect-error.js';
import { chooseEndpoint } from './choose-endpoint.js';
import { describeOpcuaError } from './describe-opcua-error.js';
import { discoverServer } from './discover-server.js';
import { APPLICATION_NAME, type OpcuaPki } from './opcua-pki.js';
import { parseEndpointUrl } from './parse-endpoint-url.js';
import { probeEndpoint } from './probe-endpoint.js';
import { messageSecurityMode, securityPolicyUri, type ResolveSecret, type ServerSettings } from './server-settings.js';
import { toUserIdentityInfo, userTokenKind } from './user-identity.js';

export interface EstablishedSession {
  readonly client: OPCUAClient;
  readonly session: ClientSession;
}

// A request the server has not answered by then is dead; node-opcua's default (15 s) leaves a plant blind for too long.
const TRANSACTION_TIMEOUT_MS = 10_000;
// How long a session survives a network cut: long enough for a switch to reboot, short enough for the server to clean up.
const SESSION_TIMEOUT_MS = 120_000;

/**
 * One attempt at a session: discovery, the endpoint the settings ask for,
 * the server certificate's validity, identity and trust, then connect and
 * activate with the configured user. Every failure is a ConnectError whose
 * message says the cause (the caller adds the server's name).
 */
export async function establishSession(
  settings: ServerSettings,
  deps: { readonly pki: OpcuaPki; readonly resolveSecret: ResolveSecret },
  watch: (client: OPCUAClient) => void,
): Promise<EstablishedSession> {
  const parsed = parseEndpointUrl(settings.endpointUrl);
  if (!parsed.ok) throw new ConnectError(parsed.error);
  const tokenKind = userTokenKind(settings.user);
  const identity = await toUserIdentityInfo(settings.user, deps.resolveSecret).catch((error: unknown) => {
    throw new ConnectError(error instanceof Error ? error.message : String(error));
  });

  const discovery = await discoverServer(settings.endpointUrl, deps.pki);
  const choice = chooseEndpoint(
    discovery.endpoints.map((e) => e.info),
    { securityMode: settings.securityMode, securityPolicy: settings.securityPolicy, userToken: tokenKind },
  );
  if (!choice.ok) throw new ConnectError(choice.error);
  const certificate = discovery.endpoints.find((e) => e.info === choice.endpoint)?.certificate ?? null;
  if (settings.securityMode !== 'None') {
    if (!certificate) throw new ConnectError('the server sent no certificate for its secure endpoint');
    const check = await deps.pki.check(certificate, { applicationUri: discovery.server.applicationUri, host: parsed.address.host });
    if (!check.ok && check.untrusted && settings.autoAcceptServerCertificate) {
      await deps.pki.trustUnseen(certificate);
    } else if (!check.ok) {
      throw new ConnectError(check.message, check.untrusted ? check.info : null);
    }
  }

  const client = OPCUAClient.create({
    applicationName: APPLICATION_NAME,
    applicationUri: deps.pki.applicationUri,
    clientCertificateManager: deps.pki.manager,
    certificateFile: deps.pki.certificateFile,
    privateKeyFile: deps.pki.privateKeyFile,
    securityMode: messageSecurityMode(settings.securityMode),
    securityPolicy: securityPolicyUri(settings.securityPolicy),
    ...(certificate && { serverCertificate: certificate }),
    endpointMustExist: false,
    keepSessionAlive: true,
    requestedSessionTimeout: SESSION_TIMEOUT_MS,
    defaultTransactionTimeout: TRANSACTION_TIMEOUT_MS,
    // One quick retry on the first connect, so its failure comes back with a cause; once
    // connected, node-opcua retries a lost connection forever with this backoff.
    connectionStrategy: { initialDelay: settings.reconnect.initialDelayMs, maxDelay: settings.reconnect.maxDelayMs, maxRetry: 1 },
  });
  watch(client);
  try {
    await client.connect(settings.endpointUrl);
    const session = await client.createSession(identity);
    return { client, session };
  } catch (error) {
    await client.disconnect().catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    throw new ConnectError(describeOpcuaError(message, tokenKind) ?? (await probeEndpoint(settings.endpointUrl)) ?? message.split('\n')[0]!.trim());
  }
}
