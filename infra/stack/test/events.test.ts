import { randomBytes, randomUUID } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { catalogue } from '@nuage/catalogue';
import { Role, TOPICS, type RequestSubmitted, type ServicesOpened } from '@nuage/contracts';
import { SEED_BRANDS, SEED_ENTITY } from '@nuage/fixtures';
import { graphql } from '@nuage/fixtures/graphql';
import { ordering } from '@nuage/ordering';
import {
  eventJobId,
  eventsQueue,
  listDeadLetters,
  replayDeadLetter,
  signedEvent,
  sql,
  type DeliveredEvent,
} from '@nuage/platform';
import { startTestSubgraph, TEST_KEYS, type TestSubgraph, waitFor } from '@nuage/platform/testing';
import { requests } from '@nuage/requests';
import { freePort } from '../src/stack.js';
import { submittedRequest } from './fixtures/events.js';

/**
 * The event channel on its engine (pg-boss over the events database), with real subgraphs in this
 * process: the processes themselves are stopped and killed in `faults.test.ts`.
 */
const databaseUrl = () => inject('databaseUrl');
const buyer = { userId: 'clara', role: Role.BENEFICIARY, name: 'Clara Maurice', entityId: SEED_ENTITY.id };
const ovh = SEED_BRANDS.find((b) => b.slug === 'ovhcloud')!;
const until = async (check: () => Promise<boolean>, withinMs = 15_000) =>
  expect(await waitFor(check, withinMs)).toBe(true);
const count = async (subgraph: TestSubgraph, query: string, params: unknown[] = []) =>
  Number((await sql<{ n: string }[]>(subgraph.orm.em.fork(), query, params))[0]!.n);

const submitted = submittedRequest;
/** An event as a producer's relay puts it on a consumer's queue. */
const asRelayed = <T extends keyof typeof TOPICS>(topic: T, payload: object, file: string) => {
  const event = {
    id: randomUUID(),
    topic: TOPICS[topic],
    source: 'test',
    occurredAt: new Date().toISOString(),
    payload,
  } as DeliveredEvent;
  const signed = signedEvent(event, TEST_KEYS.events);
  return {
    event,
    job: (consumer: string) => ({ id: eventJobId(event.id, consumer), singletonKey: file, data: signed }),
  };
};

describe('between a producer and a consumer', () => {
  let producer: TestSubgraph;
  let consumer: TestSubgraph;
  beforeAll(async () => {
    const databasePrefix = `e${randomBytes(4).toString('hex')}`;
    [consumer, producer] = await Promise.all([
      startTestSubgraph(requests, databaseUrl(), { databasePrefix }),
      startTestSubgraph(catalogue, databaseUrl(), { databasePrefix }),
    ]);
  });
  afterAll(async () => {
    await producer?.close();
    await consumer?.close();
  });

  const recordGuidedChoice = async () =>
    (
      await producer.query(
        buyer,
        graphql(
          `mutation { recordGuidedChoice(input: { projectName: "P", answers: [{ question: "EXTRA_EU_LEGISLATION", option: "ALL_PROVIDERS" }, { question: "CERTIFICATIONS", option: "HDS" }] }) { guidedChoice { id } } }`,
        ),
      )
    ).data!.recordGuidedChoice.guidedChoice!.id;
  const consumerKnows = async (id: string) =>
    (await count(consumer, 'select count(*) as n from known_guided_choice where id = ?', [id])) === 1;

  it('applies an event before the mutation that published it answers; the catalogue announced itself at start', async () => {
    expect(await consumerKnows(await recordGuidedChoice())).toBe(true);
    await until(async () => (await count(consumer, 'select count(*) as n from known_solution')) === 39);
  });

  it('keeps events while the consumer is down, and applies them once when it is back', async () => {
    await consumer.events.pauseConsuming();
    const id = await recordGuidedChoice();
    expect(await consumerKnows(id)).toBe(false);
    // Relayed: the producer's outbox is empty, the event waits in the consumer's queue.
    expect(await count(producer, 'select count(*) as n from event_outbox where relayed_at is null')).toBe(0);
    await consumer.events.resumeConsuming();
    await until(() => consumerKnows(id));
    expect(
      await count(consumer, "select count(*) as n from event_inbox where topic = 'catalogue.guided-choice.recorded'"),
    ).toBe(2);
  });
});

