import { X509Certificate } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { extractFirstCertificateInChain, OPCUACertificateManager } from 'node-opcua';
import type { CertificateInfo, ServerCertificate } from '../../shared/api/connection-api.js';
import type { Log } from '../api/sample-source.js';
import { describeCertificate, identityProblem, validityProblem } from './describe-certificate.js';
import { ensureInstanceCertificate, ensurePkcs8PrivateKey } from './instance-certificate.js';

export const APPLICATION_NAME = 'Tidewatch';

export type CertificateCheck =
  | { readonly ok: true; readonly info: CertificateInfo }
  | { readonly ok: false; readonly untrusted: boolean; readonly info: CertificateInfo | null; readonly message: string };

/**
 * The app's one PKI folder (own/, trusted/, rejected/, issuers/: the layout
 * OPC UA tools share), shared by every connection: its instance certificate,
 * and the operator's trust decisions about server certificates.
 */
export class OpcuaPki {
  /** Thumbprint -> connections refused for that certificate, so the prompt can name the servers. */
  private readonly waiting = new Map<string, Set<string>>();

  private constructor(
    readonly manager: OPCUACertificateManager,
    readonly applicationUri: string,
    readonly certificateFile: string,
    private readonly now: () => number,
  ) {}

  /** Opens (and on first run creates) the PKI and the app's certificate, offline. */
  static async open(rootDir: string, log: Log, options: { hostname?: string; now?: () => number } = {}): Promise<OpcuaPki> {
    const hostname = options.hostname ?? os.hostname();
    const now = options.now ?? Date.now;
    const privateDir = path.join(rootDir, 'own', 'private');
    mkdirSync(privateDir, { recursive: true, mode: 0o700 });
    const keyAction = await ensurePkcs8PrivateKey(path.join(privateDir, 'private_key.pem'));
    if (keyAction !== 'kept') log('info', `PKI: ${keyAction} the private key in ${privateDir}`);
    const manager = new OPCUACertificateManager({ rootFolder: rootDir, automaticallyAcceptUnknownCertificate: false });
    await manager.initialize();
    const applicationUri = `urn:${hostname}:${APPLICATION_NAME}`;
    const certificateFile = path.join(rootDir, 'own', 'certs', 'client_certificate.pem');
    try {
      const certificateAction = await ensureInstanceCertificate(manager, certificateFile, { applicationName: APPLICATION_NAME, applicationUri, hostname }, now());
      if (certificateAction === 'created') log('info', `PKI: created the application certificate ${certificateFile} for ${applicationUri}`);
    } catch (error) {
      await manager.dispose();
      throw error;
    }
    return new OpcuaPki(manager, applicationUri, certificateFile, now);
  }

  get privateKeyFile(): string {
    return this.manager.privateKey;
  }

  /**
   * Whether a server's certificate may be used for a secure connection: valid
   * now, made for that server, and trusted. An unknown certificate lands in
   * rejected/ for the operator to decide on.
   */
  async check(chain: Buffer, expected: { applicationUri: string; host: string }): Promise<CertificateCheck> {
    let info: CertificateInfo;
    try {
      info = describeCertificate(extractFirstCertificateInChain(chain) ?? chain);
    } catch (error) {
      return { ok: false, untrusted: false, info: null, message: `the server's certificate cannot be read: ${error instanceof Error ? error.message : String(error)}` };
    }
    const validity = validityProblem(info, this.now());
    if (validity) return { ok: false, untrusted: false, info, message: `the server's certificate (${info.subject}) ${validity}` };
    const identity = identityProblem(info, expected);
    if (identity) return { ok: false, untrusted: false, info, message: `the server's certificate (${info.subject}) ${identity}` };
    const status = await this.manager.checkCertificate(chain);
    if (status.isGood()) return { ok: true, info };
    const untrusted = status.name === 'BadCertificateUntrusted';
    return {
      ok: false,
      untrusted,
      info,
      message: untrusted
        ? `the server's certificate is not trusted (${info.subject}, thumbprint ${info.thumbprint}): trust it to connect`
        : `the server's certificate was refused: ${status.name}`,
    };
  }

  /** Trusts it whatever it is: only for a project that explicitly asks (autoAcceptServerCertificate). */
  async trustUnseen(chain: Buffer): Promise<void> {
    await this.manager.trustCertificate(chain);
  }

  async list(): Promise<ServerCertificate[]> {
    const [rejected, trusted] = await Promise.all([readCertificates(this.manager.rejectedFolder), readCertificates(this.manager.trustedFolder)]);
    const entry = (status: ServerCertificate['status']) => (info: CertificateInfo): ServerCertificate => ({
      ...info,
      status,
      problem: validityProblem(info, this.now()),
      connectionIds: [...(this.waiting.get(info.thumbprint) ?? [])],
    });
    return [...rejected.map((c) => c.info).map(entry('rejected')), ...trusted.map((c) => c.info).map(entry('trusted'))];
  }

  async trust(thumbprint: string): Promise<void> {
    const found = (await readCertificates(this.manager.rejectedFolder)).find((c) => c.info.thumbprint === thumbprint);
    if (!found) throw new Error(`no rejected certificate with thumbprint ${thumbprint}`);
    await this.manager.trustCertificate(found.der);
  }

  async reject(thumbprint: string): Promise<void> {
    const all = [...(await readCertificates(this.manager.trustedFolder)), ...(await readCertificates(this.manager.rejectedFolder))];
    const found = all.find((c) => c.info.thumbprint === thumbprint);
    if (!found) throw new Error(`no certificate with thumbprint ${thumbprint}`);
    await this.manager.rejectCertificate(found.der);
  }

  /** A connection that was refused for this certificate; listed with it so the prompt can say which server it is. */
  noteWaiting(thumbprint: string, connectionId: string): void {
    this.forget(connectionId);
    const ids = this.waiting.get(thumbprint) ?? new Set<string>();
    ids.add(connectionId);
    this.waiting.set(thumbprint, ids);
  }

  forget(connectionId: string): void {
    for (const [thumbprint, ids] of this.waiting) {
      if (ids.delete(connectionId) && ids.size === 0) this.waiting.delete(thumbprint);
    }
  }

  async dispose(): Promise<void> {
    await this.manager.dispose();
  }
}

async function readCertificates(folder: string): Promise<{ der: Buffer; info: CertificateInfo }[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const read = await Promise.all(
    names
      .filter((name) => /\.(pem|der|crt|cer)$/i.test(name))
      .map(async (name) => {
        try {
          const der = new X509Certificate(await readFile(path.join(folder, name))).raw;
          return { der, info: describeCertificate(der) };
        } catch {
          return null; // a stray or damaged file is not a certificate to offer
        }
      }),
  );
  return read.filter((c) => c !== null);
}
