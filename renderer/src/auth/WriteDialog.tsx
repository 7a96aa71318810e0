import { useState, type FormEvent } from 'react';
import type { WriteOutcome, WritePreparation } from '../../../shared/api/auth-api.js';
import type { TagInfo } from '../../../shared/contract.js';
import { qualityOf } from '../../../shared/status-code.js';
import { useAuthServices } from './auth-context.js';
import { SelectionCountdown } from './SelectionCountdown.js';
import { Dialog } from './Dialog.js';
import { formatSetpoint } from './format-setpoint.js';
import { parseSetpoint } from './parse-setpoint.js';
import { ConfirmStepButtons, DoneStepButton, EnterStepButtons } from './OperateStepButtons.js';
import { useAsyncAction } from './use-async-action.js';

type Step = { readonly kind: 'enter' } | { readonly kind: 'confirm'; readonly preparation: WritePreparation } | { readonly kind: 'done'; readonly outcome: WriteOutcome; readonly preparation: WritePreparation };

/**
 * Enter -> main checks (type, range, limits, quality; selects a critical tag)
 * -> the operator confirms tag, old value, new value and unit -> main writes
 * and reads back -> the server's StatusCode is shown, a Bad one as an error.
 */
export function WriteDialog({ tag, onClose }: { readonly tag: TagInfo; readonly onClose: () => void }) {
  const { client } = useAuthServices();
  const [text, setText] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'enter' });
  const prepare = useAsyncAction(async () => {
    const parsed = parseSetpoint(text, tag.dataType);
    if (!parsed.ok) throw new Error(parsed.message);
    setStep({ kind: 'confirm', preparation: await client.prepareWrite({ tagId: tag.id, value: parsed.value }) });
  });
  const write = useAsyncAction(async (preparation: WritePreparation) => {
    setStep({ kind: 'done', preparation, outcome: await client.writeTag({ tagId: preparation.tagId, value: preparation.newValue }) });
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void prepare.run();
  };
  return (
    <Dialog title={`Change ${tag.name}`} testId="write-dialog" onClose={onClose}>
      {step.kind === 'enter' && (
        <form className="dialog-form" onSubmit={submit}>
          <label>
            New value{tag.unit ? ` (${tag.unit})` : ''}
            {tag.dataType === 'Boolean' ? (
              <select data-testid="setpoint-input" value={text} onChange={(event) => setText(event.target.value)} required>
                <option value="">Choose…</option>
                <option value="true">ON (true)</option>
                <option value="false">OFF (false)</option>
              </select>
            ) : (
              <input data-testid="setpoint-input" inputMode="decimal" value={text} onChange={(event) => setText(event.target.value)} required maxLength={40} />
            )}
          </label>
          {tag.euRange !== null && (
            <p className="dialog-text">
              Instrument range {tag.euRange.low} to {tag.euRange.high} {tag.unit}; the project may set tighter limits.
            </p>
          )}
          <EnterStepButtons testId="write" error={prepare.error} busy={prepare.busy} onCancel={onClose} />
        </form>
      )}
      {step.kind !== 'enter' && <Confirmation preparation={step.preparation} />}
      {step.kind === 'confirm' && (
        <>
          <SelectionCountdown expiresAt={step.preparation.expiresAt} verb="Operate" testId="write-selected" />
          <ConfirmStepButtons testId="write" error={write.error} busy={write.busy} onBack={() => setStep({ kind: 'enter' })} onConfirm={() => void write.run(step.preparation)}>
            Write {formatSetpoint(step.preparation.newValue)}
            {step.preparation.unit ? ` ${step.preparation.unit}` : ''}
          </ConfirmStepButtons>
        </>
      )}
      {step.kind === 'done' && (
        <>
          <WriteResult outcome={step.outcome} unit={step.preparation.unit} />
          <DoneStepButton testId="write" onClose={onClose} />
        </>
      )}
    </Dialog>
  );
}

function Confirmation({ preparation }: { readonly preparation: WritePreparation }) {
  return (
    <table className="write-confirmation" data-testid="write-confirmation">
      <tbody>
        <tr>
          <th scope="row">Tag</th>
          <td data-testid="write-tag">{preparation.tagId}</td>
        </tr>
        <tr>
          <th scope="row">Current value</th>
          <td data-testid="write-old">{formatSetpoint(preparation.oldValue)}</td>
        </tr>
        <tr>
          <th scope="row">New value</th>
          <td data-testid="write-new" className="write-new">
            {formatSetpoint(preparation.newValue)}
          </td>
        </tr>
        <tr>
          <th scope="row">Unit</th>
          <td data-testid="write-unit">{preparation.unit || '—'}</td>
        </tr>
      </tbody>
    </table>
  );
}

function WriteResult({ outcome, unit }: { readonly outcome: WriteOutcome; readonly unit: string }) {
  const bad = qualityOf(outcome.status) === 'bad';
  const readBack = outcome.readBack ?? null;
  return (
    <div className="write-result" data-testid="write-result" data-status={outcome.statusText} role={bad ? 'alert' : 'status'}>
      <p className={bad ? 'dialog-error' : 'dialog-text'}>{bad ? `The server refused the write: ${outcome.statusText}` : `Written. The server answered ${outcome.statusText}.`}</p>
      {readBack !== null && (
        <p className={readBack.matches ? 'dialog-text' : 'dialog-error'} data-testid="write-read-back">
          Read back: {formatSetpoint(readBack.value)}
          {unit ? ` ${unit}` : ''} ({readBack.statusText}){readBack.matches ? '' : ': not what was written'}
        </p>
      )}
    </div>
  );
}
