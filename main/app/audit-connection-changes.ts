import type { AuditEntry } from '../../shared/api/audit-api.js';
import type { ConnectionApi } from '../../shared/api/connection-api.js';
import type { Log } from '../api/sample-source.js';

export interface ConnectionAuditOptions {
  readonly record: (entry: AuditEntry) => void;
  /** The calling session's user ("" before a login) and station. */
  readonly actor: () => { readonly user: string; readonly station: string };
  readonly log: Log;
}

type Changing = 'addServer' | 'removeServer' | 'addTags' | 'removeTags' | 'trustServerCertificate' | 'rejectServerCertificate';

/** What each project-changing method is recorded as: its target and what it changes to. */
const DESCRIBE: { readonly [M in Changing]: (params: Parameters<ConnectionApi[M]>[0]) => { target: string; newValue: string | null; detail: string } } = {
  addServer: ({ settings }) => ({ target: `server "${settings.id}"`, newValue: settings.endpointUrl, detail: 'server added' }),
  removeServer: ({ connectionId }) => ({ target: `server "${connectionId}"`, newValue: null, detail: 'server removed' }),
  addTags: ({ connectionId, tags }) => ({ target: `server "${connectionId}"`, newValue: tags.map((t) => t.nodeId).join(', '), detail: `${tags.length} tag(s) added` }),
  removeTags: ({ tagIds }) => ({ target: tagIds.length === 1 ? tagIds[0]! : `${tagIds.length} tags`, newValue: null, detail: `tag(s) removed: ${tagIds.join(', ')}` }),
  trustServerCertificate: ({ thumbprint }) => ({ target: `certificate ${thumbprint}`, newValue: 'trusted', detail: 'server certificate trusted' }),
  rejectServerCertificate: ({ thumbprint }) => ({ target: `certificate ${thumbprint}`, newValue: 'rejected', detail: 'server certificate rejected' }),
};

/**
 * The connection methods that change the project or the station's trust, each also
 * written to the audit trail with who asked and what came of it (done or refused,
 * in main's words). A record that cannot be written is logged: the change stands.
 */
export function auditConnectionChanges(api: ConnectionApi, options: ConnectionAuditOptions): ConnectionApi {
  const audited = <M extends Changing>(method: M) =>
    (async (params: Parameters<ConnectionApi[M]>[0]) => {
      const described = DESCRIBE[method](params);
      const record = (result: string) => {
        const { user, station } = options.actor();
        try {
          options.record({ action: 'project.change', user, station, target: described.target, oldValue: null, newValue: described.newValue, result, detail: described.detail });
        } catch (error) {
          options.log('error', `audit trail: ${method} by ${user || 'nobody'} not recorded: ${error instanceof Error ? error.message : String(error)}`);
        }
      };
      try {
        const answer = await (api[method] as (p: typeof params) => Promise<unknown>)(params);
        record('ok');
        return answer;
      } catch (error) {
        record(`refused: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      }
    }) as ConnectionApi[M];
  return {
    ...api,
    addServer: audited('addServer'),
    removeServer: audited('removeServer'),
    addTags: audited('addTags'),
    removeTags: audited('removeTags'),
    trustServerCertificate: audited('trustServerCertificate'),
    rejectServerCertificate: audited('rejectServerCertificate'),
  };
}
