import type { Schemas } from '../api/client';
import { controlsOf, type RunControl } from '../runs/run-controls';
import type { RunCommands } from './run-commands';

const LABELS: Record<RunControl, string> = {
  pause: 'Pause run',
  resume: 'Resume run',
  cancel: 'Cancel run',
  rerun: 'Rerun',
};
const CLASSES: Record<RunControl, string | undefined> = {
  pause: 'secondary',
  resume: undefined,
  cancel: 'danger',
  rerun: undefined,
};

/** The buttons of what the run's state allows now: pause, resume, cancel, or a rerun of a finished run. */
export function RunActions({ state, commands }: { state: Schemas['RunResponse']['state']; commands: RunCommands }) {
  return (
    <p className="actions">
      {controlsOf(state).map((control) => (
        <button key={control} type="button" className={CLASSES[control]} onClick={() => void commands[control]()}>
          {LABELS[control]}
        </button>
      ))}
    </p>
  );
}
