/** Port: how long a session may go unused before it ends (ASVS 3.3.2), whatever its lifetime left. */
export abstract class SessionLimits {
  abstract readonly idleMs: number;
}
