import { useState, type FormEvent } from 'react';
import { fieldOf } from '../forms/field-of';
import { session } from './session';

export function LoginPage() {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    const refused = await session.signIn(
      fieldOf(event.currentTarget, 'email'),
      fieldOf(event.currentTarget, 'password'),
    );
    setBusy(false);
    setError(refused);
  }

  return (
    <main id="content" className="login">
      <h1>Sign in to the ML platform console</h1>
      <form onSubmit={(event) => void submit(event)} className="stack">
        <label>
          Email
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error !== undefined && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
