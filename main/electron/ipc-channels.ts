/** Channel names, prefixed so they cannot collide with Electron's or a library's. */
export const IPC_CALL = 'tidewatch:call';
export const IPC_PORT = 'tidewatch:port';

/** invoke() wraps thrown errors in its own text; a reply object keeps our message intact. */
export type CallReply = { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly error: string };
