import type { AddServerRequest, SecurityMode, SecurityPolicyName } from '../../../shared/api/connection-api.js';
import { isOpcTcpUrl } from '../../../shared/api/connection-api.js';

export type LoginKind = 'anonymous' | 'userName' | 'certificate';

export interface ServerForm {
  readonly name: string;
  readonly endpointUrl: string;
  readonly securityMode: SecurityMode | null;
  readonly securityPolicy: SecurityPolicyName | null;
  readonly login: LoginKind;
  readonly userName: string;
  readonly password: string;
  readonly certificateFile: string;
  readonly privateKeyFile: string;
}

export const EMPTY_FORM: ServerForm = {
  name: '',
  endpointUrl: 'opc.tcp://',
  securityMode: null,
  securityPolicy: null,
  login: 'anonymous',
  userName: '',
  password: '',
  certificateFile: '',
  privateKeyFile: '',
};

/** An id from the name: what a project file would use, unique among `taken`. */
export function serverId(name: string, taken: ReadonlySet<string>): string {
  const base = name.trim().replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 56) || 'server';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The request the dialog sends, or each problem with the field it belongs to. */
export function toAddServerRequest(form: ServerForm, takenIds: ReadonlySet<string>): { ok: true; request: AddServerRequest } | { ok: false; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  if (form.name.trim() === '') problems.name = 'Give the server a name';
  if (!isOpcTcpUrl(form.endpointUrl.trim())) problems.endpointUrl = 'Expected opc.tcp://host:port/path';
  if (form.securityMode === null || form.securityPolicy === null) problems.endpoint = 'Pick one of the server’s endpoints';
  if (form.login === 'userName' && form.userName.trim() === '') problems.userName = 'Enter the user name';
  if (form.login === 'userName' && form.password === '') problems.password = 'Enter the password';
  if (form.login === 'certificate' && form.certificateFile.trim() === '') problems.certificateFile = 'Enter the path of the user certificate';
  if (form.login === 'certificate' && form.privateKeyFile.trim() === '') problems.privateKeyFile = 'Enter the path of its private key';
  if (Object.keys(problems).length > 0 || form.securityMode === null || form.securityPolicy === null) return { ok: false, problems };
  const user =
    form.login === 'userName'
      ? { kind: 'userName' as const, userName: form.userName.trim() }
      : form.login === 'certificate'
        ? { kind: 'certificate' as const, certificateFile: form.certificateFile.trim(), privateKeyFile: form.privateKeyFile.trim() }
        : { kind: 'anonymous' as const };
  return {
    ok: true,
    request: {
      settings: {
        id: serverId(form.name, takenIds),
        name: form.name.trim(),
        endpointUrl: form.endpointUrl.trim(),
        securityMode: form.securityMode,
        securityPolicy: form.securityPolicy,
        user,
      },
      ...(form.login === 'userName' && { password: form.password }),
    },
  };
}
