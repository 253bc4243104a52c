/** DuckDB's own first line ("Binder Error: Referenced column "x" not found ..."), without the echoed SQL under it. */
export function engineMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].trim();
}
