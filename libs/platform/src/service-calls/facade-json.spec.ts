import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decodeFacadeValue, encodeFacadeValue, reviveDates } from './facade-json.js';

describe('facade JSON', () => {
  it('keeps dates as dates, nested in objects and lists, and everything else as JSON does', () => {
    const since = new Date('2026-12-01T00:00:00.000Z');
    const value = { projectId: 'p', since, windows: [{ until: since, count: 3 }], absent: undefined, none: null };
    const decoded = decodeFacadeValue<typeof value>(encodeFacadeValue(value));
    expect(decoded).toEqual({ projectId: 'p', since, windows: [{ until: since, count: 3 }], none: null });
    expect(decoded.since).toBeInstanceOf(Date);
    expect(decoded.windows[0].until).toBeInstanceOf(Date);
  });

  it('writes undefined as null, and revives a parsed body as the text would have been', () => {
    expect(encodeFacadeValue(undefined)).toBe('null');
    const at = new Date('2026-12-07T10:00:00.000Z');
    expect(reviveDates(JSON.parse(encodeFacadeValue([at, 'x'])))).toEqual([at, 'x']);
  });

  it('round-trips any date beside any JSON value as JSON itself would', () => {
    const dates = fc.date({ min: new Date(0), max: new Date(8.64e15), noInvalidDate: true });
    fc.assert(
      fc.property(fc.jsonValue(), dates, (json, date) => {
        const asJson: unknown = JSON.parse(JSON.stringify(json));
        const decoded = decodeFacadeValue(encodeFacadeValue({ json, date, list: [date, json] }));
        expect(decoded).toEqual({ json: asJson, date, list: [date, asJson] });
      }),
    );
  });
});
