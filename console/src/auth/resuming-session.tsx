/** Shown for the moment the console asks the API whether this browser still holds a session. */
export function ResumingSession() {
  return (
    <main id="content" className="login">
      <p role="status">Resuming your session…</p>
    </main>
  );
}
