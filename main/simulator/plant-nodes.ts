import {
  AccessLevelFlag, DataType, makeEUInformation, type DataValue, type EUInformation, type Namespace, type StatusCode,
  type UAObject, type UAVariable,
} from 'node-opcua';
import { plantVariables, type PlantVariable } from './plant-catalogue.js';
import { isPushed, sampleIntervalMs } from './plant-feed.js';

/** Where the nodes get their values and send their writes: the plant feed, through plant-server.ts. */
export interface PlantNodeSource {
  /** The latest sample, its source timestamp the model time it was taken at. */
  latest(variable: PlantVariable): DataValue;
  write(variable: PlantVariable, dataValue: DataValue): StatusCode;
}

/**
 * UNECE Recommendation 20 codes and names: OPC UA EngineeringUnits carry the code as their
 * unitId so that a client can recognise a unit without parsing its display name.
 */
const units: Readonly<Record<string, readonly [code: string, name: string]>> = {
  '%': ['P1', 'percent'],
  'm3/h': ['MQH', 'cubic metre per hour'],
  m3: ['MTQ', 'cubic metre'],
  degC: ['CEL', 'degree Celsius'],
  rpm: ['RPM', 'revolutions per minute'],
  'mm/s': ['C16', 'millimetre per second'],
  bar: ['BAR', 'bar'],
  A: ['AMP', 'ampere'],
  kW: ['KWT', 'kilowatt'],
  h: ['HUR', 'hour'],
  pcs: ['H87', 'piece'],
  'pcs/h': ['H10', 'reciprocal hour'],
};

export interface PlantNodes {
  /** The equipment objects by name (Tank1, LIC101, ...). */
  readonly equipment: ReadonlyMap<string, UAObject>;
  /** Hands a new sample of a pushed variable (see isPushed) to node-opcua; the other variables are read when sampled. */
  push(variable: PlantVariable, dataValue: DataValue): void;
}

/** Objects/DemoPlant, one object per equipment (Tank1, LIC101, ...), one variable per tag. */
export function addPlantNodes(namespace: Namespace, objectsFolder: UAObject, source: PlantNodeSource): PlantNodes {
  const plantFolder = namespace.addFolder(objectsFolder, { browseName: 'DemoPlant', nodeId: 's=DemoPlant' });
  const equipment = new Map<string, UAObject>();
  const pushed = new Map<string, UAVariable>();
  const push = (variable: PlantVariable, dataValue: DataValue): void => {
    pushed.get(variable.name)?.setValueFromSource(dataValue.value, dataValue.statusCode, dataValue.sourceTimestamp ?? undefined);
  };
  for (const variable of plantVariables) {
    const [group = '', field = ''] = variable.name.split('.');
    let parent = equipment.get(group);
    if (parent === undefined) {
      parent = namespace.addObject({ browseName: group, nodeId: `s=DemoPlant.${group}`, organizedBy: plantFolder });
      equipment.set(group, parent);
    }
    const node = addVariable(namespace, parent, field, variable, source);
    if (isPushed(variable)) {
      pushed.set(variable.name, node);
      push(variable, source.latest(variable));
    }
  }
  return { equipment, push };
}

function addVariable(namespace: Namespace, parent: UAObject, field: string, variable: PlantVariable, source: PlantNodeSource): UAVariable {
  const access = variable.writable ? AccessLevelFlag.CurrentRead | AccessLevelFlag.CurrentWrite : AccessLevelFlag.CurrentRead;
  const common = {
    componentOf: parent,
    browseName: field,
    nodeId: `s=${variable.name}`,
    description: variable.description,
    dataType: DataType[variable.dataType],
    accessLevel: access,
    userAccessLevel: access,
    // 0 lets a client that asks for samplingInterval 0 have every pushed sample (node-opcua then
    // serves the item from the variable's value changes, without a sampling timer); sampling any
    // variable faster than the model publishes would only repeat values.
    minimumSamplingInterval: isPushed(variable) ? 0 : sampleIntervalMs(variable),
    // A pushed variable holds its value itself; node-opcua would not notice a new sample behind a getter until it read it.
    ...(!isPushed(variable) && {
      value: {
        timestamped_get: () => source.latest(variable),
        // node-opcua answers BadNotWritable for a variable bound without a setter.
        ...(variable.writable && {
          timestamped_set: (dataValue: DataValue, callback: (error: Error | null, status: StatusCode) => void) =>
            callback(null, source.write(variable, dataValue)),
        }),
      },
    }),
  };
  if (variable.dataType === 'Boolean') {
    return namespace.addVariable(common);
  }
  return namespace.addAnalogDataItem({ ...common, engineeringUnitsRange: variable.euRange, engineeringUnits: unitOf(variable) });
}

function unitOf(variable: PlantVariable): EUInformation {
  const unit = units[variable.unit];
  if (unit === undefined) {
    throw new Error(`no UNECE code for unit "${variable.unit}" of ${variable.name}`);
  }
  return makeEUInformation(unit[0], variable.unit, unit[1]);
}
