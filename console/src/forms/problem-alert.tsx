import { problemFields, problemText } from '../api/client';

/** A refused request as the API explained it: its detail, then each field it named and why. */
export function ProblemAlert({ problem }: { problem: unknown }) {
  const fields = problemFields(problem);
  return (
    <div role="alert" className="error">
      <p>{problemText(problem)}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map(({ field, message }) => (
            <li key={`${field}:${message}`}>
              <span className="mono">{field}</span>: {message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
