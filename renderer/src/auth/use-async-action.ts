import { useCallback, useState } from 'react';
import { errorMessage } from '../session/error-message.js';

/** A button's call to main: busy while it runs, its error as one line of text, cleared on the next try. */
export function useAsyncAction<A extends unknown[]>(action: (...args: A) => Promise<unknown>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (...args: A) => {
      setBusy(true);
      setError(null);
      try {
        await action(...args);
        return true;
      } catch (caught) {
        setError(errorMessage(caught));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [action],
  );
  return { busy, error, run, setError };
}