describe('emails of one event', () => {
  let subgraph: TestSubgraph;
  let smtp: SMTPServer;
  const received: { to: string; messageId: string }[] = [];
  let refusals = 0;
  beforeAll(async () => {
    // A real SMTP server that refuses the second message it is given, once.
    let accepted = 0;
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          accepted += 1;
          if (accepted === 2 && refusals === 0) {
            refusals += 1;
            return callback(Object.assign(new Error('Mailbox busy, try again'), { responseCode: 451 }));
          }
          const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(Buffer.concat(chunks).toString())?.[1] ?? '';
          received.push({ to: session.envelope.rcptTo[0]!.address, messageId });
          callback();
        });
      },
    });
    const port = await freePort();
    await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
    subgraph = await startTestSubgraph(requests, databaseUrl(), {
      settings: { SMTP_URL: `smtp://127.0.0.1:${port}` },
      delivery: { retryLimit: 3, retryDelaySeconds: 1, retryDelayMaxSeconds: 1 },
    });
    // A third buyer of the entity, so that one event emails three people.
    await sql(
      subgraph.orm.em.fork(),
      `insert into person (id, first_name, last_name, email, role, entity_id, activated_at)
       values (?, 'Léa', 'Garnier', 'lea.garnier@entite.gouv.fr', 'BENEFICIARY', ?, now())`,
      [randomUUID(), SEED_ENTITY.id],
      'run',
    );
  });
  afterAll(async () => {
    await subgraph?.close();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  });

  it('are sent after the commit, and a refused one is retried alone: each recipient gets exactly one', async () => {
    const opened: ServicesOpened = {
      orderId: randomUUID(),
      orderReference: 'CC000042',
      entityId: SEED_ENTITY.id,
      brandId: ovh.id,
      fileNumber: null,
      note: null,
    };
    const event = { id: randomUUID(), topic: TOPICS.servicesOpened, payload: opened };
    expect(await subgraph.deliver(event)).toBe(true);
    // Delivered again (a redelivery): nothing more is sent.
    expect(await subgraph.deliver(event)).toBe(false);
    await until(async () => received.length === 3);
    // The retry of the refused one has come and gone: still three.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(refusals).toBe(1);
    expect(received.map((r) => r.to).sort()).toEqual([
      'clara.maurice@entite.gouv.fr',
      'lea.garnier@entite.gouv.fr',
      'marc.lefevre@entite.gouv.fr',
    ]);
    expect(new Set(received.map((r) => r.messageId)).size).toBe(3);
  });
});

describe('two replicas of ordering', () => {
  let replicas: TestSubgraph[];
  beforeAll(async () => {
    const databasePrefix = `r${randomBytes(4).toString('hex')}`;
    const first = await startTestSubgraph(ordering, databaseUrl(), { databasePrefix });
    replicas = [first, await startTestSubgraph(ordering, databaseUrl(), { databasePrefix })];
  });
  afterAll(async () => {
    for (const replica of replicas ?? []) await replica.close();
  });

  it('share one queue: 100 events, sent twice, make 100 effects, each applied once, by both replicas', async () => {
    const events = Array.from({ length: 100 }, () => {
      const request = submitted();
      return asRelayed('requestSubmitted', request, `request/${request.requestId}`);
    });
    const [first] = replicas;
    await first!.events.boss.insert(
      eventsQueue('ordering'),
      events.map((e) => e.job('ordering')),
    );
    // The same events again, as a second producer's relay might send a duplicate (other jobs, same event ids).
    await first!.events.boss.insert(
      eventsQueue('ordering'),
      events.map((e) => ({ ...e.job('ordering'), id: randomUUID() })),
    );
    const solicitations = () =>
      count(first!, 'select count(*) as n from solicitation where request_id in (?)', [
        events.map((e) => (e.event.payload as RequestSubmitted).requestId),
      ]);
    await until(
      async () =>
        replicas.every((r) => r.events.counters.eventsApplied + r.events.counters.eventsDuplicated > 0) &&
        replicas.reduce((n, r) => n + r.events.counters.eventsApplied + r.events.counters.eventsDuplicated, 0) === 200,
    );
    expect(await solicitations()).toBe(100);
    expect(replicas.reduce((n, r) => n + r.events.counters.eventsApplied, 0)).toBe(100);
    expect(replicas.every((r) => r.events.counters.eventsApplied > 0)).toBe(true);
  });
});

