import { SUBSCRIPTIONS } from '@nuage/contracts';
import type { PgBoss } from 'pg-boss';
import { eventsQueue } from './queues.js';

/**
 * What the channel reads of the engine's own job table (pg-boss's documented `pgboss.job`), for
 * what its API does not count: jobs done among some, jobs waiting or running, lagging queues.
 */

/** How many of these jobs are done (completed, or failed for good). */
export async function jobsDone(boss: PgBoss, ids: string[]): Promise<number> {
  const { rows } = await boss
    .getDb()
    .executeSql(
      "select count(*)::int as n from pgboss.job where id = any($1::uuid[]) and state in ('completed', 'failed')",
      [ids],
    );
  return (rows[0] as { n: number }).n;
}

/** How many jobs of these queues are in these states. */
export async function jobsIn(boss: PgBoss, queues: string[], states: string[]): Promise<number> {
  const { rows } = await boss
    .getDb()
    .executeSql('select count(*)::int as n from pgboss.job where name = any($1) and state::text = any($2::text[])', [
      queues,
      states,
    ]);
  return (rows[0] as { n: number }).n;
}

/** A consumer with an event waiting longer than this is behind: mutations stop waiting for it. */
export const LAGGING_AFTER_MS = 2_000;

/**
 * The events queues whose consumer is behind, down or stuck: one of their events has waited more
 * than {@link LAGGING_AFTER_MS} (a file held back by a dead letter does not count).
 */
export async function laggingQueues(boss: PgBoss): Promise<Set<string>> {
  const { rows } = await boss.getDb().executeSql(
    `select distinct j.name from pgboss.job j
     where j.name = any($1) and j.state = 'created' and j.created_on < now() - interval '${LAGGING_AFTER_MS} milliseconds'
       and not exists (select 1 from pgboss.job f where f.name = j.name and f.singleton_key = j.singleton_key and f.state = 'failed')`,
    [Object.keys(SUBSCRIPTIONS).map(eventsQueue)],
  );
  return new Set((rows as { name: string }[]).map((row) => row.name));
}
