/** A place inside a JSON document: object keys and list indexes from the top. */
export type FieldPath = readonly (string | number)[];

/** `['tasks', 3, 'dependsOn', 0]` as `tasks[3].dependsOn[0]`, the form field errors use. */
export function formatField(path: FieldPath): string {
  return path.reduce<string>((field, step) => {
    if (typeof step === 'number') return `${field}[${step}]`;
    return field === '' ? step : `${field}.${step}`;
  }, '');
}

export function startsWithPath(path: FieldPath, prefix: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((step, index) => path[index] === step);
}
