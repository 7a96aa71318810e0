import {
  ConditionInfo, DataType, StatusCodes, type AddressSpace, type DataValue, type Namespace, type UAAlarmConditionEx, type UAObject, type UAVariable,
} from 'node-opcua';
import { demoNodeId } from './plant-catalogue.js';

/**
 * Real OPC UA Alarms & Conditions in the demo plant, so the client's A&C path
 * runs end to end: areas under Objects/Areas (event notifiers of the Server
 * object), exclusive and non-exclusive limit alarms on the tank levels and the
 * heater temperature, and off-normal alarms on the pump trips. Every alarm can
 * be acknowledged, confirmed, commented and shelved (timed, one-shot, at most
 * MAX_TIME_SHELVED_MS).
 */
export interface PlantAlarms {
  /** Re-evaluates the alarms whose input changed; call after each model step. */
  update(): void;
}

export const MAX_TIME_SHELVED_MS = 8 * 3_600_000;

interface LimitSpec {
  readonly kind: 'exclusive' | 'nonExclusive';
  readonly input: string;
  readonly area: string;
  readonly limits: { readonly highHigh: number; readonly high: number; readonly low: number; readonly lowLow: number };
  readonly unit: string;
}

/** Tank levels in %, the heater outlet in degC: near the operating point, so that a setpoint change trips them. */
export const LIMIT_ALARMS: readonly LimitSpec[] = [
  { kind: 'exclusive', input: 'Tank1.Level', area: 'Tanks', limits: { highHigh: 95, high: 85, low: 15, lowLow: 5 }, unit: '%' },
  { kind: 'nonExclusive', input: 'Tank2.Level', area: 'Tanks', limits: { highHigh: 95, high: 85, low: 15, lowLow: 5 }, unit: '%' },
  { kind: 'exclusive', input: 'TIC101.PV', area: 'Heating', limits: { highHigh: 85, high: 68, low: 40, lowLow: 30 }, unit: 'degC' },
];

export const OFF_NORMAL_ALARMS: readonly { readonly input: string; readonly area: string }[] = [
  { input: 'Pump1.Fault', area: 'Pumps' },
  { input: 'Pump2.Fault', area: 'Pumps' },
];

/** Severities (1..1000) a client maps to its priorities: HH/LL 900, H/L 700, a pump trip 700. */
const SEVERITY = { extreme: 900, limit: 700, trip: 700 } as const;
const OPTIONALS = ['ConfirmedState', 'Confirm', 'ShelvingState', 'SuppressedState'];

type Alarm = { readonly input: UAVariable; readonly update: (dataValue: DataValue) => void; last: DataValue | null };

