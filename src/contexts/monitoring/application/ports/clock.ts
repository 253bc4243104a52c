/** Port: the current time, so handlers and their tests agree on what "now" is. */
export abstract class Clock {
  abstract now(): Date;
}
