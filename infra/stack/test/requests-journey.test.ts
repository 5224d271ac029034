import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seededIdentity, SEED_ENTITY } from '@nuage/fixtures';
import { sqlStatementCount, stableId, todayInParis, type Identity } from '@nuage/platform';
import { startTestStack, type TestStack } from '../src/test-stack.js';
import { inDays, PEOPLE, placeOrderWithOvh } from '../src/journey.js';
import { graphql, type VariablesOf } from '@nuage/fixtures/graphql';

/** Steps 1–4 of the journey through the gateway: guided choice, request, need, submission, messages, documents. */
let stack: TestStack;
const as = seededIdentity;
const beneficiary = as('beneficiary');
const marketHolder = as('market-holder');
const ovh = as('supplier:ovhcloud');
const outscale = as('supplier:3ds-outscale');
const aws = as('supplier:aws');
const { stranger } = PEOPLE;
const solutionId = (brand: string, name: string) => stableId('solution', `${brand}/${name}`);
const brandId = (name: string) => stableId('brand', name);

const OVH_SNC = { brandId: brandId('OVHCLOUD'), solutionId: solutionId('OVHCLOUD', 'OVH Private Cloud SecNumCloud') };
const OUTSCALE_SNC = {
  brandId: brandId('3DS OUTSCALE'),
  solutionId: solutionId('3DS OUTSCALE', 'Outscale Cloud Secteur Public SecNumCloud'),
};
const NEED = {
  desiredStartDate: inDays(30),
  durationYears: 3,
  text: 'Créer un environnement Cloud avec 4 machines virtuelles : 2 serveurs Windows SQL (32 Go, 4 vCPU), 2 serveurs IIS (16 Go, 2 vCPU).',
};
const REQUEST = graphql(`
  fragment RequestFields on Request {
    id fileNumber status statusLabel kind myReference availableActions project { codeName }
    solutions { brand { name } solution { name } } derogationReason derogationSignedBy needText durationYears
  }
`);
const DRAFT = graphql(
  `mutation Draft($input: CreateRequestDraftInput!) { createRequestDraft(input: $input) { request { ...RequestFields } errors { code field message } } }`,
  [REQUEST],
);
const SUBMIT = graphql(
  `mutation Submit($id: ID!) { submitRequest(id: $id) { request { ...RequestFields } errors { code field message } } }`,
  [REQUEST],
);
type DraftInput = VariablesOf<typeof DRAFT>['input'];

beforeAll(async () => {
  stack = await startTestStack(inject('databaseUrl'));
});
afterAll(() => stack?.close());

async function recordGuidedChoice(projectName = 'Environnement Cloud - Projet') {
  const { data } = await stack.query(
    beneficiary,
    graphql(
      `mutation($input: RecordGuidedChoiceInput!) { recordGuidedChoice(input: $input) { guidedChoice { id } errors { message } } }`,
    ),
    {
      input: {
        projectName,
        asOf: '2024-10-02',
        answers: [
          { question: 'EXTRA_EU_LEGISLATION', option: 'ALL_PROVIDERS' },
          { question: 'CERTIFICATIONS', option: 'SECNUMCLOUD' },
          { question: 'SUPERVISION', option: 'CMDB', requirement: 'DESIRED' },
        ],
      },
    },
  );
  return data!.recordGuidedChoice!.guidedChoice!.id as string;
}

async function draft(caller: Identity, input: DraftInput) {
  const response = await stack.query(caller, DRAFT, { input });
  return response.errors
    ? {
        request: null,
        errors: response.errors.map((e) => ({ code: String(e.extensions?.code), field: null as string | null })),
      }
    : response.data!.createRequestDraft;
}
const submit = async (caller: Identity, id: string) => (await stack.query(caller, SUBMIT, { id })).data!.submitRequest;

