import { useState, type FormEvent } from 'react';
import type { ArgumentValue, CommandInfo, CommandOutcome, CommandPreparation } from '../../../shared/api/command-api.js';
import { qualityOf } from '../../../shared/status-code.js';
import { useAuthServices } from '../auth/auth-context.js';
import { SelectionCountdown } from '../auth/SelectionCountdown.js';
import { Dialog } from '../auth/Dialog.js';
import { formatSetpoint } from '../auth/format-setpoint.js';
import { useAsyncAction } from '../auth/use-async-action.js';
import { parseArgument } from './parse-argument.js';
import { ConfirmStepButtons, DoneStepButton, EnterStepButtons } from '../auth/OperateStepButtons.js';

type Step = { readonly kind: 'enter' } | { readonly kind: 'confirm'; readonly preparation: CommandPreparation } | { readonly kind: 'done'; readonly preparation: CommandPreparation; readonly outcome: CommandOutcome };

/**
 * Arguments -> main checks them against the method's InputArguments (and
 * selects a critical command) -> the operator confirms what will be done ->
 * main runs it -> the server's StatusCode, per-argument results and outputs
 * are shown, a Bad code as an error.
 */
export function CommandDialog({ command, onClose }: { readonly command: CommandInfo; readonly onClose: () => void }) {
  const { client } = useAuthServices();
  const free = command.arguments.filter((a) => a.value === undefined);
  const [texts, setTexts] = useState<Readonly<Record<string, string>>>({});
  const [step, setStep] = useState<Step>({ kind: 'enter' });
  const [values, setValues] = useState<Readonly<Record<string, ArgumentValue>>>({});
  const prepare = useAsyncAction(async () => {
    const parsed: Record<string, ArgumentValue> = {};
    for (const argument of free) {
      const result = parseArgument(texts[argument.name] ?? '', argument.dataType);
      if (!result.ok) throw new Error(`${argument.name}: ${result.message}`);
      parsed[argument.name] = result.value;
    }
    setValues(parsed);
    setStep({ kind: 'confirm', preparation: await client.prepareCommand({ name: command.name, arguments: parsed }) });
  });
  const run = useAsyncAction(async (preparation: CommandPreparation) => {
    setStep({ kind: 'done', preparation, outcome: await client.runCommand({ name: command.name, arguments: values }) });
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void prepare.run();
  };
  return (
    <Dialog title={command.label} testId="command-dialog" onClose={onClose}>
      {step.kind === 'enter' && (
        <form className="dialog-form" onSubmit={submit}>
          <p className="dialog-text">This will {command.action}.</p>
          {free.map((argument) => (
            <label key={argument.name}>
              {argument.name} ({argument.dataType})
              {argument.dataType === 'Boolean' ? (
                <select data-testid="command-argument" data-argument={argument.name} value={texts[argument.name] ?? ''} onChange={(event) => setTexts({ ...texts, [argument.name]: event.target.value })} required>
                  <option value="">Choose…</option>
                  <option value="true">true</option>
                  <option value="false">false</option>
                </select>
              ) : (
                <input data-testid="command-argument" data-argument={argument.name} value={texts[argument.name] ?? ''} onChange={(event) => setTexts({ ...texts, [argument.name]: event.target.value })} maxLength={4096} />
              )}
            </label>
          ))}
          <EnterStepButtons testId="command" error={prepare.error} busy={prepare.busy} onCancel={onClose} />
        </form>
      )}
      {step.kind !== 'enter' && <Confirmation preparation={step.preparation} />}
      {step.kind === 'confirm' && (
        <>
          <SelectionCountdown expiresAt={step.preparation.expiresAt} verb="Run" testId="command-selected" />
          <ConfirmStepButtons testId="command" error={run.error} busy={run.busy} onBack={() => setStep({ kind: 'enter' })} onConfirm={() => void run.run(step.preparation)}>
            Run {command.label}
          </ConfirmStepButtons>
        </>
      )}
      {step.kind === 'done' && (
        <>
          <CommandResult outcome={step.outcome} />
          <DoneStepButton testId="command" onClose={onClose} />
        </>
      )}
    </Dialog>
  );
}

function Confirmation({ preparation }: { readonly preparation: CommandPreparation }) {
  return (
    <table className="write-confirmation" data-testid="command-confirmation">
      <tbody>
        <tr>
          <th scope="row">Command</th>
          <td data-testid="command-name">{preparation.label}</td>
        </tr>
        <tr>
          <th scope="row">Action</th>
          <td data-testid="command-action">{preparation.action}</td>
        </tr>
        {preparation.arguments.map((argument) => (
          <tr key={argument.name}>
            <th scope="row">
              {argument.name} ({argument.dataType})
            </th>
            <td className="write-new" data-testid="command-argument-value">
              {typeof argument.value === 'string' ? argument.value : formatSetpoint(argument.value)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CommandResult({ outcome }: { readonly outcome: CommandOutcome }) {
  const bad = qualityOf(outcome.status) === 'bad';
  return (
    <div className="write-result" data-testid="command-result" data-status={outcome.statusText} role={bad ? 'alert' : 'status'}>
      <p className={bad ? 'dialog-error' : 'dialog-text'}>{bad ? `The command failed: ${outcome.statusText}` : `Done. The server answered ${outcome.statusText}.`}</p>
      {outcome.argumentResults
        .filter((result) => qualityOf(result.status) !== 'good')
        .map((result) => (
          <p key={result.name} className="dialog-error" data-testid="command-argument-result">
            {result.name}: {result.statusText}
          </p>
        ))}
      {outcome.outputs.map((output) => (
        <p key={output.name} className="dialog-text" data-testid="command-output">
          {output.name} = {output.value}
        </p>
      ))}
      {outcome.writes.map((write, i) => (
        <p key={i} className={qualityOf(write.status) === 'bad' ? 'dialog-error' : 'dialog-text'} data-testid="command-write">
          Wrote {String(write.value)}: {write.statusText}
        </p>
      ))}
    </div>
  );
}
