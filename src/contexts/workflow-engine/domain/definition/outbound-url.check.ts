/**
 * Port: what is wrong with a user-given URL the platform would call, as far as can be told when a
 * definition is saved (its scheme, an address written in it), or undefined. Names are resolved and
 * checked again when the task runs.
 */
export abstract class OutboundUrlCheck {
  abstract problem(url: string): string | undefined;
}
