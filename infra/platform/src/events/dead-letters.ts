import type { PgBoss } from 'pg-boss';
import { deadLettersQueue } from './queues.js';

/** An event or effect that failed every attempt, parked for an operator. */
export interface DeadLetter {
  /** Its id in the dead-letter queue (what `replay` takes). */
  id: string;
  /** The subgraph whose queue it failed on. */
  subgraph: string;
  /** The queue and job it failed as. */
  queue: string;
  jobId: string;
  /** What it carried: an event (`topic`, `payload`…) or an effect (`effect`, `key`, `payload`). */
  data: Record<string, unknown>;
  attempts: number;
  /** The last error, as the worker reported it. */
  error: string | null;
  parkedAt: Date;
}

/** The dead letters of these subgraphs' queues, oldest first. */
export async function listDeadLetters(boss: PgBoss, subgraphs: readonly string[]): Promise<DeadLetter[]> {
  const letters: DeadLetter[] = [];
  for (const subgraph of subgraphs) {
    for (const parked of await boss.findJobs<Record<string, unknown>>(deadLettersQueue(subgraph), { queued: true })) {
      const [failed] = parked.sourceName
        ? await boss.findJobs(parked.sourceName, { id: parked.sourceId ?? undefined })
        : [];
      const output = (failed?.output ?? {}) as { message?: string };
      letters.push({
        id: parked.id,
        subgraph,
        queue: parked.sourceName ?? '',
        jobId: parked.sourceId ?? '',
        data: parked.data,
        attempts: (failed?.retryCount ?? 0) + 1,
        error: output.message ?? null,
        parkedAt: parked.createdOn,
      });
    }
  }
  return letters.sort((a, b) => a.parkedAt.getTime() - b.parkedAt.getTime());
}

/**
 * Replays a dead letter: its failed job is retried where it failed (with its id, so a file's later
 * events, held back meanwhile, follow it in order), and the letter leaves the dead-letter queue.
 */
export async function replayDeadLetter(boss: PgBoss, subgraph: string, id: string): Promise<boolean> {
  const [parked] = await boss.findJobs(deadLettersQueue(subgraph), { id, queued: true });
  if (!parked?.sourceName || !parked.sourceId) return false;
  await boss.retry(parked.sourceName, parked.sourceId);
  await boss.deleteJob(deadLettersQueue(subgraph), id);
  return true;
}
