import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { SEED_ENTITY } from '@nuage/fixtures';
import { readPdf, type ReadPdf } from '@nuage/pdf/testing';
import type { Identity } from '@nuage/platform';
import {
  ACCEPT_PROPOSAL,
  act,
  activateOrder,
  inDays,
  PEOPLE,
  placeOrderWithOvh,
  submitRequestSolicitingTwoBrands,
} from '../src/journey.js';
import { startTestStack, type TestStack } from '../src/test-stack.js';

/**
 * Documents and money, through the gateway: the guide's order (OUTSCALE 145893, 9 690,00 HT over
 * 36 months billed annually in advance) gives a subscription order, a purchase request and three
 * invoices whose PDFs name every party; the buyer's Chorus EJ is carried on each invoice; an
 * incident suspends the issued invoice, is resolved with a credit note, and the invoice is paid
 * net of it.
 */
const { beneficiary, manager, outscale, ovh, ugap, holder, analyst, stranger } = PEOPLE;
let stack: TestStack;
let orderId: string;
let requestId: string;
let invoices: { id: string; number: string; status: string; pdfUrl: string; issueDate: string }[];

const ORDER = `id reference status legalCommitmentNumber chorusPurchaseRequestNumber
  schedule { id number status issueDate pdfUrl legalCommitmentNumber amountExclVat { amount } vatAmount { amount } amountInclVat { amount }
    netDueInclVat { amount } paidAmount { amount } lines { designation periodStart periodEnd legalCommitmentNumber amountExclVat { amount } vatRate orderLine { productCode } } }
  billing { committed { amount } invoiced { amount } credited { amount } paid { amount } toInvoice { amount } outstandingInclVat { amount } legalCommitmentNumber }
  lines { billing { committed { amount } invoiced { amount } credited { amount } paid { amount } } }
  creditNotes { number amountExclVat { amount } vatAmount { amount } reason pdfUrl invoice { number } }`;

