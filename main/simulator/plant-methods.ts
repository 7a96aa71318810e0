import { DataType, StatusCodes, Variant, type Namespace, type UAObject, type VariantLike } from 'node-opcua';
import { plantVariables, type PlantVariable } from './plant-catalogue.js';
import type { PlantFeed } from './plant-feed.js';

export const MAX_BATCH_SIZE = 10_000;

/**
 * Methods an operator commands (the project's `commands`): each pump's
 * ResetTrip, which clears a dry-run trip as writing its Reset bit does and
 * says whether it was tripped; each pump's SimulateTrip, a training fault that
 * trips it as a dry run would, so a crew can rehearse the alarm and the reset
 * without draining a tank for minutes; and Line.StartBatch(BatchSize), which
 * answers a batch number or refuses a size outside 1..10,000 with BadOutOfRange.
 */
export function addPlantMethods(namespace: Namespace, equipment: ReadonlyMap<string, UAObject>, feed: PlantFeed): void {
  for (const pump of ['Pump1', 'Pump2'] as const) {
    const method = namespace.addMethod(required(equipment, pump), {
      nodeId: `s=${pump}.ResetTrip`,
      browseName: 'ResetTrip',
      description: `Clears ${pump}'s dry-run trip (as writing ${pump}.Reset true does)`,
      inputArguments: [],
      outputArguments: [{ name: 'WasTripped', dataType: DataType.Boolean, description: 'The pump was tripped when the reset came' }],
    });
    // node-opcua tells a promise-returning method from a callback one by its two parameters.
    method.bindMethod(async (_inputArguments: VariantLike[], _context: unknown) => {
      const wasTripped = feed.latest(variable(`${pump}.Fault`)).value.value === true;
      const refusal = feed.write(variable(`${pump}.Reset`), true);
      if (refusal !== undefined) return { statusCode: StatusCodes.BadInvalidState };
      return { statusCode: StatusCodes.Good, outputArguments: [new Variant({ dataType: DataType.Boolean, value: wasTripped })] };
    });
    const simulateTrip = namespace.addMethod(required(equipment, pump), {
      nodeId: `s=${pump}.SimulateTrip`,
      browseName: 'SimulateTrip',
      description: `Training: trips ${pump} as a dry run would (fault latched, run command dropped)`,
      inputArguments: [],
      outputArguments: [],
    });
    simulateTrip.bindMethod(async (_inputArguments: VariantLike[], _context: unknown) => {
      feed.trip(pump);
      return { statusCode: StatusCodes.Good };
    });
  }
  let lastBatch = 0;
  const startBatch = namespace.addMethod(required(equipment, 'Line'), {
    nodeId: 's=Line.StartBatch',
    browseName: 'StartBatch',
    description: 'Starts a filling batch of BatchSize containers and answers its number',
    inputArguments: [{ name: 'BatchSize', dataType: DataType.UInt32, description: `Containers to fill, 1 to ${MAX_BATCH_SIZE}` }],
    outputArguments: [{ name: 'BatchId', dataType: DataType.UInt32, description: 'The new batch number' }],
  });
  startBatch.bindMethod(async (inputArguments: VariantLike[], _context: unknown) => {
    const size = Number(inputArguments[0]?.value);
    if (!Number.isInteger(size) || size < 1 || size > MAX_BATCH_SIZE) {
      return { statusCode: StatusCodes.BadInvalidArgument, inputArgumentResults: [StatusCodes.BadOutOfRange] };
    }
    lastBatch += 1;
    return { statusCode: StatusCodes.Good, inputArgumentResults: [StatusCodes.Good], outputArguments: [new Variant({ dataType: DataType.UInt32, value: lastBatch })] };
  });
}

function variable(name: string): PlantVariable {
  const found = plantVariables.find((v) => v.name === name);
  if (found === undefined) throw new Error(`${name} is not a demo plant variable`);
  return found;
}

function required(equipment: ReadonlyMap<string, UAObject>, name: string): UAObject {
  const object = equipment.get(name);
  if (object === undefined) throw new Error(`the demo plant has no ${name} object for its methods`);
  return object;
}
