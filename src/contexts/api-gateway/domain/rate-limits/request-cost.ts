/**
 * How many cost units a request takes: its route's weight, times the rows of a prediction batch
 * (`instances` of /predict, the first dimension of the first input of an inference request), so
 * 50 rows cost 50 single-row calls. A body of another shape counts as one row: it is refused by
 * validation after the budget is taken, and a refused request must still cost something.
 */
export function requestCost(weight: number, body: unknown): number {
  return weight * Math.max(1, batchRows(body));
}

function batchRows(body: unknown): number {
  if (typeof body !== 'object' || body === null) return 1;
  const { instances, inputs } = body as { instances?: unknown; inputs?: unknown };
  if (Array.isArray(instances)) return instances.length;
  if (Array.isArray(inputs)) {
    const shape: unknown = (inputs[0] as { shape?: unknown } | undefined)?.shape;
    const rows: unknown = Array.isArray(shape) ? shape[0] : undefined;
    if (typeof rows === 'number' && Number.isSafeInteger(rows) && rows > 0) return rows;
  }
  return 1;
}

/**
 * Whether the cost of a request on `route` (`METHOD /template`) depends on its body: the prediction
 * routes, whose batches cost per row. Only these bodies are read before a request is forwarded.
 */
export function costDependsOnBody(route: string): boolean {
  return route.startsWith('POST ') && (route.endsWith('/predict') || route.endsWith('/infer'));
}
