/**
 * A JSON value as `path → text` leaves, so two versions' metrics, parameters or signatures can be
 * laid side by side row by row. Array items that carry a `name` (a signature's tensors) are keyed
 * by it rather than by position, so a reordered signature does not read as a changed one.
 */
export function flatten(value: unknown, path = ''): Map<string, string> {
  const leaves = new Map<string, string>();
  const visit = (node: unknown, at: string) => {
    if (Array.isArray(node) && node.every(isObject) && node.length > 0) {
      node.forEach((item, index) => visit(item, join(at, typeof item.name === 'string' ? item.name : `[${index}]`)));
    } else if (isObject(node) && Object.keys(node).length > 0) {
      for (const [key, child] of Object.entries(node)) visit(child, join(at, key));
    } else if (at !== '' || !isEmpty(node)) {
      leaves.set(at, typeof node === 'string' ? node : JSON.stringify(node));
    }
  };
  visit(value, path);
  return leaves;
}

export interface ComparedRow {
  readonly key: string;
  /** Each version's text, in the order the versions were given; undefined where a version lacks the key. */
  readonly values: readonly (string | undefined)[];
  readonly differs: boolean;
}

/** Every key any version has, sorted, with each version's value and whether they are not all equal. */
export function compareLeaves(leavesByVersion: readonly Map<string, string>[]): ComparedRow[] {
  const keys = [...new Set(leavesByVersion.flatMap((leaves) => [...leaves.keys()]))].sort();
  return keys.map((key) => {
    const values = leavesByVersion.map((leaves) => leaves.get(key));
    return { key, values, differs: new Set(values).size > 1 };
  });
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isEmpty = (value: unknown) =>
  value === undefined || value === null || (isObject(value) && Object.keys(value).length === 0);
const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);
