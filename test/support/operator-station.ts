import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AuditPage, AuditRecord } from '../../shared/api/audit-api.js';
import { ApiSocket } from './api-socket.js';
import { killDemoPlant, setUpAdministrator, startServe, type ServeProcess } from './serve-process.js';

/**
 * `npm run serve` on a project of the test's own, with the users the operator
 * tests act as, each on a socket of their own as browsers would be: the
 * administrator, the operator olga (areas demo/*) and the viewer vic.
 */
export interface OperatorStation {
  readonly serve: ServeProcess;
  readonly admin: ApiSocket;
  readonly olga: ApiSocket;
  /** A new socket logged in as vic; the caller closes it. */
  viewer(): Promise<ApiSocket>;
  /** The trail's records for exactly this target, newest first. */
  audit(target: string): Promise<AuditRecord[]>;
  /** SIGKILLs the demo plant this station's serve started, as a crashed server. */
  killPlant(): void;
  stop(): Promise<void>;
}

export async function startOperatorStation(name: string, project: unknown): Promise<OperatorStation> {
  const userData = mkdtempSync(path.join(os.tmpdir(), `tidewatch-${name}-`));
  mkdirSync(path.join(userData, 'projects'), { recursive: true });
  writeFileSync(path.join(userData, 'projects', 'demo-plant.tidewatch'), `${JSON.stringify(project, null, 2)}\n`);
  const serve = await startServe(['--user-data', userData]);
  const admin = await ApiSocket.open(serve.origin, serve.token);
  await setUpAdministrator(admin, { name: 'admin', displayName: 'Site admin', password: 'admin-pass-1' });
  await admin.call('saveUser', { name: 'olga', displayName: 'Olga', role: 'operator', areas: ['demo/*'], disabled: false, password: 'olga-pass-1' });
  await admin.call('saveUser', { name: 'vic', displayName: '', role: 'viewer', areas: ['*'], disabled: false, password: 'vic-pass-12' });
  const olga = await ApiSocket.open(serve.origin, serve.token);
  await olga.call('login', { name: 'olga', password: 'olga-pass-1' });
  return {
    serve,
    admin,
    olga,
    async viewer() {
      const vic = await ApiSocket.open(serve.origin, serve.token);
      await vic.call('login', { name: 'vic', password: 'vic-pass-12' });
      return vic;
    },
    audit: async (target) => (await admin.call<AuditPage>('queryAudit', { text: target, limit: 100 })).records.filter((r) => r.target === target),
    killPlant: () => killDemoPlant(serve),
    async stop() {
      admin.close();
      olga.close();
      await serve.stop();
      rmSync(userData, { recursive: true, force: true });
    },
  };
}
