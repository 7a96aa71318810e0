import type { AlarmPriority } from '../../shared/api/alarm-api.js';
import { LIMIT_LEVELS, type AlarmDefinition, type LimitLevel } from './alarm-definition.js';
import type { AlarmBehaviour } from './alarm-state-machine.js';

export type LocalAlarmKind = LimitLevel | 'DEV' | 'ROC' | 'OFFNORMAL' | 'MISMATCH';

export interface SuppressionRule {
  readonly tag: string;
  readonly op: '==' | '!=' | '<' | '<=' | '>' | '>=';
  /** Booleans as 1 / 0, as samples carry them. */
  readonly value: number;
}

/** One alarm as the engine evaluates it and the summary shows it. */
export interface LocalAlarm {
  /** "<definition id>.<level>" for limits, the definition id otherwise. */
  readonly id: string;
  readonly kind: LocalAlarmKind;
  readonly tag: string;
  /** The setpoint (DEV) or the command (MISMATCH). */
  readonly otherTag: string | null;
  /** The limit (HH..LL, DEV), the rate per second (ROC), the normal value (OFFNORMAL). */
  readonly limit: number;
  readonly direction: 'rising' | 'falling' | 'both';
  readonly deadband: number;
  readonly onDelayMs: number;
  readonly offDelayMs: number;
  readonly area: string;
  readonly priority: AlarmPriority;
  readonly message: string;
  readonly guidance: string;
  readonly behaviour: AlarmBehaviour;
  readonly maxShelveMs: number;
  readonly suppressWhen: readonly SuppressionRule[];
  readonly inService: boolean;
}

const LEVEL_WORDS: Record<LimitLevel, string> = { HH: 'high high', H: 'high', L: 'low', LL: 'low low' };
const DEFAULT_LEVEL_PRIORITY: Record<LimitLevel, AlarmPriority> = { HH: 'critical', H: 'high', L: 'high', LL: 'critical' };

/** Definitions (as parsed from the project) to the flat list of alarms they describe. */
export function expandDefinitions(definitions: readonly AlarmDefinition[]): LocalAlarm[] {
  return definitions.flatMap((def): LocalAlarm[] => {
    const base = {
      tag: def.tag,
      otherTag: null,
      direction: 'both' as const,
      deadband: def.deadband,
      onDelayMs: def.onDelayMs,
      offDelayMs: def.offDelayMs,
      area: def.area,
      priority: def.priority ?? 'medium',
      guidance: def.guidance,
      behaviour: { latching: def.latching, confirm: def.confirm },
      maxShelveMs: def.maxShelveMs,
      suppressWhen: def.suppressWhen.map((rule) => ({ ...rule, value: Number(rule.value) })),
      inService: def.inService,
    };
    const name = shortName(def.tag);
    switch (def.type) {
      case 'limit':
        return LIMIT_LEVELS.flatMap((level) => {
          const spec = def.limits[level];
          if (spec === undefined) return [];
          return [{
            ...base,
            id: `${def.id}.${level}`,
            kind: level,
            limit: spec.value,
            priority: spec.priority ?? def.priority ?? DEFAULT_LEVEL_PRIORITY[level],
            message: spec.message ?? (def.message || `${name} ${LEVEL_WORDS[level]} (limit ${spec.value})`),
            guidance: spec.guidance ?? def.guidance,
          }];
        });
      case 'deviation':
        return [{ ...base, id: def.id, kind: 'DEV', otherTag: def.setpointTag, limit: def.limit, message: def.message || `${name} deviates from ${shortName(def.setpointTag)} by ${def.limit} or more` }];
      case 'rateOfChange':
        return [{ ...base, id: def.id, kind: 'ROC', limit: def.limit, direction: def.direction, message: def.message || `${name} changes faster than ${def.limit}/s` }];
      case 'offNormal':
        return [{ ...base, id: def.id, kind: 'OFFNORMAL', limit: Number(def.normal), message: def.message || `${name} is not ${String(def.normal)}` }];
      case 'mismatch':
        return [{ ...base, id: def.id, kind: 'MISMATCH', otherTag: def.commandTag, limit: Number.NaN, message: def.message || `${name} does not follow ${shortName(def.commandTag)}` }];
    }
  });
}

function shortName(tagId: string): string {
  return tagId.slice(tagId.indexOf('/') + 1);
}
