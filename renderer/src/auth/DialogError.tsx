/** What main (or the form) said is wrong, as one line the screen reader announces; nothing when all is well. */
export function DialogError({ error, testId }: { readonly error: string | null; readonly testId: string }) {
  if (error === null) return null;
  return (
    <p className="dialog-error" role="alert" data-testid={testId}>
      {error}
    </p>
  );
}
