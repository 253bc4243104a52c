import { expect } from '@jest/globals';

/** The outbound_breaker_* lines a process exposes for one target. */
export async function breakerSeries(appUrl: string, target: string): Promise<string[]> {
  const exposition = await (await fetch(`${appUrl}/metrics`)).text();
  return exposition
    .split('\n')
    .filter((line) => line.startsWith('outbound_breaker_') && line.includes(`target="${target}"`));
}

export function showsOpen(series: readonly string[]): boolean {
  return series.some((line) => line.startsWith('outbound_breaker_state{') && line.endsWith(' 2'));
}

/** The breaker opened, let a probe through and closed again, once each. */
export function expectOneFullCycle(series: readonly string[]): void {
  const transitions = series.filter((line) => line.startsWith('outbound_breaker_transitions_total'));
  for (const [from, to] of [
    ['closed', 'open'],
    ['open', 'half-open'],
    ['half-open', 'closed'],
  ])
    expect(transitions).toContainEqual(expect.stringMatching(new RegExp(`from="${from}",to="${to}"\\} 1$`)));
}
