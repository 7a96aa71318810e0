import { isOpcTcpUrl } from '../../shared/api/connection-api.js';

export interface EndpointAddress {
  readonly host: string;
  readonly port: number;
}

/** OPC UA's registered port, used when a URL names none. */
export const DEFAULT_OPCUA_PORT = 4840;

/** Host and port of an opc.tcp URL, or why it is not one (for a message that names the URL). */
export function parseEndpointUrl(url: string): { ok: true; address: EndpointAddress } | { ok: false; error: string } {
  const match = /^opc\.tcp:\/\/(?:\[([^\]]+)\]|([^\s/:[\]]+))(?::(\d+))?(?:\/.*)?$/.exec(url);
  if (!isOpcTcpUrl(url) || !match) return { ok: false, error: `malformed endpoint URL ${JSON.stringify(url)}: expected opc.tcp://host:port/path` };
  const port = match[3] === undefined ? DEFAULT_OPCUA_PORT : Number(match[3]);
  if (port < 1 || port > 65_535) return { ok: false, error: `malformed endpoint URL ${JSON.stringify(url)}: port ${port} is out of range` };
  return { ok: true, address: { host: match[1] ?? match[2] ?? '', port } };
}