describe('a handler that always fails', () => {
  let subgraph: TestSubgraph;
  let broken = true;
  beforeAll(async () => {
    const consumes = ordering.consumes!;
    subgraph = await startTestSubgraph(
      {
        ...ordering,
        consumes: {
          ...consumes,
          [TOPICS.requestCancelled]: async (em, event, services) => {
            if (broken) throw new Error('closeSolicitations is broken');
            await consumes[TOPICS.requestCancelled]!(em, event, services);
          },
        },
      },
      databaseUrl(),
      { delivery: { retryLimit: 2, retryDelaySeconds: 1, retryDelayMaxSeconds: 1 } },
    );
  });
  afterAll(async () => {
    await subgraph?.close();
  });

  it('dead-letters the event after its attempts, holds back its file meanwhile, and applies it when replayed', async () => {
    const { boss } = subgraph.events;
    const request = submitted();
    const file = `request/${request.requestId}`;
    const opened = asRelayed('requestSubmitted', request, file);
    const cancelled = asRelayed('requestCancelled', { requestId: request.requestId }, file);
    const other = submitted();
    const unrelated = asRelayed('requestSubmitted', other, `request/${other.requestId}`);
    await boss.insert(eventsQueue('ordering'), [opened.job('ordering')]);
    await boss.insert(eventsQueue('ordering'), [cancelled.job('ordering')]);
    // A later event of the same file (its brands solicited again) must wait behind the failed one.
    const resubmitted = asRelayed(
      'requestSubmitted',
      { ...request, brands: [...request.brands, { brandId: SEED_BRANDS[1]!.id, solutionIds: [] }] },
      file,
    );
    await boss.insert(eventsQueue('ordering'), [resubmitted.job('ordering')]);
    await boss.insert(eventsQueue('ordering'), [unrelated.job('ordering')]);

    const solicitationsOf = (requestId: string, open?: boolean) =>
      count(
        subgraph,
        `select count(*) as n from solicitation where request_id = ?${open === undefined ? '' : open ? ' and closed_at is null' : ' and closed_at is not null'}`,
        [requestId],
      );
    await until(async () => (await listDeadLetters(boss, ['ordering'])).length === 1);
    const [letter] = await listDeadLetters(boss, ['ordering']);
    expect(letter).toMatchObject({
      subgraph: 'ordering',
      queue: 'ordering.events',
      attempts: 3,
      error: 'closeSolicitations is broken',
      data: { id: cancelled.event.id, topic: TOPICS.requestCancelled },
    });
    // Other files go on; this file's later event waits.
    expect(await solicitationsOf(other.requestId)).toBe(1);
    expect(await solicitationsOf(request.requestId)).toBe(1);
    expect(await boss.getBlockedKeys(eventsQueue('ordering'))).toEqual([file]);
    await until(async () => subgraph.events.counters.deadLetters === 1, 3_000);

    broken = false;
    expect(await replayDeadLetter(boss, 'ordering', letter!.id)).toBe(true);
    // Applied in order: closed, then the second brand's solicitation opened.
    await until(async () => (await solicitationsOf(request.requestId)) === 2);
    expect(await solicitationsOf(request.requestId, false)).toBe(1);
    expect(await listDeadLetters(boss, ['ordering'])).toEqual([]);
    expect(await boss.getBlockedKeys(eventsQueue('ordering'))).toEqual([]);
  });
});
