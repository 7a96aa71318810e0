import type { AuditEntry } from '../../shared/api/audit-api.js';
import type { OpenWindowRequest, TrendApi, TrendLayout } from '../../shared/api/trend-api.js';
import { ApiError } from '../../shared/contract.js';
import type { SessionActor } from '../api/tidewatch-core.js';
import type { ProjectStore } from '../project/project-store.js';

export interface TrendLayoutDeps {
  readonly store: () => ProjectStore | null;
  readonly audit: (entry: AuditEntry) => void;
  /** The desktop shell opens a window; the headless shell has none to open. */
  readonly openWindow: (request: OpenWindowRequest) => Promise<void>;
}

/**
 * Trend layouts live in the project file, so a layout saved at one station is
 * there for every station that runs the project, and under version control.
 * Saving goes through the ProjectStore: the whole project is validated and
 * written atomically, and the change is audited like any other project edit.
 */
export function trendLayoutApi(deps: TrendLayoutDeps, actor: SessionActor): TrendApi {
  const running = (): ProjectStore => {
    const store = deps.store();
    if (!store) throw new ApiError('no project is running: fix the project file first');
    return store;
  };
  const record = (target: string, oldValue: TrendLayout | undefined, newValue: TrendLayout | undefined) => {
    const { user, station } = actor();
    deps.audit({
      action: 'project.change',
      user,
      station,
      target: `trend layout "${target}"`,
      oldValue: oldValue ? JSON.stringify(oldValue) : null,
      newValue: newValue ? JSON.stringify(newValue) : null,
      result: 'ok',
      detail: newValue ? (oldValue ? 'trend layout replaced' : 'trend layout added') : 'trend layout deleted',
    });
  };
  return {
    listTrendLayouts: async () => deps.store()?.project.trends ?? [],
    async saveTrendLayout(layout) {
      const store = running();
      const saved = { ...layout, pens: [...layout.pens], axes: [...layout.axes] };
      const previous = store.project.trends.find((t) => t.name === layout.name);
      await store.update((project) => ({
        ...project,
        trends: previous ? project.trends.map((t) => (t.name === layout.name ? saved : t)) : [...project.trends, saved],
      }));
      record(layout.name, previous, layout);
    },
    async deleteTrendLayout({ name }) {
      const store = running();
      const previous = store.project.trends.find((t) => t.name === name);
      if (!previous) throw new ApiError(`deleteTrendLayout: no trend layout named "${name}"`);
      await store.update((project) => ({ ...project, trends: project.trends.filter((t) => t.name !== name) }));
      record(name, previous, undefined);
    },
    openWindow: (request) => deps.openWindow(request),
  };
}
