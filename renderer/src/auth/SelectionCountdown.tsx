import { useEffect, useState } from 'react';

/**
 * A critical tag or command is selected for a limited time: the operator sees
 * how long is left to `verb` it (a null expiry: not a critical one, nothing shown).
 */
export function SelectionCountdown({ expiresAt, verb, testId }: { readonly expiresAt: number | null; readonly verb: string; readonly testId: string }) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (expiresAt === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [expiresAt]);
  if (expiresAt === null) return null;
  const left = Math.max(0, Math.ceil((expiresAt - now) / 1000));
  return (
    <p className="dialog-text write-selected" role="status" data-testid={testId}>
      {left > 0 ? `Critical: selected. ${verb} within ${left} s.` : 'The selection expired: go back and select again.'}
    </p>
  );
}
