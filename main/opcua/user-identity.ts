import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { UserTokenType, type UserIdentityInfo } from 'node-opcua';
import type { UserTokenKind } from '../../shared/api/connection-api.js';
import { assertNever } from '../../shared/assert-never.js';
import type { ResolveSecret, UserIdentity } from './server-settings.js';

export function userTokenKind(user: UserIdentity): UserTokenKind {
  switch (user.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'userName':
      return 'userName';
    case 'certificate':
      return 'certificate';
    default:
      return assertNever(user);
  }
}

/** What node-opcua activates the session with; files and secrets are read now, each failure naming what it was. */
export async function toUserIdentityInfo(user: UserIdentity, resolveSecret: ResolveSecret): Promise<UserIdentityInfo> {
  switch (user.kind) {
    case 'anonymous':
      return { type: UserTokenType.Anonymous };
    case 'userName': {
      let password: string;
      try {
        password = await resolveSecret(user.passwordSecret);
      } catch (error) {
        throw new Error(`the password of user ${JSON.stringify(user.userName)} cannot be unsealed: ${messageOf(error)}`, { cause: error });
      }
      return { type: UserTokenType.UserName, userName: user.userName, password };
    }
    case 'certificate': {
      const certificate = await readOr(user.certificateFile, 'user certificate');
      const key = await readOr(user.privateKeyFile, 'user private key');
      let x509: X509Certificate;
      try {
        x509 = new X509Certificate(certificate);
      } catch (error) {
        throw new Error(`user certificate ${user.certificateFile} is not a certificate: ${messageOf(error)}`, { cause: error });
      }
      let privateKey: string;
      try {
        const keyObject = createPrivateKey(key);
        if (!x509.checkPrivateKey(keyObject)) throw new Error('it does not belong to the certificate');
        privateKey = keyObject.export({ type: 'pkcs8', format: 'pem' }).toString();
      } catch (error) {
        throw new Error(`user private key ${user.privateKeyFile} cannot be used: ${messageOf(error)}`, { cause: error });
      }
      return { type: UserTokenType.Certificate, certificateData: x509.raw, privateKey };
    }
    default:
      return assertNever(user);
  }
}

async function readOr(file: string, what: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new Error(`cannot read the ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? messageOf(error)}`, { cause: error });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