/** A new project of the entity, created by a first draft, by its code name. */
async function newProject(prefix: string) {
  const codeName = `${prefix} ${Math.random().toString(36).slice(2, 8)}`;
  const created = await draft(beneficiary, {
    kind: 'DEROGATION',
    project: { new: { codeName, shortDescription: 'Projet' } },
  });
  expect(created.errors).toEqual([]);
  return { codeName, id: await projectId(codeName) };
}

/** A guided-choice request soliciting OVHcloud and 3DS Outscale, on a project of its own, submitted. */
async function submittedGuidedRequest() {
  const project = await newProject('Environnement Cloud');
  const saved = await draft(beneficiary, {
    kind: 'GUIDED_CHOICE',
    project: { id: project.id },
    guidedChoiceId: await recordGuidedChoice(project.codeName),
    solutions: [OVH_SNC, OUTSCALE_SNC],
    need: NEED,
  });
  const submitted = await submit(beneficiary, saved.request!.id);
  expect(submitted.errors).toEqual([]);
  await stack.settle();
  return { id: saved.request!.id, fileNumber: submitted.request!.fileNumber!, project };
}

/** A derogation to two OVHcloud solutions, on a project of its own, submitted. */
async function submittedDerogation() {
  const project = await newProject('Calcul intensif');
  const saved = await draft(beneficiary, {
    kind: 'DEROGATION',
    project: { id: project.id },
    solutions: [
      { brandId: brandId('OVHCLOUD'), solutionId: solutionId('OVHCLOUD', 'BareMetal') },
      { brandId: brandId('OVHCLOUD'), solutionId: solutionId('OVHCLOUD', 'OVH Public Cloud') },
    ],
    derogationReason: 'Continuité avec le marché précédent, équipes formées sur cet environnement.',
    need: NEED,
  });
  expect((await submit(beneficiary, saved.request!.id)).errors).toEqual([]);
  await stack.settle();
  return { id: saved.request!.id, project };
}

