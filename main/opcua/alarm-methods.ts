import {
  acknowledgeCondition, callConditionRefresh, confirmCondition, DataType, LocalizedText, makeBrowsePath, MethodIds, resolveNodeId,
  type ClientSession, type NodeId, type StatusCode,
} from 'node-opcua';
import type { ConditionTarget, MethodOutcome } from '../alarms/condition-source.js';

/**
 * The condition methods of OPC UA Part 9, called through the condition
 * instance: Acknowledge / Confirm / AddComment on the condition, TimedShelve /
 * OneShotShelve / Unshelve on its ShelvingState. Where a server does not
 * expose the instance's method nodes, the type's method is called with the
 * instance as object, as the specification allows. The answer is the server's
 * StatusCode, untouched.
 */
export function conditionMethods(session: ClientSession) {
  const eventId = (target: ConditionTarget) => Buffer.from(target.eventId ?? '', 'hex');
  const outcome = (status: StatusCode): MethodOutcome => ({ status: status.value >>> 0, statusText: status.name });

  /** The NodeId a relative path leads to from the condition, or null. */
  const child = async (conditionId: string, path: string): Promise<NodeId | null> => {
    const result = await session.translateBrowsePath(makeBrowsePath(conditionId, path));
    return result.statusCode.isGood() ? (result.targets?.[0]?.targetId ?? null) : null;
  };

  const call = async (objectId: NodeId | string, methodId: NodeId, inputArguments: { dataType: DataType; value: unknown }[]): Promise<MethodOutcome> => {
    const result = await session.call({ objectId: resolveNodeId(objectId), methodId, inputArguments });
    return outcome(result.statusCode);
  };

  const shelving = async (target: ConditionTarget, method: 'TimedShelve' | 'OneShotShelve' | 'Unshelve', args: { dataType: DataType; value: unknown }[]) => {
    const machine = await child(target.conditionId, '.ShelvingState');
    if (machine === null) return { status: 0x803d0000, statusText: 'BadNotSupported: this condition has no ShelvingState' };
    const methodId = (await child(target.conditionId, `.ShelvingState.${method}`)) ?? resolveNodeId(MethodIds[`ShelvedStateMachineType_${method}`]);
    return call(machine, methodId, args);
  };

  return {
    refresh: async (subscriptionId: number) => outcome(await callConditionRefresh(session, subscriptionId)),
    acknowledge: async (target: ConditionTarget, comment: string) => outcome(await acknowledgeCondition(session, target.conditionId, eventId(target), comment)),
    confirm: async (target: ConditionTarget, comment: string) => outcome(await confirmCondition(session, target.conditionId, eventId(target), comment)),
    addComment: async (target: ConditionTarget, comment: string) => {
      const methodId = (await child(target.conditionId, '.AddComment')) ?? resolveNodeId(MethodIds.ConditionType_AddComment);
      return call(target.conditionId, methodId, [
        { dataType: DataType.ByteString, value: eventId(target) },
        { dataType: DataType.LocalizedText, value: new LocalizedText({ text: comment }) },
      ]);
    },
    timedShelve: (target: ConditionTarget, durationMs: number) => shelving(target, 'TimedShelve', [{ dataType: DataType.Double, value: durationMs }]),
    oneShotShelve: (target: ConditionTarget) => shelving(target, 'OneShotShelve', []),
    unshelve: (target: ConditionTarget) => shelving(target, 'Unshelve', []),
  };
}
