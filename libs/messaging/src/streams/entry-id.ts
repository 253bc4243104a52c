/** A stream entry id `<ms>-<seq>` as numbers, ordered as Redis orders entries. */
export type EntryId = readonly [ms: number, seq: number];

export function parseEntryId(id: string): EntryId {
  const [ms, seq = '0'] = id.split('-');
  return [Number(ms), Number(seq)];
}

export function isBefore(a: EntryId, b: EntryId): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

/** The smallest id after `id`. */
export function nextEntryId([ms, seq]: EntryId): EntryId {
  return [ms, seq + 1];
}
