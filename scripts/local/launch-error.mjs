/** A start-up failure the user can act on: the launcher prints its message alone, without a stack. */
export class LaunchError extends Error {}
