import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Identity } from '@nuage/platform';
import { graphql } from '@nuage/fixtures/graphql';
import { startTestStack, type TestStack } from '../src/test-stack.js';
import { PEOPLE, act, draftRequestSolicitingTwoBrands, inDays, submitDraft } from '../src/journey.js';

/** Suppliers' systems as integrators: signed webhooks, the event feed, deadlines, sealed proposals, comparison. */
const { beneficiary, manager, ovh, outscale, aws, ugap } = PEOPLE;
let stack: TestStack;

/** A supplier's system: an HTTP server that keeps what it receives and answers 500 as often as told. */
interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}
const received: Received[] = [];
const failuresLeft = new Map<string, number>();
let receiver: Server;
let receiverUrl = '';

/** The documented check: `t` within the tolerance, and one `v1` equal to HMAC-SHA256(secret, "t.body"). */
function verifySignature(header: string, body: string, secret: string, toleranceSeconds = 300): boolean {
  const parts = header.split(',').map((part) => part.split('=', 2) as [string, string]);
  const t = Number(parts.find(([key]) => key === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return parts
    .filter(([key]) => key === 'v1')
    .some(([, hex]) => {
      const given = Buffer.from(hex, 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, withinMs = 10_000) {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Still waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const arrivals = (path: string, eventId?: string) =>
  received.filter((r) => r.path === path && (!eventId || r.headers['nuage-event-id'] === eventId));

const REGISTER = graphql(`
  mutation Register($input: WebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      registration { secret endpoint { id url eventTypes enabled } }
      errors { code field message }
    }
  }
`);
const register = async (who: Identity, path: string, eventTypes: string[]) => {
  const data = await act(stack, who, REGISTER, {
    input: { url: `${receiverUrl}${path}`, eventTypes: eventTypes as never },
  });
  return data.createWebhookEndpoint.registration!;
};

const ENDPOINTS = graphql(`
  query Endpoints {
    webhookEndpoints(first: 10) {
      edges { node { id url enabled consecutiveFailures disabledAt
        deliveries(first: 20) { edges { node { id status attempts lastResponseCode lastLatencyMs event { id type } } } } } }
    }
  }
`);
const endpointsOf = async (who: Identity) =>
  (await act(stack, who, ENDPOINTS)).webhookEndpoints!.edges.map((e) => e.node);

const FEED = graphql(`
  query Feed($types: [EventType!], $after: String) {
    events(first: 50, types: $types, after: $after) {
      edges { node { id type typeLabel occurredAt reference summary request { id fileNumber } proposal { id } } }
      pageInfo { endCursor }
    }
  }
`);
const feedOf = async (who: Identity, types?: string[]) =>
  (await act(stack, who, FEED, { types: types as never })).events!.edges.map((e) => e.node);

const CONSULTATION = graphql(`
  query Consultation($id: ID!) {
    request(id: $id) {
      proposals { id number brand { name } }
      consultation {
        responseDeadline sealed openedAt openedBy proposalsReceived awaitedAnswers
        receivedFrom { brand { name } }
        declines { brand { name } reason }
        extensions { reason }
      }
    }
  }
`);
const consultationSeenBy = async (who: Identity, id: string) => (await act(stack, who, CONSULTATION, { id })).request!;

const PROPOSE = graphql(`
  mutation Propose($requestId: ID!, $key: String!, $input: ProposalTermsInput!) {
    submitProposal(requestId: $requestId, idempotencyKey: $key, input: $input) {
      proposal { id number }
      errors { code field message }
    }
  }
`);
// The guide's two kinds of offer: a 12-month one-off at 3 516,29 € and OUTSCALE's 36-month
// subscription, billed yearly in advance, at 10 000,00 € less 3,1 %.
const ONE_OFF_12_MONTHS = {
  validUntil: inDays(60),
  commitmentMonths: 12,
  billingPeriod: 'ONE_OFF' as const,
  billingTiming: 'IN_ADVANCE' as const,
  lines: [{ designation: 'Hébergement 12 mois', quantity: '1', listUnitPrice: '3516.29', unitPrice: '3516.29' }],
};
const SUBSCRIPTION_36_MONTHS = {
  validUntil: inDays(60),
  commitmentMonths: 36,
  billingPeriod: 'ANNUAL' as const,
  billingTiming: 'IN_ADVANCE' as const,
  lines: [
    {
      productCode: '145893',
      designation: 'Outscale Cloud Secteur Public SecNumCloud',
      quantity: '1',
      listUnitPrice: '10000.00',
      unitPrice: '9690.00',
    },
  ],
};
const propose = (who: Identity, requestId: string, input: typeof ONE_OFF_12_MONTHS | typeof SUBSCRIPTION_36_MONTHS) =>
  stack
    .query(who, PROPOSE, { requestId, key: `${who.userId}-${requestId}`, input: input as never })
    .then(({ data }) => data!.submitProposal);

const secondsFromNow = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

let ovhSecret = '';
let soliciting = '';

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString(), at: Date.now() });
      const left = failuresLeft.get(path) ?? 0;
      if (left > 0) failuresLeft.set(path, left - 1);
      res.writeHead(left > 0 ? 500 : 200).end(left > 0 ? 'busy' : 'ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  stack = await startTestStack(inject('databaseUrl'), {
    settings: {
      requests: {
        WEBHOOK_ALLOWED_HOSTS: ['127.0.0.1'],
        WEBHOOK_RETRY_DELAY_SECONDS: 1,
        WEBHOOK_RETRY_DELAY_MAX_SECONDS: 1,
        WEBHOOK_DISABLE_AFTER_FAILURES: 3,
      },
      ordering: { CONSULTATION_CLOCK_SECONDS: 1 },
    },
  });
});

afterAll(async () => {
  await stack?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe("a supplier's system", () => {
  it('gets a signed webhook within a second of a request soliciting its brand being submitted, and a retried one after answering 500', async () => {
    ovhSecret = (await register(ovh, '/ovh', ['REQUEST_SUBMITTED', 'PROPOSALS_OPENED', 'MESSAGE_POSTED'])).secret;
    const outscaleSecret = (await register(outscale, '/outscale', ['REQUEST_SUBMITTED'])).secret;
    const awsEndpoint = await register(aws, '/aws', []);
    expect(awsEndpoint.endpoint.eventTypes).toEqual([]);
    failuresLeft.set('/outscale', 1);
    soliciting = await draftRequestSolicitingTwoBrands(stack);
    await submitDraft(stack, soliciting, {});
    const submittedAt = Date.now();

    const first = await until('the OVHcloud delivery', () => arrivals('/ovh')[0]);
    expect(first!.at - submittedAt).toBeLessThan(1_000);
    expect(verifySignature(String(first!.headers['nuage-signature']), first!.body, ovhSecret)).toBe(true);
    expect(verifySignature(String(first!.headers['nuage-signature']), first!.body, outscaleSecret)).toBe(false);
    const event = JSON.parse(first!.body);
    expect(event).toMatchObject({ type: 'REQUEST_SUBMITTED', requestId: soliciting, subject: { type: 'REQUEST' } });
    expect(first!.headers['nuage-event-id']).toBe(event.id);

    // 3DS Outscale's system answered 500 once: the same event comes again, and is then logged as received.
    const attempts = await until('the retried delivery', () => {
      const both = arrivals('/outscale');
      return both.length >= 2 ? both : undefined;
    });
    expect(new Set(attempts.map((a) => a.headers['nuage-event-id'])).size).toBe(1);
    expect(verifySignature(String(attempts[1]!.headers['nuage-signature']), attempts[1]!.body, outscaleSecret)).toBe(
      true,
    );
    const [log] = await until('the delivery log', async () => {
      const [endpoint] = await endpointsOf(outscale);
      const delivery = endpoint?.deliveries.edges[0]?.node;
      return delivery?.status === 'SUCCEEDED' ? [delivery] : undefined;
    });
    expect(log).toMatchObject({ attempts: 2, lastResponseCode: 200, event: { id: event.id } });
    expect(log!.lastLatencyMs).toBeGreaterThanOrEqual(0);
    // AWS was not solicited: its endpoint, which wants every type, heard nothing of it.
    expect(arrivals('/aws').filter((a) => JSON.parse(a.body).requestId === soliciting)).toEqual([]);
  });

  it("reads the same event in its feed, with the request it concerns; another brand's feed does not have it", async () => {
    const [event] = await feedOf(ovh, ['REQUEST_SUBMITTED']);
    expect(event).toMatchObject({ typeLabel: 'Nouvelle demande à traiter', request: { id: soliciting } });
    expect(JSON.parse(arrivals('/ovh')[0]!.body).id).toBe(event!.id);
    expect(await feedOf(aws, ['REQUEST_SUBMITTED'])).toEqual([]);
    expect((await feedOf(ugap, ['REQUEST_SUBMITTED'])).map((e) => e.id)).toContain(event!.id);
    expect((await feedOf(beneficiary, ['REQUEST_SUBMITTED'])).map((e) => e.id)).toContain(event!.id);
    expect(await feedOf(PEOPLE.stranger, ['REQUEST_SUBMITTED'])).toEqual([]);
  });

  it('is notified of a new request to answer and of a message, as the market holder is', async () => {
    const KINDS = graphql(`query Kinds { notifications(first: 50) { edges { node { kind } } } }`);
    const kinds = async (who: Identity) =>
      (await act(stack, who, KINDS)).notifications!.edges.map((e) => e.node.kind as string);
    expect(await kinds(ovh)).toContain('REQUEST_TO_ANSWER');
    expect(await kinds(aws)).not.toContain('REQUEST_TO_ANSWER');
    await act(
      stack,
      beneficiary,
      graphql(`mutation Post($input: PostMessageInput!) { postMessage(input: $input) { errors { code } } }`),
      {
        input: {
          requestId: soliciting,
          audience: 'BRAND',
          brandId: ovh.brandId!,
          body: 'Pouvez-vous préciser le SLA ?',
        },
      },
    );
    expect(await kinds(ovh)).toContain('MESSAGE_RECEIVED');
    expect(await kinds(PEOPLE.holder)).toContain('MESSAGE_RECEIVED');
    expect(await kinds(outscale)).not.toContain('MESSAGE_RECEIVED');
    await until('the message webhook', () =>
      arrivals('/ovh').find((a) => JSON.parse(a.body).type === 'MESSAGE_POSTED'),
    );
  });

  it('never sees which other brands were solicited (the request, the guided choice)', async () => {
    const SEEN = graphql(`
      query Seen($id: ID!) {
        request(id: $id) {
          solutions { brand { name } }
          guidedChoice { evaluation { matches(first: 50) { edges { node { brand { name } } } } exclusions(first: 50) { edges { node { brand { name } } } } } }
        }
      }
    `);
    const brandsSeenBy = async (who: Identity) => {
      const request = (await act(stack, who, SEEN, { id: soliciting })).request!;
      const evaluation = request.guidedChoice!.evaluation;
      return {
        solicited: request.solutions.map((s) => s.brand!.name),
        evaluated: new Set(
          [...evaluation.matches.edges, ...evaluation.exclusions.edges].map((e) => e.node.brand!.name),
        ),
      };
    };
    const seenByOvh = await brandsSeenBy(ovh);
    expect(seenByOvh.solicited).toEqual(['OVHCLOUD']);
    expect([...seenByOvh.evaluated]).toEqual(['OVHCLOUD']);
    const seenByBuyer = await brandsSeenBy(beneficiary);
    expect(seenByBuyer.solicited.sort()).toEqual(['3DS OUTSCALE', 'OVHCLOUD']);
    expect(seenByBuyer.evaluated.size).toBeGreaterThan(2);
  });
});

describe('sealed proposals', () => {
  it('show the buyer and the manager only who answered; opening early waits for every brand, a decline counts', async () => {
    const sealedRequest = soliciting; // a guided choice soliciting two brands: sealed by default
    const sent = await propose(ovh, sealedRequest, ONE_OFF_12_MONTHS);
    expect(sent.errors).toEqual([]);
    for (const who of [beneficiary, manager]) {
      const seen = await consultationSeenBy(who, sealedRequest);
      expect(seen.proposals).toEqual([]);
      expect(seen.consultation).toMatchObject({
        sealed: true,
        openedAt: null,
        proposalsReceived: 1,
        awaitedAnswers: 1,
        receivedFrom: [{ brand: { name: 'OVHCLOUD' } }],
      });
    }
    const PROPOSAL = graphql(`query Proposal($id: ID!) { proposal(id: $id) { number } }`);
    const read = await stack.query(beneficiary, PROPOSAL, { id: sent.proposal!.id });
    expect(read.data?.proposal).toBeNull();
    expect(read.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Its own supplier reads it; the other solicited brand learns nothing of it.
    expect((await stack.query(ovh, PROPOSAL, { id: sent.proposal!.id })).data?.proposal).toEqual({
      number: sent.proposal!.number,
    });
    expect((await consultationSeenBy(outscale, sealedRequest)).consultation!.receivedFrom).toEqual([]);

    const OPEN = graphql(
      `mutation Open($id: ID!) { openProposals(requestId: $id) { consultation { openedBy } errors { code message } } }`,
    );
    const early = await stack.query(beneficiary, OPEN, { id: sealedRequest });
    expect(early.data!.openProposals.errors.map((e) => e.code)).toEqual(['CONFLICT']);

    await act(
      stack,
      outscale,
      graphql(
        `mutation Decline($id: ID!, $reason: String!) { declineRequest(requestId: $id, reason: $reason) { errors { code } } }`,
      ),
      { id: sealedRequest, reason: 'Capacité indisponible à cette date.' },
    );
    const afterDecline = await consultationSeenBy(beneficiary, sealedRequest);
    expect(afterDecline.consultation!.declines).toEqual([
      { brand: { name: '3DS OUTSCALE' }, reason: 'Capacité indisponible à cette date.' },
    ]);
    expect(afterDecline.consultation!.awaitedAnswers).toBe(0);

    const opened = await act(stack, beneficiary, OPEN, { id: sealedRequest });
    expect(opened.openProposals.consultation!.openedBy).toBe('BY_BUYER');
    expect((await consultationSeenBy(beneficiary, sealedRequest)).proposals.map((p) => p.brand!.name)).toEqual([
      'OVHCLOUD',
    ]);
    await until('the opening webhook', () =>
      arrivals('/ovh').find((a) => JSON.parse(a.body).type === 'PROPOSALS_OPENED'),
    );
  });

  it('open together at the deadline, and the comparison ranks them like for like over the need', async () => {
    const id = await draftRequestSolicitingTwoBrands(stack);
    await submitDraft(stack, id, { responseDeadline: secondsFromNow(4) });
    expect((await propose(ovh, id, ONE_OFF_12_MONTHS)).errors).toEqual([]);
    expect((await propose(outscale, id, SUBSCRIPTION_36_MONTHS)).errors).toEqual([]);
    const COMPARE = graphql(`
      query Compare($id: ID!) {
        request(id: $id) {
          proposalComparison {
            durationMonths sealedCount
            proposals { rank terms totalExclVat { amount } totalInclVat { amount formatted } aboveCheapestExclVat { amount } proposal { brand { name } } notes { kind } }
          }
        }
      }
    `);
    const whileSealed = (await act(stack, beneficiary, COMPARE, { id })).request!.proposalComparison!;
    expect(whileSealed).toMatchObject({ sealedCount: 2, proposals: [] });
    expect((await consultationSeenBy(beneficiary, id)).proposals).toEqual([]);

    const opened = await until('the opening at the deadline', async () => {
      const seen = await consultationSeenBy(beneficiary, id);
      return seen.consultation!.openedAt ? seen : undefined;
    });
    expect(opened.consultation!.openedBy).toBe('AT_DEADLINE');
    expect(opened.proposals.map((p) => p.brand!.name).sort()).toEqual(['3DS OUTSCALE', 'OVHCLOUD']);
    const openings = (await feedOf(beneficiary, ['PROPOSALS_OPENED'])).filter((e) => e.request?.id === id);
    expect(openings).toHaveLength(1);

    // Raw totals put the one-off first (3 516,29 € against 9 690,00 €); over the need's 36 months
    // it must be bought three times (10 548,87 €), and OUTSCALE's subscription ranks first.
    const compared = (await act(stack, manager, COMPARE, { id })).request!.proposalComparison!;
    expect(compared.durationMonths).toBe(36);
    expect(
      compared.proposals.map((p) => [
        p.proposal.brand.name,
        p.rank,
        p.terms,
        p.totalExclVat.amount,
        p.totalInclVat.amount,
      ]),
    ).toEqual([
      ['3DS OUTSCALE', 1, 1, '9690.00', '11628.00'],
      ['OVHCLOUD', 2, 3, '10548.87', '12658.65'],
    ]);
    expect(compared.proposals[1]!.aboveCheapestExclVat.amount).toBe('858.87');
    expect(compared.proposals[0]!.totalInclVat.formatted).toBe('11\u202f628,00\u00a0€');
    expect(compared.proposals[1]!.notes.map((n) => n.kind)).toContain('RENEWALS_NEEDED');
    const forSupplier = await stack.query(ovh, COMPARE, { id });
    expect(forSupplier.data?.request?.proposalComparison ?? null).toBeNull();
  });
});

describe('response deadlines', () => {
  it('refuse a proposal once passed, with a typed error and nothing written, until the buyer extends it (recorded)', async () => {
    const id = await draftRequestSolicitingTwoBrands(stack);
    const deadline = secondsFromNow(3);
    await submitDraft(stack, id, { sealedProposals: false, responseDeadline: deadline });
    expect((await consultationSeenBy(ovh, id)).consultation!.responseDeadline).toBe(deadline);
    // Within the reminder window (48 hours) from the start: the brands that have not answered are reminded.
    await until('the reminder', async () =>
      (await feedOf(ovh, ['RESPONSE_DEADLINE_NEAR'])).find((e) => e.request?.id === id),
    );
    await new Promise((resolve) => setTimeout(resolve, Date.parse(deadline) - Date.now() + 200));
    const late = await propose(ovh, id, ONE_OFF_12_MONTHS);
    expect(late.errors.map((e) => e.code)).toEqual(['INVALID_TRANSITION']);
    expect(late.proposal).toBeNull();
    expect((await consultationSeenBy(beneficiary, id)).consultation!.proposalsReceived).toBe(0);

    await act(
      stack,
      beneficiary,
      graphql(`mutation Extend($id: ID!, $until: DateTimeISO!, $reason: String!) {
        extendResponseDeadline(requestId: $id, until: $until, reason: $reason) { errors { code } }
      }`),
      { id, until: secondsFromNow(3 * 86_400), reason: 'Un fournisseur a demandé un délai.' },
    );
    expect((await consultationSeenBy(beneficiary, id)).consultation!.extensions).toEqual([
      { reason: 'Un fournisseur a demandé un délai.' },
    ]);
    expect((await feedOf(ovh, ['RESPONSE_DEADLINE_EXTENDED'])).filter((e) => e.request?.id === id).length).toBe(1);
    expect((await propose(ovh, id, ONE_OFF_12_MONTHS)).errors).toEqual([]);
  });

  it('default to the end of the day ten working days on, when the buyer sets none', async () => {
    const { responseDeadline } = (await consultationSeenBy(beneficiary, soliciting)).consultation!;
    const days = (new Date(responseDeadline as string).getTime() - Date.now()) / 86_400_000;
    // Ten working days are two weeks, or more when a public holiday falls within.
    expect(days).toBeGreaterThan(13);
    expect(days).toBeLessThan(20);
  });
});

describe('webhook endpoints', () => {
  it('are signed with both secrets for a while after a rotation', async () => {
    const [endpoint] = await endpointsOf(ovh);
    const rotated = await act(
      stack,
      ovh,
      graphql(
        `mutation Rotate($id: ID!) { rotateWebhookSecret(id: $id) { registration { secret endpoint { previousSecretExpiresAt } } errors { code } } }`,
      ),
      { id: endpoint!.id },
    );
    const newSecret = rotated.rotateWebhookSecret.registration!.secret;
    expect(newSecret).not.toBe(ovhSecret);
    const id = await draftRequestSolicitingTwoBrands(stack);
    await submitDraft(stack, id, {});
    const delivery = await until('a delivery after the rotation', () =>
      arrivals('/ovh').find((a) => JSON.parse(a.body).requestId === id),
    );
    const header = String(delivery.headers['nuage-signature']);
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(verifySignature(header, delivery.body, newSecret)).toBe(true);
    expect(verifySignature(header, delivery.body, ovhSecret)).toBe(true);
    // A body changed on the way, or an old timestamp, does not verify.
    expect(verifySignature(header, delivery.body.replace('REQUEST', 'REQUESX'), newSecret)).toBe(false);
    expect(verifySignature(header, delivery.body, newSecret, -1)).toBe(false);
  });

  it('are disabled after a run of failures, and their owner is told', async () => {
    failuresLeft.set('/market', Number.POSITIVE_INFINITY);
    await register(ugap, '/market', []);
    const id = await draftRequestSolicitingTwoBrands(stack);
    await submitDraft(stack, id, { sealedProposals: false });
    const disabled = await until(
      'the endpoint to be disabled',
      async () => (await endpointsOf(ugap)).find((e) => !e.enabled),
      20_000,
    );
    expect(disabled.consecutiveFailures).toBeGreaterThanOrEqual(3);
    const KINDS = graphql(`query UgapKinds { notifications(first: 50) { edges { node { kind } } } }`);
    expect((await act(stack, ugap, KINDS)).notifications!.edges.map((e) => e.node.kind)).toContain(
      'WEBHOOK_ENDPOINT_DISABLED',
    );
    expect((await feedOf(ugap, ['WEBHOOK_ENDPOINT_DISABLED'])).length).toBe(1);
  });

  it('refuse bad input with a typed error and write nothing', async () => {
    const count = async () => (await endpointsOf(ovh)).length;
    const before = await count();
    const attempt = (url: string) =>
      stack
        .query(ovh, REGISTER, { input: { url, eventTypes: ['REQUEST_SUBMITTED'] } })
        .then(({ data }) => data!.createWebhookEndpoint.errors.map(({ code, field }) => ({ code, field })));
    expect(await attempt('http://hooks.example.com/nuage')).toEqual([{ code: 'BAD_USER_INPUT', field: 'input.url' }]);
    expect(await attempt('https://no-such-host.invalid/nuage')).toEqual([
      { code: 'BAD_USER_INPUT', field: 'input.url' },
    ]);
    expect(await attempt('https://10.0.0.7/nuage')).toEqual([{ code: 'BAD_USER_INPUT', field: 'input.url' }]);
    // Registered already: a retried registration gives no second endpoint.
    expect(await attempt(`${receiverUrl}/ovh`)).toEqual([{ code: 'CONFLICT', field: 'input.url' }]);
    const unknownType = await stack.query(ovh, REGISTER, {
      input: { url: `${receiverUrl}/ovh`, eventTypes: ['NOT_A_TYPE' as never] },
    });
    expect(unknownType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const beneficiaryTry = await stack.query(beneficiary, REGISTER, {
      input: { url: `${receiverUrl}/buyer`, eventTypes: [] },
    });
    expect(beneficiaryTry.data!.createWebhookEndpoint.errors.map((e) => e.code)).toEqual(['FORBIDDEN']);
    expect(await count()).toBe(before);

    // Another brand's delivery cannot be replayed, nor seen.
    const [ovhEndpoint] = await endpointsOf(ovh);
    const ovhDelivery = ovhEndpoint!.deliveries.edges[0]!.node;
    const REPLAY = graphql(
      `mutation Replay($id: ID!) { replayWebhookDelivery(id: $id) { delivery { status } errors { code } } }`,
    );
    const replayed = await stack.query(outscale, REPLAY, { id: ovhDelivery.id });
    expect(replayed.data!.replayWebhookDelivery.errors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    const arrivedBefore = arrivals('/ovh', ovhDelivery.event.id).length;
    const own = await act(stack, ovh, REPLAY, { id: ovhDelivery.id });
    expect(own.replayWebhookDelivery.delivery!.status).toBe('PENDING');
    await until('the replayed delivery', () =>
      arrivals('/ovh', ovhDelivery.event.id).length > arrivedBefore ? true : undefined,
    );
  });
});
