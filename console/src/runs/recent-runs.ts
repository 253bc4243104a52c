import type { Schemas } from '../api/client';
import { isFinished } from './run-controls';

type RunSummary = Schemas['RunSummaryResponse'];
type Run = Schemas['RunResponse'];

interface Answer<T> {
  readonly data?: T;
  readonly error?: unknown;
}

/** Where the runs come from: the list route (newest first, summaries only) and the get route (with task runs). */
export interface RunSource {
  list(): Promise<Answer<{ items: RunSummary[] }>>;
  get(runId: string): Promise<Answer<Run>>;
}

/**
 * The latest runs of a workflow with their task runs, oldest first, for the grid. The list route has
 * no task states, so each run is read on its own: a bounded number of calls (the list's limit), and
 * after the first read only for runs that have not finished or changed since (a retry reopens one).
 */
export class RecentRuns {
  private readonly known = new Map<string, { readonly updatedAt: string; readonly run: Run }>();

  constructor(private readonly source: RunSource) {}

  async read(): Promise<Answer<Run[]>> {
    const list = await this.source.list();
    if (list.data === undefined) return { error: list.error };
    const answers = await Promise.all(list.data.items.map((summary) => this.runOf(summary)));
    const refused = answers.find((answer) => answer.data === undefined);
    if (refused !== undefined) return { error: refused.error };
    return { data: answers.map((answer) => answer.data!).reverse() };
  }

  private async runOf(summary: RunSummary): Promise<Answer<Run>> {
    const known = this.known.get(summary.id);
    if (known !== undefined && known.updatedAt === summary.updatedAt && isFinished(summary.state)) {
      return { data: known.run };
    }
    const answer = await this.source.get(summary.id);
    if (answer.data !== undefined) this.known.set(summary.id, { updatedAt: summary.updatedAt, run: answer.data });
    return answer;
  }
}
