/** What a page shows while its data loads, or when the API refused it. */
export function PageStatus({ error }: { error: string | undefined }) {
  if (error !== undefined)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  return <p aria-live="polite">Loading…</p>;
}