describe('a guided-choice request, from draft to the providers', () => {
  it('is saved as a draft, resumed, submitted with a file number, and reaches the solicited brands only', async () => {
    const guidedChoiceId = await recordGuidedChoice();
    const saved = await draft(beneficiary, {
      kind: 'GUIDED_CHOICE',
      project: {
        new: {
          codeName: 'Environnement Cloud - Projet',
          shortDescription: 'Hébergement SecNumCloud des applications métier',
        },
      },
      guidedChoiceId,
      solutions: [OVH_SNC, OUTSCALE_SNC],
      need: { durationYears: 3 },
    });
    expect(saved.errors).toEqual([]);
    expect(saved.request).toMatchObject({
      fileNumber: null,
      status: 'DRAFT',
      statusLabel: 'Brouillon',
      availableActions: ['UPDATE_REQUEST_DRAFT', 'SUBMIT_REQUEST', 'CANCEL_REQUEST'],
    });
    const guidedRequestId = saved.request!.id;

    const incomplete = await submit(beneficiary, guidedRequestId);
    expect(incomplete.errors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'need.text' })]);

    const resumed = await stack.query(
      beneficiary,
      graphql(
        `mutation($id: ID!, $input: RequestDraftChanges!) { updateRequestDraft(id: $id, input: $input) { errors { field } } }`,
      ),
      { id: guidedRequestId, input: { need: NEED, myReference: 'DSI-2026-042' } },
    );
    expect(resumed.data!.updateRequestDraft!.errors).toEqual([]);

    const submitted = await submit(beneficiary, guidedRequestId);
    expect(submitted.errors).toEqual([]);
    expect(submitted.request!.fileNumber).toMatch(/^\d{6}-\d{2}$/);
    const [number, key] = submitted.request!.fileNumber!.split('-').map(Number);
    expect(key).toBe(97 - (number! % 97));
    expect(submitted.request!.solutions.map((s) => `${s.brand.name} / ${s.solution!.name}`).sort()).toEqual([
      '3DS OUTSCALE / Outscale Cloud Secteur Public SecNumCloud',
      'OVHCLOUD / OVH Private Cloud SecNumCloud',
    ]);

    // The ordering subgraph learnt of it by event and told the requests subgraph back.
    await stack.settle();
    const status = await stack.query(
      beneficiary,
      graphql(
        `query($id: ID!) { request(id: $id) { status statusLabel myReference guidedChoice { projectName evaluation { matchCount } } } }`,
      ),
      { id: guidedRequestId },
    );
    expect(status.data!.request).toEqual({
      status: 'AWAITING_PROVIDER',
      statusLabel: 'En attente fournisseur',
      myReference: 'DSI-2026-042',
      guidedChoice: { projectName: 'Environnement Cloud - Projet', evaluation: { matchCount: 3 } },
    });

    const toAnswer = async (supplier: Identity) =>
      (
        await stack.query(
          supplier,
          graphql(
            `{ requestsToAnswer(first: 50) { edges { node { fileNumber request { id needText solutions { solution { name } } } } } } }`,
          ),
        )
      ).data!.requestsToAnswer!.edges.map((e) => e.node);
    const forOvh = await toAnswer(ovh);
    expect(forOvh).toEqual([
      {
        fileNumber: submitted.request!.fileNumber,
        request: {
          id: guidedRequestId,
          needText: NEED.text,
          solutions: [{ solution: { name: 'OVH Private Cloud SecNumCloud' } }],
        },
      },
    ]);
    expect(await toAnswer(aws)).toEqual([]);
    expect(
      (await stack.query(aws, graphql(`query($id: ID!) { request(id: $id) { id } }`), { id: guidedRequestId }))
        .errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
  });

  it('submits once under concurrency: one file number, the second submit refused', async () => {
    const { request } = await draft(beneficiary, {
      kind: 'GUIDED_CHOICE',
      project: { id: (await newProject('Environnement Cloud')).id },
      guidedChoiceId: await recordGuidedChoice(),
      solutions: [OVH_SNC],
      need: NEED,
    });
    const outcomes = await Promise.all([submit(beneficiary, request!.id), submit(beneficiary, request!.id)]);
    expect(outcomes.filter((o) => o.errors.length === 0)).toHaveLength(1);
    expect(outcomes.flatMap((o) => o.errors.map((e) => e.code))).toEqual(['INVALID_TRANSITION']);
  });
});

async function projectId(codeName: string): Promise<string> {
  const { data } = await stack.query(
    beneficiary,
    graphql(`{ projects(first: 100) { edges { node { id codeName } } } }`),
  );
  return data!.projects!.edges.find((e) => e.node.codeName === codeName)!.node.id;
}

describe('a derogation', () => {
  it('solicits one brand and one or more of its solutions, with a signed justification', async () => {
    const saved = await draft(beneficiary, {
      kind: 'DEROGATION',
      project: { new: { codeName: 'Calcul intensif', shortDescription: 'Serveurs dédiés pour simulations' } },
      solutions: [
        { brandId: brandId('OVHCLOUD'), solutionId: solutionId('OVHCLOUD', 'BareMetal') },
        { brandId: brandId('OVHCLOUD'), solutionId: solutionId('OVHCLOUD', 'OVH Public Cloud') },
      ],
      derogationReason: 'Continuité avec le marché précédent, équipes formées sur cet environnement.',
      need: NEED,
    });
    expect(saved.errors).toEqual([]);
    expect(saved.request).toMatchObject({
      derogationSignedBy: 'Clara Maurice',
      derogationReason: 'Continuité avec le marché précédent, équipes formées sur cet environnement.',
    });
    expect((await submit(beneficiary, saved.request!.id)).errors).toEqual([]);
  });
});

