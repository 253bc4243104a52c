/** A span as the bench counts it: its name, kind and encoded size, read from OTLP protobuf. */
export interface EncodedSpan {
  readonly name: string;
  /** 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  readonly kind: number;
  readonly bytes: number;
}

// Field numbers of opentelemetry/proto/collector/trace/v1 and trace/v1: the path down to a span and its name and kind.
const RESOURCE_SPANS = 1;
const SCOPE_SPANS = 2;
const SPANS = 2;
const SPAN_NAME = 5;
const SPAN_KIND = 6;
const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;
const FIXED32 = 5;

/** A position in a protobuf message, reading keys, varints and skipping what it does not need. */
class Cursor {
  constructor(
    private readonly buffer: Buffer,
    public at: number,
    private readonly end: number,
  ) {}

  get done(): boolean {
    return this.at >= this.end;
  }

  varint(): number {
    let value = 0;
    let factor = 1;
    for (;;) {
      const byte = this.buffer[this.at++];
      value += (byte & 0x7f) * factor;
      if (byte < 0x80) return value;
      factor *= 128;
    }
  }

  /** Skips a field's value of wire type `wire`; for a length-delimited one, returns where it ends. */
  skip(wire: number): number {
    if (wire === VARINT) this.varint();
    else if (wire === FIXED64) this.at += 8;
    else if (wire === FIXED32) this.at += 4;
    else if (wire === LENGTH_DELIMITED) {
      const length = this.varint();
      this.at += length;
    } else throw new Error(`unexpected protobuf wire type ${wire}`);
    return this.at;
  }
}

/** Calls `visit(start, end)` for each length-delimited field `field` of the message in [start, end). */
function eachSubmessage(
  buffer: Buffer,
  start: number,
  end: number,
  field: number,
  visit: (start: number, end: number) => void,
): void {
  const cursor = new Cursor(buffer, start, end);
  while (!cursor.done) {
    const key = cursor.varint();
    const wire = key & 7;
    if (key >>> 3 === field && wire === LENGTH_DELIMITED) {
      const length = cursor.varint();
      visit(cursor.at, cursor.at + length);
      cursor.at += length;
    } else cursor.skip(wire);
  }
}

/** A span's name and kind, reading its fields only until both are found (they come before the times and attributes). */
function spanAt(buffer: Buffer, start: number, end: number): EncodedSpan {
  const cursor = new Cursor(buffer, start, end);
  let name = '';
  let kind = 0;
  while (!cursor.done && (name === '' || kind === 0)) {
    const key = cursor.varint();
    const [field, wire] = [key >>> 3, key & 7];
    if (field === SPAN_NAME && wire === LENGTH_DELIMITED) {
      const length = cursor.varint();
      name = buffer.toString('utf8', cursor.at, cursor.at + length);
      cursor.at += length;
    } else if (field === SPAN_KIND && wire === VARINT) kind = cursor.varint();
    else cursor.skip(wire);
  }
  return { name, kind, bytes: end - start };
}

/**
 * Each span of one OTLP/HTTP protobuf export (an ExportTraceServiceRequest), decoded only as far
 * as the bench's counts need: length prefixes down to the spans, then a span's name and kind. A
 * collector's receiver would not decode more before handing the bytes on; no generated code or
 * protobuf runtime for three fields.
 */
export function forEachSpanOfExport(body: Buffer, visit: (span: EncodedSpan) => void): void {
  eachSubmessage(body, 0, body.length, RESOURCE_SPANS, (resourceStart, resourceEnd) =>
    eachSubmessage(body, resourceStart, resourceEnd, SCOPE_SPANS, (scopeStart, scopeEnd) =>
      eachSubmessage(body, scopeStart, scopeEnd, SPANS, (spanStart, spanEnd) =>
        visit(spanAt(body, spanStart, spanEnd)),
      ),
    ),
  );
}
