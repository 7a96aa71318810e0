import { DataType, resolveNodeId, type Argument, type ClientSession } from 'node-opcua';
import type { BoundArgument, MethodArgument } from '../auth/bind-command-arguments.js';
import type { MethodArguments, MethodCallResult } from '../auth/command-host.js';
import { StatusCode } from '../../shared/status-code.js';
import { coerceForWrite } from './coerce-for-write.js';
import { variantText } from './variant-text.js';

/** The method's InputArguments and OutputArguments properties, as the server declares them now. */
export async function readMethodArguments(session: ClientSession, methodId: string): Promise<MethodArguments> {
  const definition = await session.getArgumentDefinition(resolveNodeId(methodId));
  return { inputs: definition.inputArguments.map(describeArgument), outputs: definition.outputArguments.map(describeArgument) };
}

/**
 * Calls the method with each value as its declared built-in type (a Double
 * for a UInt32 argument is refused by servers). A value that does not fit
 * its type is never sent: the answer is BadTypeMismatch from here.
 */
export async function callMethod(session: ClientSession, objectId: string, methodId: string, args: readonly BoundArgument[]): Promise<MethodCallResult> {
  const inputArguments: { dataType: DataType; value: unknown }[] = [];
  for (const argument of args) {
    const dataType = DataType[argument.dataType as keyof typeof DataType] as DataType | undefined;
    const value = dataType === DataType.String ? (typeof argument.value === 'string' ? argument.value : undefined) : dataType === undefined || typeof argument.value === 'string' ? undefined : coerceForWrite(dataType, argument.value);
    if (dataType === undefined || value === undefined) return { status: StatusCode.BadTypeMismatch, inputArgumentResults: [], outputs: [] };
    inputArguments.push({ dataType, value });
  }
  const result = await session.call({ objectId: resolveNodeId(objectId), methodId: resolveNodeId(methodId), inputArguments });
  return {
    status: result.statusCode.value >>> 0,
    inputArgumentResults: (result.inputArgumentResults ?? []).map((status) => status.value >>> 0),
    outputs: (result.outputArguments ?? []).map((variant) => variantText(variant)),
  };
}

/** A scalar of a namespace-0 built-in type by its name; anything else by its NodeId, which the form cannot send. */
function describeArgument(argument: Argument): MethodArgument {
  const { dataType } = argument;
  const builtIn = dataType.namespace === 0 && typeof dataType.value === 'number' && dataType.value <= 25 ? DataType[dataType.value] : undefined;
  const name = builtIn ?? dataType.toString();
  return { name: argument.name ?? '', dataType: argument.valueRank === -1 || argument.valueRank === undefined ? name : `${name}[]` };
}