describe('a renewal on an existing project', () => {
  it('refuses a renewal on a new project, an unknown product and a quantity of zero', async () => {
    const onNew = await draft(beneficiary, {
      kind: 'RENEWAL',
      project: { new: { codeName: 'Nouveau', shortDescription: 'x' } },
    });
    expect(onNew.errors).toEqual([expect.objectContaining({ field: 'input.project' })]);
    const project = { id: (await newProject('Environnement Cloud')).id };
    expect(
      (
        await draft(beneficiary, {
          kind: 'RENEWAL',
          project,
          items: [{ productId: stableId('product', '000000'), quantity: '1' }],
        })
      ).errors,
    ).toEqual([expect.objectContaining({ field: 'input.items.0.productId' })]);
    expect(
      (await draft(beneficiary, { kind: 'RENEWAL', project, items: [{ designation: 'x', quantity: '0' }] })).errors,
    ).toEqual([expect.objectContaining({ field: 'input.items.0.quantity' })]);
  });
});

describe('bad input gets a typed error and changes nothing', () => {
  const countDrafts = async () =>
    (await stack.query(beneficiary, graphql(`{ requests(filter: { statuses: [DRAFT] }) { totalCount } }`))).data!
      .requests!.totalCount;
  it.each([
    [
      'an unknown solution',
      { solutions: [{ brandId: brandId('OVHCLOUD'), solutionId: stableId('solution', 'nope') }] },
      'input.solutions.0.solutionId',
    ],
    [
      'a solution of another brand',
      { solutions: [{ brandId: brandId('AWS'), solutionId: OVH_SNC.solutionId }] },
      'input.solutions.0.solutionId',
    ],
    ['two brands in a derogation', { solutions: [OVH_SNC, OUTSCALE_SNC] }, 'input.solutions'],
    ['a start date in the past', { need: { desiredStartDate: '2020-01-01' } }, 'input.need.desiredStartDate'],
    ['a duration of 0 years', { need: { durationYears: 0 } }, 'input.need.durationYears'],
    ['a duration of 11 years', { need: { durationYears: 11 } }, 'input.need.durationYears'],
    ['an empty need', { need: { text: '   ' } }, 'input.need.text'],
    ['a justification too short to mean anything', { derogationReason: 'car' }, 'input.derogationReason'],
    [
      'a new project without a name',
      { project: { new: { codeName: '', shortDescription: 'x' } } },
      'input.project.new.codeName',
    ],
  ])('%s', async (_, change, field) => {
    const before = await countDrafts();
    const outcome = await draft(beneficiary, {
      kind: 'DEROGATION',
      project: { new: { codeName: `Projet ${field} ${Math.random()}`, shortDescription: 'Test' } },
      ...change,
    });
    expect(outcome).toEqual({ request: null, errors: [expect.objectContaining({ code: 'BAD_USER_INPUT', field })] });
    expect(await countDrafts()).toBe(before);
  });

  it('a pair that is not among the guided choice’s results', async () => {
    const outcome = await draft(beneficiary, {
      kind: 'GUIDED_CHOICE',
      project: { id: (await newProject('Calcul intensif')).id },
      guidedChoiceId: await recordGuidedChoice(),
      solutions: [{ brandId: brandId('AWS'), solutionId: solutionId('AWS', 'Amazon EC2') }],
    });
    expect(outcome.errors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.solutions.0' })]);
  });

  it("someone else's request, and a supplier's attempt to write one", async () => {
    const { id: guidedRequestId } = await submittedGuidedRequest();
    const update = await stack.query(
      stranger,
      graphql(`mutation($id: ID!) { updateRequestDraft(id: $id, input: { myReference: "x" }) { errors { code } } }`),
      { id: guidedRequestId },
    );
    expect(update.data!.updateRequestDraft!.errors).toEqual([{ code: 'NOT_FOUND' }]);
    expect(
      (await draft(ovh, { kind: 'DEROGATION', project: { new: { codeName: 'x', shortDescription: 'y' } } })).errors,
    ).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    const changeSubmitted = await stack.query(
      beneficiary,
      graphql(
        `mutation($id: ID!) { updateRequestDraft(id: $id, input: { need: { durationYears: 2 } }) { errors { code } } }`,
      ),
      { id: guidedRequestId },
    );
    expect(changeSubmitted.data!.updateRequestDraft!.errors).toEqual([{ code: 'INVALID_TRANSITION' }]);
  });
});

describe('lists, messages and documents', () => {
  it('lists "Demandes de devis" by status, keyword (file number or project) and date range', async () => {
    const guided = await submittedGuidedRequest();
    const derogation = await submittedDerogation();
    const pending = await newProject('Brouillon');
    const list = async (caller: Identity, filter: Record<string, unknown>) =>
      (
        await stack.query(
          caller,
          graphql(
            `query($f: RequestFilter) { requests(filter: $f, first: 50) { totalCount edges { node { id fileNumber } } } }`,
          ),
          { f: filter },
        )
      ).data!.requests;
    expect((await list(beneficiary, { keyword: guided.fileNumber }))!.edges.map((e) => e.node.id)).toEqual([guided.id]);
    expect((await list(beneficiary, { keyword: derogation.project.codeName }))!.edges.map((e) => e.node.id)).toContain(
      derogation.id,
    );
    const drafts = (await list(beneficiary, { statuses: ['DRAFT'] }))!.edges;
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.every((e) => e.node.fileNumber === null)).toBe(true);
    expect((await list(beneficiary, { from: todayInParis(), to: todayInParis() }))!.totalCount).toBeGreaterThanOrEqual(
      3,
    );
    expect((await list(beneficiary, { to: '2020-01-01' }))!.totalCount).toBe(0);
    // A supplier sees the submitted requests that solicit its brand; the market holder every submitted one, never a draft.
    const seenByOutscale = (await list(outscale, {}))!.edges.map((e) => e.node.id);
    expect(seenByOutscale).toContain(guided.id);
    expect(seenByOutscale).not.toContain(derogation.id);
    expect(pending.codeName).toMatch(/^Brouillon /);
    const holder = await list(marketHolder, {});
    expect(holder!.edges.every((e) => e.node.fileNumber !== null)).toBe(true);
  });

  it('exchanges messages with a solicited brand, with unread counts per reader', async () => {
    const { id: guidedRequestId } = await submittedGuidedRequest();
    const POST = graphql(
      `mutation($input: PostMessageInput!) { postMessage(input: $input) { message { id authorName } errors { code field } } }`,
    );
    const post = (caller: Identity, input: Omit<VariablesOf<typeof POST>['input'], 'requestId'>) =>
      stack.query(caller, POST, { input: { requestId: guidedRequestId, ...input } });
    expect(
      (
        await post(beneficiary, {
          audience: 'BRAND',
          brandId: OVH_SNC.brandId,
          body: 'Pouvez-vous préciser les délais de mise en service ?',
        })
      ).data!.postMessage!.errors,
    ).toEqual([]);
    expect(
      (await post(beneficiary, { audience: 'MARKET_HOLDER', body: 'Question pour le titulaire.' })).data!.postMessage
        .errors,
    ).toEqual([]);
    const counts = async (caller: Identity) =>
      (
        await stack.query(
          caller,
          graphql(`query($id: ID!) { request(id: $id) { messageCount { total unread } messages { body } } }`),
          { id: guidedRequestId },
        )
      ).data!.request;
    expect((await counts(ovh))!.messageCount).toEqual({ total: 1, unread: 1 });
    expect((await counts(outscale))!.messageCount).toEqual({ total: 0, unread: 0 });
    expect((await counts(marketHolder))!.messageCount).toEqual({ total: 2, unread: 2 });
    expect((await counts(beneficiary))!.messageCount).toEqual({ total: 2, unread: 0 });
    expect((await post(ovh, { audience: 'BRAND', body: 'Sous 5 jours ouvrés.' })).data!.postMessage!.errors).toEqual(
      [],
    );
    expect((await counts(beneficiary))!.messageCount).toEqual({ total: 3, unread: 1 });
    expect(
      (
        await stack.query(
          beneficiary,
          graphql(`mutation($id: ID!) { markMessagesRead(requestId: $id) { count errors { code } } }`),
          { id: guidedRequestId },
        )
      ).data!.markMessagesRead,
    ).toEqual({ count: 1, errors: [] });
    expect((await counts(beneficiary))!.messageCount).toEqual({ total: 3, unread: 0 });
    expect((await post(ovh, { audience: 'MARKET_HOLDER', body: 'x' })).data!.postMessage!.errors).toEqual([
      { code: 'FORBIDDEN', field: null },
    ]);
    expect(
      (await post(beneficiary, { audience: 'BRAND', brandId: brandId('AWS'), body: 'x' })).data!.postMessage!.errors,
    ).toEqual([{ code: 'BAD_USER_INPUT', field: 'input.brandId' }]);
    expect((await post(beneficiary, { audience: 'MARKET_HOLDER', body: ' ' })).data!.postMessage!.errors).toEqual([
      { code: 'BAD_USER_INPUT', field: 'input.body' },
    ]);
  });

  it('uploads documents through the gateway within limits, lists them and serves them to readers only', async () => {
    const base = new URL('/', stack.gatewayUrl);
    const upload = async (caller: Identity, body: Buffer, contentType: string, fileName: string) => {
      const response = await fetch(new URL('/uploads/requests/documents', base), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await stack.tokenFor(caller)}`,
          'content-type': contentType,
          'x-file-name': encodeURIComponent(fileName),
        },
        body: new Uint8Array(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, any> };
    };
    const pdf = Buffer.from('%PDF-1.4\n% cahier des charges\n');
    const uploaded = await upload(beneficiary, pdf, 'application/pdf', 'Cahier des charges.pdf');
    expect(uploaded).toMatchObject({ status: 201, body: { fileName: 'Cahier des charges.pdf', size: pdf.length } });
    expect(await upload(beneficiary, Buffer.alloc(11 * 1024 * 1024), 'application/pdf', 'big.pdf')).toMatchObject({
      status: 400,
      body: { error: { code: 'BAD_USER_INPUT', field: 'body' } },
    });
    expect(await upload(beneficiary, Buffer.from('MZ'), 'application/x-msdownload', 'virus.exe')).toMatchObject({
      status: 400,
      body: { error: { code: 'BAD_USER_INPUT', field: 'content-type' } },
    });

    const { request } = await draft(beneficiary, {
      kind: 'GUIDED_CHOICE',
      project: { id: (await newProject('Environnement Cloud')).id },
      guidedChoiceId: await recordGuidedChoice(),
      solutions: [OUTSCALE_SNC],
      need: { ...NEED, attachmentIds: [uploaded.body.id] },
    });
    expect((await submit(beneficiary, request!.id)).errors).toEqual([]);
    await stack.settle();
    const { data } = await stack.query(
      outscale,
      graphql(
        `query($id: ID!) { request(id: $id) { documents { kind fileName size contentType uploadedByName uploadedAt downloadUrl } } }`,
      ),
      { id: request!.id },
    );
    expect(data!.request!.documents).toEqual([
      expect.objectContaining({
        kind: 'NEED',
        fileName: 'Cahier des charges.pdf',
        size: pdf.length,
        contentType: 'application/pdf',
        uploadedByName: 'Clara Maurice',
      }),
      // The guided choice's PAAC report, which the catalogue serves to the brands it was addressed to.
      expect.objectContaining({ kind: 'REPORT', fileName: expect.stringMatching(/^PAAC-\d{17}\.pdf$/), size: null }),
    ]);
    const download = async (caller: Identity) =>
      fetch(new URL(data!.request!.documents[0]!.downloadUrl, base), {
        headers: { authorization: `Bearer ${await stack.tokenFor(caller)}` },
      });
    const file = await download(outscale);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(pdf);
    expect((await download(ovh)).status).toBe(404);
    expect((await download(stranger)).status).toBe(404);
    // An attached file cannot be attached again elsewhere.
    const again = await draft(beneficiary, {
      kind: 'DEROGATION',
      project: { id: (await newProject('Calcul intensif')).id },
      need: { attachmentIds: [uploaded.body.id] },
    });
    expect(again.errors).toEqual([expect.objectContaining({ field: 'input.need.attachmentIds.0' })]);
  });
});

describe('the dashboard and cancellation', () => {
  it('counts requests (requests subgraph) and orders (ordering subgraph) in one query', async () => {
    const DASHBOARD = graphql(
      `query Dashboard { dashboard { requestsInProgress draftRequests ordersInProgress orders } }`,
    );
    const counts = async () => {
      const { data, errors } = await stack.query(beneficiary, DASHBOARD);
      expect(errors).toBeUndefined();
      return data!.dashboard!;
    };
    const before = await counts();
    await submittedGuidedRequest(); // its project's first draft stays a draft
    expect(await counts()).toEqual({
      ...before,
      requestsInProgress: before.requestsInProgress + 1,
      draftRequests: before.draftRequests + 1,
    });
    await placeOrderWithOvh(stack);
    const after = await counts();
    expect(after).toMatchObject({ ordersInProgress: before.ordersInProgress + 1, orders: before.orders + 1 });
  });

  it('cancels a request: the solicited brands no longer see it to answer', async () => {
    const { id: derogationRequestId } = await submittedDerogation();
    const cancelled = await stack.query(
      beneficiary,
      graphql(
        `mutation($id: ID!) { cancelRequest(id: $id, reason: "Projet reporté") { request { status statusLabel } errors { code } } }`,
      ),
      { id: derogationRequestId },
    );
    expect(cancelled.data!.cancelRequest).toEqual({
      request: { status: 'CANCELLED', statusLabel: 'Annulée' },
      errors: [],
    });
    await stack.settle();
    const toAnswer = await stack.query(
      ovh,
      graphql(`{ requestsToAnswer(first: 50) { edges { node { request { id } } } } }`),
    );
    expect(toAnswer.data!.requestsToAnswer!.edges.map((e) => e.node.request!.id)).not.toContain(derogationRequestId);
    const twice = await stack.query(
      beneficiary,
      graphql(`mutation($id: ID!) { cancelRequest(id: $id, reason: "encore") { errors { code } } }`),
      { id: derogationRequestId },
    );
    expect(twice.data!.cancelRequest!.errors).toEqual([{ code: 'INVALID_TRANSITION' }]);
  });
});

describe('SQL statements', () => {
  it('listing requests with their project and messages costs the same for 5 and for 100 requests', async () => {
    const LIST =
      '{ requests(first: 100) { totalCount edges { node { fileNumber statusLabel project { codeName } messages { body } messageCount { total unread } solutions { brandId } } } } }';
    const statements = async () => {
      const before = sqlStatementCount(stack.subgraphs.requests.orm);
      const { errors } = await stack.query(beneficiary, LIST);
      expect(errors).toBeUndefined();
      return sqlStatementCount(stack.subgraphs.requests.orm) - before;
    };
    const few = await statements();
    const project = (await newProject('Calcul intensif')).id;
    for (let i = 0; i < 97; i++)
      await draft(beneficiary, { kind: 'DEROGATION', project: { id: project }, myReference: `R${i}` });
    const { data } = await stack.query(beneficiary, graphql(`{ requests { totalCount } }`));
    expect(data!.requests!.totalCount).toBeGreaterThanOrEqual(100);
    expect(await statements()).toBe(few);
    // The page, its count, projects, solutions, messages and the reader's message counts: one statement each.
    expect(few).toBe(6);
  });
});

it('lets anonymous callers open an invitation link, and nothing else', async () => {
  expect(beneficiary.entityId).toBe(SEED_ENTITY.id);
  const invitation = await stack.query(null, graphql(`{ invitation(token: "not-a-token") { email } }`));
  expect(invitation.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  const requests = await stack.query(null, graphql(`{ requests { totalCount } }`));
  expect(requests.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
});

// Last: the order it places changes what the lists and counts above see.
describe('a renewal of a real order', () => {
  it('lists order lines, catalogue products and non-referenced products with quantities, and solicits the current provider', async () => {
    const orderId = await placeOrderWithOvh(stack);
    const { data: placed } = await stack.query(
      beneficiary,
      graphql(`query { orders(first: 1) { edges { node { id projectName lines { id designation } } } } }`),
    );
    const order = placed!.orders!.edges[0]!.node;
    expect(order.id).toBe(orderId);
    const productId = stableId('product', '145897'); // "Prestation d'abonnement OVHCLOUD Engagement 12 mois"
    const saved = await draft(beneficiary, {
      kind: 'RENEWAL',
      project: { id: await projectId(order.projectName!) },
      // No brand named: the renewal solicits the brand of the order it renews.
      items: [
        { orderId, orderLineId: order.lines[0]!.id, quantity: '1' },
        { productId, quantity: '2.50' },
        { designation: 'Accompagnement à la migration (non référencé)', quantity: '3' },
      ],
      need: NEED,
    });
    expect(saved.errors).toEqual([]);
    expect(saved.request!.solutions).toEqual([{ brand: { name: 'OVHCLOUD' }, solution: null }]);
    const { data } = await stack.query(
      beneficiary,
      graphql(
        `query($id: ID!) { request(id: $id) { kindLabel items { orderId productCode designation quantity product { code price { label } } } } }`,
      ),
      { id: saved.request!.id },
    );
    expect(data!.request!.kindLabel).toBe('Renouvellement');
    expect(data!.request!.items).toEqual([
      { orderId, productCode: '145897', designation: order.lines[0]!.designation, quantity: '1.00', product: null },
      {
        orderId: null,
        productCode: '145897',
        designation: "Prestation d'abonnement OVHCLOUD Engagement 12 mois",
        quantity: '2.50',
        product: { code: '145897', price: { label: 'Sur cotation (prix indicatif)' } },
      },
      {
        orderId: null,
        productCode: null,
        designation: 'Accompagnement à la migration (non référencé)',
        quantity: '3.00',
        product: null,
      },
    ]);
    const submitted = await submit(beneficiary, saved.request!.id);
    expect(submitted.errors).toEqual([]);
    // "Ma référence" stays editable once submitted.
    const reference = await stack.query(
      beneficiary,
      graphql(
        `mutation($id: ID!) { setRequestReference(id: $id, myReference: "BC-2026-117") { request { myReference } errors { code } } }`,
      ),
      { id: saved.request!.id },
    );
    expect(reference.data!.setRequestReference).toEqual({ request: { myReference: 'BC-2026-117' }, errors: [] });

    // Only orders the ordering subgraph announced for the buyer's entity, and only their lines, can be renewed.
    const unknownOrder = await draft(beneficiary, {
      kind: 'RENEWAL',
      project: { id: await projectId(order.projectName!) },
      items: [{ orderId: stableId('order', 'nowhere'), quantity: '1' }],
    });
    expect(unknownOrder.errors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: 'input.items.0.orderId' }),
    ]);
    const unknownLine = await draft(beneficiary, {
      kind: 'RENEWAL',
      project: { id: await projectId(order.projectName!) },
      items: [{ orderId, orderLineId: stableId('order-line', 'nowhere'), quantity: '1' }],
    });
    expect(unknownLine.errors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: 'input.items.0.orderLineId' }),
    ]);
  });
});
