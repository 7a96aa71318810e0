import type { ReactNode } from 'react';
import { DialogError } from './DialogError.js';

// The button rows of a select-before-operate dialog (a setpoint write, a
// command): one layout for every operation, so an operator's hands learn it once.
// `testId` is the dialog's prefix: `${testId}-check`, `-confirm`, `-close`, `-error`.

/** Under the entry form: Cancel, and Next, which submits the form for main to check. */
export function EnterStepButtons({ testId, error, busy, onCancel }: { readonly testId: string; readonly error: string | null; readonly busy: boolean; readonly onCancel: () => void }) {
  return (
    <StepRow error={error} testId={testId} back="Cancel" onBack={onCancel}>
      <button type="submit" className="primary" data-testid={`${testId}-check`} disabled={busy}>
        Next
      </button>
    </StepRow>
  );
}

/** Under the confirmation: Back to the entry, and the operation itself, labelled by `children`. */
export function ConfirmStepButtons({ testId, error, busy, onBack, onConfirm, children }: { readonly testId: string; readonly error: string | null; readonly busy: boolean; readonly onBack: () => void; readonly onConfirm: () => void; readonly children: ReactNode }) {
  return (
    <StepRow error={error} testId={testId} back="Back" onBack={onBack}>
      <button type="button" className="primary" data-testid={`${testId}-confirm`} disabled={busy} onClick={onConfirm}>
        {children}
      </button>
    </StepRow>
  );
}

function StepRow({ testId, error, back, onBack, children }: { readonly testId: string; readonly error: string | null; readonly back: string; readonly onBack: () => void; readonly children: ReactNode }) {
  return (
    <>
      <DialogError error={error} testId={`${testId}-error`} />
      <div className="dialog-buttons">
        <button type="button" onClick={onBack}>
          {back}
        </button>
        {children}
      </div>
    </>
  );
}

/** Under the outcome. */
export function DoneStepButton({ testId, onClose }: { readonly testId: string; readonly onClose: () => void }) {
  return (
    <div className="dialog-buttons">
      <button type="button" className="primary" data-testid={`${testId}-close`} onClick={onClose}>
        Close
      </button>
    </div>
  );
}