const order = async (identity: Identity = beneficiary) => {
  const { data, errors } = await stack.query(identity, `query($id: ID!) { order(id: $id) { ${ORDER} } }`, {
    id: orderId,
  });
  expect(errors).toBeUndefined();
  return data!.order;
};
const pdfAt = async (identity: Identity, path: string): Promise<ReadPdf> => {
  const response = await fetch(new URL(path, stack.gatewayUrl), {
    headers: { authorization: `Bearer ${await stack.tokenFor(identity)}` },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/pdf');
  return readPdf(new Uint8Array(await response.arrayBuffer()));
};
const mutate = async (
  identity: Identity,
  field: string,
  inputType: string,
  input: Record<string, unknown>,
  selection: string,
) => {
  const { data, errors } = await stack.query(
    identity,
    `mutation($input: ${inputType}!) { ${field}(input: $input) { ${selection} errors { code field message } } }`,
    { input },
  );
  expect(errors).toBeUndefined();
  return data![field];
};
const recordEj = (identity: Identity, id: string, number: string) =>
  mutate(
    identity,
    'recordLegalCommitment',
    'RecordLegalCommitmentInput',
    { orderId: id, number },
    'order { legalCommitmentNumber }',
  );

/** Every party of the file, as the issue of the documents asks. */
function expectParties(pdf: ReadPdf) {
  expect(pdf.text).toContain(SEED_ENTITY.name);
  expect(pdf.text).toContain('SIRET : 130 025 265 00013');
  expect(pdf.text).toContain(SEED_ENTITY.address);
  expect(pdf.text).toContain('3DS OUTSCALE SAS');
  expect(pdf.text).toContain('SIREN 527 594 493');
  expect(pdf.text).toContain("UGAP — Union des groupements d'achats publics");
  expect(pdf.text).toContain('Crayon-SMLB');
  expect(pdf.text).toContain('Marché Nuage Public — réf. UGAP-NUAGE-PUBLIC');
  expect(pdf.text).toMatch(/Page 1 \/ \d/);
  expect(pdf.fonts.filter((font) => font.startsWith('Helvetica'))).toEqual([]);
  for (const png of pdf.png) expect(png.subarray(1, 4).toString()).toBe('PNG');
}

beforeAll(async () => {
  stack = await startTestStack(inject('databaseUrl'));
  requestId = await submitRequestSolicitingTwoBrands(stack, { codeName: 'Environnement Cloud' });
  const { submitProposal } = await act(
    stack,
    outscale,
    `mutation($id: ID!, $key: String!, $validUntil: LocalDate!) { submitProposal(requestId: $id, idempotencyKey: $key, input: {
      validUntil: $validUntil, commitmentMonths: 36, billingPeriod: ANNUAL, billingTiming: IN_ADVANCE,
      lines: [{ productCode: "145893", designation: "Prestation d'abonnement OUTSCALE Engagement 3 ans", quantity: "1", listUnitPrice: "10000.00", unitPrice: "9690.00" }] }) { proposal { id } errors { message } } }`,
    { id: requestId, key: `guide-${requestId}`, validUntil: inDays(10) },
  );
  const proposalId = submitProposal.proposal.id;
  await act(stack, manager, `mutation($id: ID!) { approveProposal(id: $id) { errors { message } } }`, {
    id: proposalId,
  });
  const { acceptProposal } = await act(stack, beneficiary, ACCEPT_PROPOSAL, { id: proposalId });
  orderId = acceptProposal.proposal!.subscriptionOrder!.orderId;
  await stack.settle();
}, 120_000);
afterAll(() => stack?.close());

describe('the documents of an order', () => {
  it('name every party on the subscription order, with who accepted the CGE and CGU and when', async () => {
    const { data } = await stack.query(
      beneficiary,
      `query($id: ID!) { order(id: $id) { proposal { documents { kind fileName downloadUrl } } } }`,
      { id: orderId },
    );
    const documents = data!.order.proposal.documents as { kind: string; fileName: string; downloadUrl: string }[];
    const subscription = documents.find((d) => d.kind === 'SUBSCRIPTION_ORDER')!;
    expect(subscription.fileName).toMatch(/^BS\d{6}-bon-de-souscription-nuage-public\.pdf$/);
    const pdf = await pdfAt(beneficiary, subscription.downloadUrl);
    expectParties(pdf);
    expect(pdf.text).toContain(`Bon de souscription Nuage Public ${subscription.fileName.slice(0, 8)}`);
    expect(pdf.text).toContain('Terme : À échoir');
    expect(pdf.text).toContain('Durée/engagement : 36 mois · Périodicité paiement : Annuelle');
    expect(pdf.text).toMatch(
      /Clara Maurice, le \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2} : CGE de l'UGAP et CGU de 3DS OUTSCALE SAS acceptées/,
    );
    expect(pdf.text).toContain('Environnement Cloud');
    expect(pdf.text).toMatch(/Total TTC : 11\s628,00\s€/);
  });

  it('give the purchase request its own content: what to enter in Chorus, UGAP as supplier, amounts per VAT rate', async () => {
    const { data } = await stack.query(
      beneficiary,
      `query($id: ID!) { order(id: $id) { reference fileNumber proposal { number documents { kind fileName downloadUrl } subscriptionOrder { number } } } }`,
      { id: orderId },
    );
    const { reference, fileNumber, proposal } = data!.order;
    const request = proposal.documents.find((d: { kind: string }) => d.kind === 'PURCHASE_REQUEST');
    expect(request.fileName).toBe(`${proposal.number}.pdf`);
    const pdf = await pdfAt(beneficiary, request.downloadUrl);
    expectParties(pdf);
    expect(pdf.text).toContain(`Demande d'achat à saisir dans Chorus — ${proposal.number}`);
    expect(pdf.text).toContain(
      "FOURNISSEUR À DÉSIGNER UGAP — Union des groupements d'achats publics (centrale d'achat)",
    );
    expect(pdf.text).toContain(
      `Bon de souscription ${proposal.subscriptionOrder.number} · Dossier ${fileNumber} · Proposition ${proposal.number} · Commande ${reference}`,
    );
    expect(pdf.text).toMatch(/20,00 % 9\s690,00\s€ 1\s938,00\s€ 11\s628,00\s€/);
    expect(pdf.text).toContain('engagement juridique (EJ, 10 chiffres)');
    expect(pdf.text).not.toContain('Bon de souscription Nuage Public');
  });
});

describe("the request's documents tab", () => {
  it('lists the PAAC report, named as the portal names it, with the purchase request and the subscription order', async () => {
    const { data } = await stack.query(
      beneficiary,
      `query($id: ID!) { request(id: $id) { documents { kind fileName size downloadUrl uploadedByName } } }`,
      { id: requestId },
    );
    const documents = data!.request.documents as {
      kind: string;
      fileName: string;
      downloadUrl: string;
      uploadedByName: string;
    }[];
    expect(documents.map((d) => d.kind).sort()).toEqual(['PURCHASE_REQUEST', 'REPORT', 'SUBSCRIPTION_ORDER']);
    const report = documents.find((d) => d.kind === 'REPORT')!;
    expect(report.fileName).toMatch(/^PAAC-\d{17}\.pdf$/);
    expect(documents.every((d) => d.uploadedByName === 'Clara Maurice')).toBe(true);
    const served = await fetch(new URL(report.downloadUrl, stack.gatewayUrl), {
      headers: { authorization: `Bearer ${await stack.tokenFor(beneficiary)}` },
    });
    expect(served.headers.get('content-disposition')).toContain(report.fileName);
    const pdf = await pdfAt(beneficiary, report.downloadUrl);
    expect(pdf.text).toContain("Parcours d'Aide Au Choix");
    expect(pdf.text).toContain('SIRET : 130 025 265 00013');
    expect(pdf.text).toContain("UGAP — Union des groupements d'achats publics");
    expect(pdf.text).toContain('Marché Nuage Public — réf. UGAP-NUAGE-PUBLIC');
    expect(pdf.text).toContain(report.fileName);
    const subscription = documents.find((d) => d.kind === 'SUBSCRIPTION_ORDER')!;
    expect((await pdfAt(beneficiary, subscription.downloadUrl)).text).toContain('Bon de souscription Nuage Public');
  });
});

describe("the buyer's Chorus legal commitment (EJ)", () => {
  it('is checked, kept in the history, searchable, and seen by UGAP when validating', async () => {
    const wrong = await recordEj(beneficiary, orderId, '12345');
    expect(wrong.errors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.number' })]);
    expect((await order()).legalCommitmentNumber).toBeNull();
    expect((await recordEj(ovh, orderId, '1300012345')).errors[0].code).toBe('FORBIDDEN');
    expect((await recordEj(stranger, orderId, '1300012345')).errors[0].code).toBe('NOT_FOUND');

    expect((await recordEj(beneficiary, orderId, '1300012344')).errors).toEqual([]);
    expect((await recordEj(beneficiary, orderId, '1300 012 345')).order.legalCommitmentNumber).toBe('1300012345');
    const { data } = await stack.query(
      beneficiary,
      `query($id: ID!) { order(id: $id) { history { action changes { field from to } } } }`,
      { id: orderId },
    );
    expect(data!.order.history.filter((h: { action: string }) => h.action === 'recordLegalCommitment')).toEqual([
      { action: 'recordLegalCommitment', changes: [{ field: 'legalCommitmentNumber', from: null, to: '1300012344' }] },
      {
        action: 'recordLegalCommitment',
        changes: [{ field: 'legalCommitmentNumber', from: '1300012344', to: '1300012345' }],
      },
    ]);
    expect((await order(ugap)).legalCommitmentNumber).toBe('1300012345');
    await stack.settle();
    const found = await stack.query(
      beneficiary,
      `query { search(query: "1300012345", first: 5) { edges { node { kind order { id } } } } }`,
    );
    expect(found.data!.search.edges.map((e: { node: { order: { id: string } | null } }) => e.node.order?.id)).toContain(
      orderId,
    );
    const listed = await stack.query(
      ugap,
      `query($r: String!) { orders(filter: { reference: $r }, first: 5) { edges { node { id } } } }`,
      {
        r: '1300012345',
      },
    );
    expect(listed.data!.orders.edges).toEqual([{ node: { id: orderId } }]);
  });

  it('is one order’s within an entity', async () => {
    const other = await placeOrderWithOvh(stack);
    const taken = await recordEj(beneficiary, other, '1300012345');
    expect(taken.errors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.number' })]);
    expect(taken.errors[0].message).toContain((await order()).reference);
  });
});

describe('invoices', () => {
  beforeAll(async () => {
    await activateOrder(stack, orderId, 'REFCMDUGAP', outscale);
    invoices = (await order()).schedule;
  }, 60_000);

  it('are scheduled at activation: three annual invoices of 3 230,00 HT, one line each with its period', async () => {
    const { schedule } = await order();
    expect(
      schedule.map((i: Record<string, any>) => [
        i.status,
        i.amountExclVat.amount,
        i.vatAmount.amount,
        i.amountInclVat.amount,
      ]),
    ).toEqual([
      ['SCHEDULED', '3230.00', '646.00', '3876.00'],
      ['SCHEDULED', '3230.00', '646.00', '3876.00'],
      ['SCHEDULED', '3230.00', '646.00', '3876.00'],
    ]);
    expect(schedule[0].issueDate).toBe(inDays(0));
    expect(schedule[0].lines).toEqual([
      {
        designation: "Prestation d'abonnement OUTSCALE Engagement 3 ans",
        periodStart: inDays(0),
        periodEnd: schedule[0].lines[0].periodEnd,
        legalCommitmentNumber: '1300012345',
        amountExclVat: { amount: '3230.00' },
        vatRate: '20.00',
        orderLine: { productCode: '145893' },
      },
    ]);
  });

  it('are issued by UGAP once their date has come, charged to the EJ, which then no longer changes', async () => {
    const [first, second] = invoices;
    expect(
      (await mutate(beneficiary, 'issueInvoice', 'InvoiceInput', { invoiceId: first!.id }, 'invoice { status }'))
        .errors[0].code,
    ).toBe('FORBIDDEN');
    const early = await mutate(ugap, 'issueInvoice', 'InvoiceInput', { invoiceId: second!.id }, 'invoice { status }');
    expect(early.errors[0].code).toBe('INVALID_TRANSITION');
    const issued = await mutate(
      ugap,
      'issueInvoice',
      'InvoiceInput',
      { invoiceId: first!.id },
      'invoice { status dueDate legalCommitmentNumber }',
    );
    expect(issued.invoice).toEqual({ status: 'ISSUED', dueDate: inDays(30), legalCommitmentNumber: '1300012345' });
    expect((await recordEj(beneficiary, orderId, '1300099999')).errors[0].code).toBe('INVALID_TRANSITION');
  });

  it('print every party, the EJ on every line, and say which are still to be issued', async () => {
    const pdfs = await Promise.all(invoices.map((invoice) => pdfAt(beneficiary, invoice.pdfUrl)));
    pdfs.forEach((pdf, i) => {
      expectParties(pdf);
      expect(pdf.text).toContain('Engagement juridique (EJ) : 1300012345');
      expect(pdf.text).toMatch(
        /Prestation d'abonnement OUTSCALE Engagement 3 ans du \d{2}\/\d{2}\/\d{4} au \d{2}\/\d{2}\/\d{4} 1300012345 20,00 % 3\s230,00\s€/,
      );
      expect(pdf.text).toMatch(/Total TTC : 3\s876,00\s€/);
      expect(pdf.text).toContain(
        i === 0 ? `Facture ${invoices[0]!.number}` : `Facture à émettre ${invoices[i]!.number}`,
      );
      if (i === 0) expect(pdf.text).toContain("Émise par UGAP — Union des groupements d'achats publics");
    });
  });

  it('export their data as Factur-X EN 16931 XML that the official schema accepts', async () => {
    const { data } = await stack.query(beneficiary, `query($id: ID!) { invoice(id: $id) { facturXUrl } }`, {
      id: invoices[0]!.id,
    });
    const response = await fetch(new URL(data!.invoice.facturXUrl, stack.gatewayUrl), {
      headers: { authorization: `Bearer ${await stack.tokenFor(beneficiary)}` },
    });
    expect(response.headers.get('content-type')).toContain('application/xml');
    const xml = await response.text();
    const schemas = new URL('./fixtures/factur-x/', import.meta.url);
    const files = readdirSync(schemas).filter((name) => name.endsWith('.xsd'));
    const main = 'Factur-X_1.07.3_EN16931.xsd';
    const result = await validateXML({
      xml: { fileName: 'invoice.xml', contents: xml },
      schema: { fileName: main, contents: readFileSync(new URL(main, schemas), 'utf8') },
      preload: files
        .filter((name) => name !== main)
        .map((name) => ({ fileName: name, contents: readFileSync(new URL(name, schemas), 'utf8') })),
    });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml).toContain(`<ram:ID>${invoices[0]!.number}</ram:ID>`);
    expect(xml).toContain('<ram:ID schemeID="0009">13002526500013</ram:ID>');
    expect(xml).toContain('<ram:IssuerAssignedID>1300012345</ram:IssuerAssignedID>');
    expect(xml).toContain('<ram:GrandTotalAmount>3876.00</ram:GrandTotalAmount>');
  });

  it('are read within each role’s rights', async () => {
    const list = async (identity: Identity) => {
      const { data, errors } = await stack.query(
        identity,
        `query($o: ID!) { invoices(filter: { orderId: $o }, first: 10) { totalCount } }`,
        { o: orderId },
      );
      return errors ? errors[0]!.extensions!.code : data!.invoices.totalCount;
    };
    expect([await list(beneficiary), await list(outscale), await list(ugap), await list(analyst)]).toEqual([
      3, 3, 3, 3,
    ]);
    expect([await list(ovh), await list(stranger)]).toEqual([0, 0]);
    const other = await stack.query(ovh, `query($id: ID!) { invoice(id: $id) { number } }`, { id: invoices[0]!.id });
    expect(other.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const pdf = await fetch(new URL(invoices[0]!.pdfUrl, stack.gatewayUrl), {
      headers: { authorization: `Bearer ${await stack.tokenFor(ovh)}` },
    });
    expect(pdf.status).toBe(404);
  });
});

describe('an incident resolved with a credit', () => {
  it('suspends the invoice, issues a credit note, then the invoice is released and paid net of the credit', async () => {
    const invoiceId = invoices[0]!.id;
    const { declareIncident } = await act(
      stack,
      beneficiary,
      `mutation($id: ID!) { declareIncident(input: { orderId: $id, typeCode: "INCOMPLETE_ORDER", description: "Deux machines sur quatre livrées" }) { incident { id number } errors { message } } }`,
      { id: orderId },
    );
    const incident = declareIncident.incident;
    await stack.settle();
    expect((await order()).schedule[0].status).toBe('SUSPENDED');
    const payWhileSuspended = await mutate(
      ugap,
      'recordInvoicePayment',
      'RecordInvoicePaymentInput',
      { invoiceId },
      'invoice { status }',
    );
    expect(payWhileSuspended.errors[0].code).toBe('INVALID_TRANSITION');

    const credit = (amountExclVat: string, identity: Identity = holder) =>
      mutate(
        identity,
        'resolveIncidentWithCredit',
        'ResolveIncidentWithCreditInput',
        {
          incidentId: incident.id,
          invoiceId,
          amountExclVat,
          reason: 'Deux machines livrées avec une semaine de retard',
        },
        'creditNote { number amountExclVat { amount } vatAmount { amount } pdfUrl invoice { number } }',
      );
    expect((await credit('3230.01')).errors).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.amountExclVat' }),
    ]);
    expect((await credit('230.00', beneficiary)).errors[0].code).toBe('FORBIDDEN');
    expect((await order()).creditNotes).toEqual([]);
    // The market holder and UGAP state a credit at the same moment: one credit note, the other is told.
    const both = await Promise.all([credit('230.00'), credit('230.00', ugap)]);
    expect(both.map((outcome) => outcome.errors.map((e: { code: string }) => e.code)).sort()).toEqual([
      [],
      ['CONFLICT'],
    ]);
    const issued = both.find((outcome) => outcome.errors.length === 0)!;
    expect(issued.creditNote).toMatchObject({
      number: expect.stringMatching(/^AV\d{6}$/),
      amountExclVat: { amount: '230.00' },
      vatAmount: { amount: '46.00' },
      invoice: { number: invoices[0]!.number },
    });
    expect((await credit('10.00', ugap)).errors[0].code).toBe('CONFLICT');
    expect((await order()).creditNotes).toHaveLength(1);
    const notePdf = await pdfAt(beneficiary, issued.creditNote.pdfUrl);
    expectParties(notePdf);
    expect(notePdf.text).toContain(`Avoir ${issued.creditNote.number}`);
    expect(notePdf.text).toContain(`Sur la facture ${invoices[0]!.number}`);
    expect(notePdf.text).toContain(`${incident.number} : Deux machines livrées avec une semaine de retard`);
    expect(notePdf.text).toMatch(/Total TTC : -276,00\s€/);

    await stack.settle();
    const resolved = await stack.query(
      beneficiary,
      `query($id: ID!) { incident(id: $id) { status creditNote { number } } }`,
      { id: incident.id },
    );
    expect(resolved.data!.incident).toEqual({ status: 'RESOLVED', creditNote: { number: issued.creditNote.number } });
    expect((await order()).schedule[0].status).toBe('SUSPENDED');

    await act(
      stack,
      beneficiary,
      `mutation($id: ID!) { moveIncident(id: $id, transition: CONFIRM) { errors { message } } }`,
      {
        id: incident.id,
      },
    );
    await stack.settle();
    expect((await order()).schedule[0]).toMatchObject({ status: 'ISSUED', netDueInclVat: { amount: '3600.00' } });
    const paid = await mutate(
      ugap,
      'recordInvoicePayment',
      'RecordInvoicePaymentInput',
      { invoiceId },
      'invoice { status paidOn paidAmount { amount } }',
    );
    expect(paid.invoice).toEqual({ status: 'PAID', paidOn: inDays(0), paidAmount: { amount: '3600.00' } });

    const { billing, lines } = await order();
    const figures = {
      committed: { amount: '9690.00' },
      invoiced: { amount: '3230.00' },
      credited: { amount: '230.00' },
      paid: { amount: '3000.00' },
    };
    expect(billing).toEqual({
      ...figures,
      toInvoice: { amount: '6460.00' },
      outstandingInclVat: { amount: '0.00' },
      legalCommitmentNumber: '1300012345',
    });
    expect(lines[0].billing).toEqual(figures);
    const { data } = await stack.query(
      analyst,
      `query { billingSummary(dimension: BRAND) { key credited { amount } paid { amount } brand { name } } }`,
    );
    expect(
      data!.billingSummary.find((g: { brand: { name: string } }) => g.brand.name === '3DS OUTSCALE'),
    ).toMatchObject({
      credited: { amount: '230.00' },
      paid: { amount: '3000.00' },
    });
    const refused = await stack.query(beneficiary, `query { billingSummary(dimension: ENTITY) { key } }`);
    expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');

    // Consumption shows the credit beside what was used, and the usage lines an invoice can be checked against.
    const { data: usage } = await stack.query(
      beneficiary,
      `query($id: ID!) { order(id: $id) { consumption { credited { amount } } lines { id consumption { credited { amount } netCost { amount } } } } }`,
      { id: orderId },
    );
    expect(usage!.order.consumption.credited).toEqual({ amount: '230.00' });
    const lineId = usage!.order.lines[0].id;
    await act(
      stack,
      outscale,
      `mutation($lines: [UsageLineInput!]!) { pushUsage(lines: $lines) { report { accepted } errors { code } } }`,
      {
        lines: [1, 2, 3].map((hour) => ({
          lineId: `vm-${orderId}-${hour}`,
          orderLineId: lineId,
          chargePeriodStart: `${inDays(0)}T0${hour}:00:00Z`,
          chargePeriodEnd: `${inDays(0)}T0${hour + 1}:00:00Z`,
          serviceName: 'Machines virtuelles',
          serviceCategory: 'Compute',
          consumedQuantity: '4',
          consumedUnit: 'Hours',
          billedCost: '10.00',
          effectiveCost: '10.00',
          currency: 'EUR',
        })),
      },
    );
    const page = await stack.query(
      beneficiary,
      `query($l: ID!) { usageLines(orderLineId: $l, first: 2) { totalCount pageInfo { hasNextPage } edges { node { lineId effectiveCost { amount } } } } }`,
      { l: lineId },
    );
    expect(page.data!.usageLines).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(page.data!.usageLines.edges.map((e: { node: { lineId: string } }) => e.node.lineId)).toEqual([
      `vm-${orderId}-3`,
      `vm-${orderId}-2`,
    ]);
    const elsewhere = await stack.query(
      ovh,
      `query($l: ID!) { usageLines(orderLineId: $l, first: 2) { totalCount } }`,
      { l: lineId },
    );
    expect(elsewhere.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const { data: net } = await stack.query(
      beneficiary,
      `query($id: ID!) { order(id: $id) { lines { consumption { netCost { amount } } } } }`,
      { id: orderId },
    );
    expect(net!.order.lines[0].consumption.netCost).toEqual({ amount: '-200.00' });
  });
});
