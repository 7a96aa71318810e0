/** What the demo plant process tells the app over its IPC channel, once. */
export type SimulatorMessage = { readonly type: 'ready'; readonly endpointUrl: string } | { readonly type: 'failed'; readonly message: string };

export function isSimulatorMessage(value: unknown): value is SimulatorMessage {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const message = value as Record<string, unknown>;
  return (
    (message.type === 'ready' && typeof message.endpointUrl === 'string') ||
    (message.type === 'failed' && typeof message.message === 'string')
  );
}
