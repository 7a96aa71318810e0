import {
  AccessLevelFlag, DataType, makeEUInformation, type DataValue, type EUInformation, type Namespace, type StatusCode,
  type UAObject,
} from 'node-opcua';
import { plantVariables, type PlantVariable } from './plant-catalogue.js';
import { sampleIntervalMs } from './plant-feed.js';

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

/** Objects/DemoPlant, one object per equipment (Tank1, LIC101, ...), one variable per tag; returns the equipment objects by name. */
export function addPlantNodes(namespace: Namespace, objectsFolder: UAObject, source: PlantNodeSource): ReadonlyMap<string, UAObject> {
  const plantFolder = namespace.addFolder(objectsFolder, { browseName: 'DemoPlant', nodeId: 's=DemoPlant' });
  const equipment = new Map<string, UAObject>();
  for (const variable of plantVariables) {
    const [group = '', field = ''] = variable.name.split('.');
    let parent = equipment.get(group);
    if (parent === undefined) {
      parent = namespace.addObject({ browseName: group, nodeId: `s=DemoPlant.${group}`, organizedBy: plantFolder });
      equipment.set(group, parent);
    }
    addVariable(namespace, parent, field, variable, source);
  }
  return equipment;
}

function addVariable(namespace: Namespace, parent: UAObject, field: string, variable: PlantVariable, source: PlantNodeSource): void {
  const access = variable.writable ? AccessLevelFlag.CurrentRead | AccessLevelFlag.CurrentWrite : AccessLevelFlag.CurrentRead;
  const common = {
    componentOf: parent,
    browseName: field,
    nodeId: `s=${variable.name}`,
    description: variable.description,
    dataType: DataType[variable.dataType],
    accessLevel: access,
    userAccessLevel: access,
    // Sampling faster than the model publishes would only repeat values.
    minimumSamplingInterval: sampleIntervalMs(variable),
    value: {
      timestamped_get: () => source.latest(variable),
      // node-opcua answers BadNotWritable for a variable bound without a setter.
      ...(variable.writable && {
        timestamped_set: (dataValue: DataValue, callback: (error: Error | null, status: StatusCode) => void) =>
          callback(null, source.write(variable, dataValue)),
      }),
    },
  };
  if (variable.dataType === 'Boolean') {
    namespace.addVariable(common);
  } else {
    namespace.addAnalogDataItem({ ...common, engineeringUnitsRange: variable.euRange, engineeringUnits: unitOf(variable) });
  }
}

function unitOf(variable: PlantVariable): EUInformation {
  const unit = units[variable.unit];
  if (unit === undefined) {
    throw new Error(`no UNECE code for unit "${variable.unit}" of ${variable.name}`);
  }
  return makeEUInformation(unit[0], variable.unit, unit[1]);
}
