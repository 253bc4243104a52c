import { Injectable } from '@nestjs/common';

export interface ReadinessCheckResult {
  readonly healthy: boolean;
  readonly details: Record<string, unknown>;
}

export type ReadinessCheck = () => Promise<ReadinessCheckResult>;

/**
 * Checks that other building blocks contribute to /health/ready (the outbox
 * backlog, consumer lag) without the platform knowing them.
 */
@Injectable()
export class ReadinessRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  entries(): [string, ReadinessCheck][] {
    return [...this.checks.entries()];
  }
}