export function addPlantAlarms(addressSpace: AddressSpace, namespace: Namespace): PlantAlarms {
  addressSpace.installAlarmsAndConditionsService();
  const server = addressSpace.rootFolder.objects.server;
  const areasFolder = namespace.addFolder(addressSpace.rootFolder.objects, { browseName: 'Areas', nodeId: 's=Areas' });
  const areas = new Map<string, UAObject>();
  const areaOf = (name: string): UAObject => {
    let area = areas.get(name);
    if (area === undefined) {
      area = namespace.addObject({ browseName: name, nodeId: `s=Areas.${name}`, organizedBy: areasFolder, eventNotifier: 1, notifierOf: server });
      areas.set(name, area);
    }
    return area;
  };
  const variable = (name: string): UAVariable => {
    const node = addressSpace.findNode(demoNodeId(name));
    if (node === null) throw new Error(`demo plant alarms: no variable ${name}`);
    return node as UAVariable;
  };
  const sourceIn = (area: UAObject, input: UAVariable) => {
    // A condition source must be an event source of an area: HasEventSource, from the area to the variable.
    if (input.getEventSourceOfs().length === 0) area.addReference({ referenceType: 'HasEventSource', nodeId: input.nodeId });
  };

  const alarms: Alarm[] = [];
  for (const spec of LIMIT_ALARMS) {
    const area = areaOf(spec.area);
    const input = variable(spec.input);
    sourceIn(area, input);
    const options = {
      browseName: `${spec.input.replace('.', '')}Alarm`,
      nodeId: `s=Alarms.${spec.input}`,
      componentOf: area,
      conditionSource: input,
      conditionName: 'Limits',
      inputNode: input,
      highHighLimit: spec.limits.highHigh,
      highLimit: spec.limits.high,
      lowLimit: spec.limits.low,
      lowLowLimit: spec.limits.lowLow,
      maxTimeShelved: MAX_TIME_SHELVED_MS,
      optionals: [...OPTIONALS],
    };
    const alarm = spec.kind === 'exclusive'
      ? namespace.instantiateExclusiveLimitAlarm('ExclusiveLimitAlarmType', options)
      : namespace.instantiateNonExclusiveLimitAlarm('NonExclusiveLimitAlarmType', options);
    alarm.calculateConditionInfo = (state, isActive, value) => {
      const extreme = state !== null && /HighHigh|LowLow|"highHigh":true|"lowLow":true/.test(state);
      const word = state === null ? '' : limitWord(state);
      return new ConditionInfo({
        message: isActive ? `${spec.input} ${word}: ${Number(value).toFixed(1)} ${spec.unit}` : `${spec.input} back to normal`,
        severity: isActive ? (extreme ? SEVERITY.extreme : SEVERITY.limit) : 1,
        quality: StatusCodes.Good,
        retain: true,
      });
    };
    nameSource(alarm, spec.input);
    alarms.push({ input, update: () => alarm.updateState(), last: null });
  }

  for (const spec of OFF_NORMAL_ALARMS) {
    const area = areaOf(spec.area);
    const input = variable(spec.input);
    sourceIn(area, input);
    const normalState = namespace.addVariable({
      browseName: `${spec.input.replace('.', '')}Normal`,
      nodeId: `s=Alarms.${spec.input}.NormalState`,
      componentOf: area,
      dataType: 'Boolean',
      value: { dataType: DataType.Boolean, value: false },
    });
    const alarm = namespace.instantiateOffNormalAlarm({
      browseName: `${spec.input.replace('.', '')}Alarm`,
      nodeId: `s=Alarms.${spec.input}`,
      componentOf: area,
      conditionSource: input,
      conditionName: 'Trip',
      inputNode: input,
      normalState,
      maxTimeShelved: MAX_TIME_SHELVED_MS,
      optionals: [...OPTIONALS],
    });
    alarm.calculateConditionInfo = (_state, isActive) =>
      new ConditionInfo({
        message: isActive ? `${spec.input.split('.')[0]} tripped on dry run: reset it once the suction tank has refilled` : `${spec.input} reset`,
        severity: isActive ? SEVERITY.trip : 1,
        quality: StatusCodes.Good,
        retain: true,
      });
    nameSource(alarm, spec.input);
    alarms.push({ input, update: (dataValue) => alarm.onInputDataValueChange(dataValue), last: null });
  }

  return {
    update() {
      for (const alarm of alarms) {
        const dataValue = alarm.input.readValue();
        // The feed keeps the same DataValue object until the value changes: a cheap test for "changed".
        if (dataValue === alarm.last) continue;
        alarm.last = dataValue;
        alarm.update(dataValue);
      }
    },
  };
}

/**
 * SourceName is the source's display name ("PV"): the tag name says which PV.
 * The shelving state machine starts with no state at all, and TimedShelve
 * refuses anything but Unshelved: start it there, and report its changes.
 */
function nameSource(alarm: UAAlarmConditionEx, name: string): void {
  alarm.sourceName.setValueFromSource({ dataType: DataType.String, value: name });
  alarm.shelvingState?.setState('Unshelved');
  // node-opcua changes the shelving state without telling anyone: send the condition, as Part 9 expects.
  alarm.shelvingState?.currentState.on('value_changed', () => alarm.raiseConditionEvent(alarm.currentBranch(), true));
}

function limitWord(state: string): string {
  if (/HighHigh|"highHigh":true/.test(state)) return 'high high';
  if (/High|"high":true/.test(state)) return 'high';
  if (/LowLow|"lowLow":true/.test(state)) return 'low low';
  return 'low';
}
