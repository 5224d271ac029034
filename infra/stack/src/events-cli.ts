import { databaseUrl, listDeadLetters, replayDeadLetter } from '@nuage/platform';
import { PgBoss } from 'pg-boss';
import { SUBGRAPHS } from './paths.js';

/**
 * `npm run events -- <command>`: the operator's view of the event channel's dead letters (events
 * and effects that failed every attempt), in the events database of `EVENTS_DATABASE_URL`, or of
 * `DATABASE_URL` (`<DATABASE_PREFIX>_events`), or of the stack `npm start` runs.
 *
 *   list                        every dead letter: id, subgraph, what it was, attempts, last error
 *   show <id>                   one dead letter in full (its payload)
 *   replay <id>                 applies it again (after the fix): its file's later events follow
 *   replay-all [<subgraph>]     replays every dead letter (of one subgraph)
 */
const USAGE = 'usage: npm run events -- list | show <id> | replay <id> | replay-all [<subgraph>]';

function eventsDatabaseUrl(): string {
  if (process.env.EVENTS_DATABASE_URL) return process.env.EVENTS_DATABASE_URL;
  const server = process.env.DATABASE_URL ?? `postgres://postgres:postgres@127.0.0.1:${process.env.PG_PORT ?? 54320}/`;
  return databaseUrl(server, { service: 'events', databasePrefix: process.env.DATABASE_PREFIX });
}

const [command, ...args] = process.argv.slice(2);
const boss = new PgBoss({
  connectionString: eventsDatabaseUrl(),
  max: 2,
  supervise: false,
  schedule: false,
  migrate: false,
});
boss.on('error', (error) => console.error(error.message));
try {
  await boss.start();
  const letters = await listDeadLetters(boss, SUBGRAPHS);
  const find = (id: string | undefined) => {
    const letter = letters.find((l) => l.id === id);
    if (!letter) throw new Error(`No dead letter ${id ?? ''} (npm run events -- list).`);
    return letter;
  };
  switch (command) {
    case 'list':
      if (!letters.length) console.log('No dead letters.');
      for (const l of letters)
        console.log(
          [
            l.id,
            l.subgraph,
            l.data.topic ?? `effect ${l.data.effect}`,
            `${l.attempts} attempts`,
            l.parkedAt.toISOString(),
            l.error ?? '',
          ].join('  '),
        );
      break;
    case 'show':
      console.log(JSON.stringify(find(args[0]), null, 2));
      break;
    case 'replay': {
      const letter = find(args[0]);
      await replayDeadLetter(boss, letter.subgraph, letter.id);
      console.log(`Replayed ${letter.id} on ${letter.queue}.`);
      break;
    }
    case 'replay-all': {
      const chosen = letters.filter((l) => !args[0] || l.subgraph === args[0]);
      for (const letter of chosen) await replayDeadLetter(boss, letter.subgraph, letter.id);
      console.log(`Replayed ${chosen.length} dead letters.`);
      break;
    }
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await boss.stop({ graceful: false, close: true });
}
