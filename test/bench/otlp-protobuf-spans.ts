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

/** Each field of one protobuf message: its number, and its bytes (length-delimited) or value (varint). */
function* fields(message: Buffer): Generator<{ field: number; bytes?: Buffer; value?: number }> {
  let at = 0;
  const varint = (): number => {
    let value = 0;
    let factor = 1;
    for (;;) {
      const byte = message[at++];
      value += (byte & 0x7f) * factor;
      if (byte < 0x80) return value;
      factor *= 128;
    }
  };
  while (at < message.length) {
    const key = varint();
    const [field, wire] = [Math.floor(key / 8), key % 8];
    if (wire === VARINT) yield { field, value: varint() };
    else if (wire === LENGTH_DELIMITED) {
      const length = varint();
      yield { field, bytes: message.subarray(at, at + length) };
      at += length;
    } else if (wire === FIXED64) at += 8;
    else if (wire === FIXED32) at += 4;
    else throw new Error(`unexpected protobuf wire type ${wire}`);
  }
}

const submessages = (message: Buffer, field: number): Buffer[] =>
  [...fields(message)].filter((entry) => entry.field === field && entry.bytes).map((entry) => entry.bytes!);

/**
 * The spans of one OTLP/HTTP protobuf export (an ExportTraceServiceRequest), decoded only as far
 * as the bench's counts need: no generated code or protobuf runtime for three fields.
 */
export function spansOfExport(body: Buffer): EncodedSpan[] {
  return submessages(body, RESOURCE_SPANS)
    .flatMap((resource) => submessages(resource, SCOPE_SPANS))
    .flatMap((scope) => submessages(scope, SPANS))
    .map((span) => {
      let name = '';
      let kind = 0;
      for (const entry of fields(span)) {
        if (entry.field === SPAN_NAME && entry.bytes) name = entry.bytes.toString('utf8');
        if (entry.field === SPAN_KIND && entry.value !== undefined) kind = entry.value;
      }
      return { name, kind, bytes: span.length };
    });
}
