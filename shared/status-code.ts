/**
 * OPC UA StatusCodes as the wire carries them (uint32). The full code travels
 * end to end so an operator can tell BadSensorFailure from BadNoCommunication;
 * collapsing it to good/bad early is what makes a SCADA client lie at 3 a.m.
 */
export type QualityClass = 'good' | 'uncertain' | 'bad';

export const StatusCode = {
  Good: 0x00000000,
  UncertainLastUsableValue: 0x40900000,
  BadCommunicationError: 0x80050000,
  BadTimeout: 0x800a0000,
  BadUserAccessDenied: 0x801f0000,
  BadNoCommunication: 0x80310000,
  BadWaitingForInitialData: 0x80320000,
  BadNodeIdUnknown: 0x80340000,
  BadAttributeIdInvalid: 0x80350000,
  BadNotWritable: 0x803b0000,
  BadOutOfRange: 0x803c0000,
  BadNotSupported: 0x803d0000,
  BadTypeMismatch: 0x80740000,
  BadSensorFailure: 0x808b0000,
  BadDataLost: 0x809d0000,
  BadOutOfService: 0x808d0000,
  BadNotConnected: 0x808a0000,
  BadInternalError: 0x80020000,
  BadInvalidState: 0x80af0000,
  BadCertificateUntrusted: 0x801a0000,
  BadIdentityTokenRejected: 0x80210000,
  BadMonitoredItemFilterUnsupported: 0x80440000,
  BadFilterNotAllowed: 0x80450000,
  BadNodeClassInvalid: 0x805f0000,
  BadDeadbandFilterInvalid: 0x808e0000,
  // What a method call answers (commands).
  BadInvalidArgument: 0x80ab0000,
  BadArgumentsMissing: 0x80760000,
  BadTooManyArguments: 0x80e50000,
  BadMethodInvalid: 0x80750000,
  BadNotExecutable: 0x81110000,
} as const;

const names = new Map<number, string>(Object.entries(StatusCode).map(([name, code]) => [code, name]));

/** The top two bits are the severity: 00 good, 01 uncertain, 10/11 bad. */
export function qualityOf(status: number): QualityClass {
  const severity = status >>> 30;
  if (severity === 0) return 'good';
  if (severity === 1) return 'uncertain';
  return 'bad';
}

/** The low 16 bits are info flags (overflow, limits), not part of the code's name. */
export function statusText(status: number): string {
  const code = (status & 0xffff0000) >>> 0;
  return names.get(code) ?? `0x${code.toString(16).padStart(8, '0').toUpperCase()}`;
}
