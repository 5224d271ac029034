import { LockMode, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { changesBetween, type FieldChange } from '@nuage/history';
import {
  conflict,
  Dec,
  formatDay,
  invalid,
  invalidTransition,
  notFound,
  paginate,
  publish,
  take,
  todayInParis,
  type Identity,
  type PageArgs,
  assertMayTake,
} from '@nuage/platform';
import {
  type BillingPeriod,
  type BillingTiming,
  TOPICS,
  type OrderPlaced,
  type ProposalAccepted,
  type ProposalSubmitted,
} from '@nuage/contracts';
import type { FileStore } from '@nuage/files';
import {
  Order,
  OrderLine,
  OrderStatus,
  Proposal,
  ProposalDocument,
  ProposalDocumentKind,
  ProposalLine,
  ProposalStatus,
  Solicitation,
  SubscriptionOrder,
} from '../entities/index.js';
import { PROPOSAL_LIFECYCLE, type ProposalTransition } from './proposal-lifecycle.js';
import { type AcceptanceFacts, orderingDocuments, proposalDocumentPath, proposalPrint } from './documents.js';
import type { ProposalPrint } from './proposal-pdf.js';
import { partiesOf } from './parties.js';
import { nextNumber, once } from './idempotency.js';
import { recordOrderStep, recordProposalStep, recordSubscriptionIssued } from './history.js';
import { closeSolicitations } from './solicitations.js';
import { assertReceivingProposals, sealsProposals } from './consultations.js';
import { assertMay, proposalsFor } from './access.js';

export interface ProposalLineInput {
  productCode?: string;
  designation: string;
  quantity: string;
  listUnitPrice: string;
  unitPrice: string;
  vatRate?: string;
}

export interface ProposalTerms {
  validUntil: string;
  commitmentMonths?: number;
  billingPeriod: BillingPeriod;
  billingTiming: BillingTiming;
  lines: ProposalLineInput[];
}

const PRICE_RULE = { fr: 'Un prix est positif, en euros et centimes.', en: 'A price is positive, in euros and cents.' };
/** French VAT rates a line may carry. */
const VAT_RATES = ['20.00', '10.00', '5.50', '2.10', '0.00'];
function checkTerms(terms: ProposalTerms): Omit<ProposalLine, 'id' | 'createdAt' | 'updatedAt' | 'proposal'>[] {
  if (terms.validUntil < todayInParis())
    throw invalid('input.validUntil', {
      fr: "Une proposition est valable au moins jusqu'à aujourd'hui.",
      en: 'A proposal is valid until today at least.',
    });
  if (terms.commitmentMonths !== undefined && (terms.commitmentMonths < 1 || terms.commitmentMonths > 120))
    throw invalid('input.commitmentMonths', {
      fr: 'Un engagement dure de 1 à 120 mois.',
      en: 'A commitment lasts 1 to 120 months.',
    });
  if (terms.lines.length === 0)
    throw invalid('input.lines', {
      fr: 'Une proposition compte au moins une ligne.',
      en: 'A proposal has one line at least.',
    });
  return terms.lines.map((line, i) => {
    const field = `input.lines.${i}`;
    const quantity = new Dec(line.quantity);
    const listUnitPrice = new Dec(line.listUnitPrice);
    const unitPrice = new Dec(line.unitPrice);
    if (quantity.lte(0) || quantity.decimalPlaces() > 2)
      throw invalid(`${field}.quantity`, {
        fr: 'Une quantité est positive, avec deux décimales au plus.',
        en: 'A quantity is positive, with two decimals at most.',
      });
    if (listUnitPrice.isNegative() || listUnitPrice.decimalPlaces() > 2)
      throw invalid(`${field}.listUnitPrice`, PRICE_RULE);
    if (unitPrice.isNegative() || unitPrice.decimalPlaces() > 2) throw invalid(`${field}.unitPrice`, PRICE_RULE);
    if (unitPrice.greaterThan(listUnitPrice))
      throw invalid(`${field}.unitPrice`, {
        fr: 'Le prix unitaire HT ne peut dépasser le prix public unitaire : la remise du marché ne fait que le baisser.',
        en: 'The unit price excl. VAT cannot exceed the public unit price: the market discount only lowers it.',
      });
    const vatRate = new Dec(line.vatRate ?? '20').toFixed(2);
    if (!VAT_RATES.includes(vatRate))
      throw invalid(`${field}.vatRate`, {
        fr: `Un taux de TVA français : ${VAT_RATES.map((r) => r.replace('.', ',')).join(' ; ')} %.`,
        en: `A French VAT rate: ${VAT_RATES.join(', ')} %.`,
      });
    const designation = line.designation.trim();
    if (!designation) throw invalid(`${field}.designation`, { fr: 'Décrivez la ligne.', en: 'Describe the line.' });
    return {
      position: i,
      productId: null,
      productCode: line.productCode?.trim() || null,
      designation,
      quantity: quantity.toFixed(2),
      listUnitPrice: listUnitPrice.toFixed(2),
      unitPrice: unitPrice.toFixed(2),
      vatRate,
    };
  });
}

const loadProposal = (tx: EntityManager, id: string) => tx.findOneOrFail(Proposal, { id });

/** The terms a revision may change, as its history compares them. */
const termsOf = (proposal: Proposal) => ({
  validUntil: proposal.validUntil,
  commitmentMonths: proposal.commitmentMonths,
  billingPeriod: proposal.billingPeriod,
  billingTiming: proposal.billingTiming,
  lines: [...proposal.lines].map((line) => `${line.quantity} × ${line.designation} à ${line.unitPrice}`).join(' ; '),
});

function applyTerms(em: EntityManager, proposal: Proposal, terms: ProposalTerms, lines: ReturnType<typeof checkTerms>) {
  proposal.validUntil = terms.validUntil;
  proposal.commitmentMonths = terms.commitmentMonths ?? null;
  proposal.billingPeriod = terms.billingPeriod;
  proposal.billingTiming = terms.billingTiming;
  proposal.lines.removeAll();
  for (const line of lines) proposal.lines.add(em.create(ProposalLine, { proposal, ...line }));
}

/** A supplier answers a request that solicits its brand. */
export function submitProposal(
  em: EntityManager,
  caller: Identity,
  requestId: string,
  terms: ProposalTerms,
  key: string,
): Promise<Proposal> {
  assertMay(caller, 'proposal:submit');
  return once(em, caller, key, { operation: 'submit', input: { requestId, terms } }, loadProposal, async (tx) => {
    const solicitation = await tx.findOne(Solicitation, { requestId, brandId: caller.brandId!, closedAt: null });
    if (!solicitation)
      throw notFound(
        { fr: 'Une demande sollicitant votre marque', en: 'A request soliciting your brand' },
        'requestId',
      );
    const lines = checkTerms(terms);
    const consultation = await assertReceivingProposals(tx, requestId);
    const proposal = tx.create(Proposal, {
      number: await nextNumber(tx, 'proposal_number_seq', 'DC'),
      requestId,
      fileNumber: solicitation.fileNumber,
      brandId: caller.brandId!,
      entityId: solicitation.entityId,
      submittedByName: caller.name,
      validUntil: terms.validUntil,
      commitmentMonths: terms.commitmentMonths ?? null,
      billingPeriod: terms.billingPeriod,
      billingTiming: terms.billingTiming,
      renewsOrderLineIds: solicitation.renewedOrderLineIds,
      sealed: sealsProposals(consultation),
    });
    applyTerms(tx, proposal, terms, lines);
    tx.persist(proposal);
    recordProposalStep(tx, proposal, caller, null, { action: 'submit' });
    publish(tx, TOPICS.proposalSubmitted, {
      requestId,
      proposalId: proposal.id,
      brandId: proposal.brandId,
    } satisfies ProposalSubmitted);
    return proposal;
  });
}

/** The supplier revises its proposal: new terms, back to the manager. */
export function reviseProposal(
  em: EntityManager,
  caller: Identity,
  id: string,
  terms: ProposalTerms,
  key: string,
): Promise<Proposal> {
  assertMayTake(PROPOSAL_LIFECYCLE, 'revise', caller);
  return once(em, caller, key, { operation: 'revise', input: { id, terms } }, loadProposal, async (tx) => {
    const proposal = await proposalsFor(tx, caller).get(id, { lock: true });
    await proposal.lines.init();
    const before = termsOf(proposal);
    const checked = checkTerms(terms);
    applyTerms(tx, proposal, terms, checked);
    proposal.revision += 1;
    // Sealed, its terms stay out of the file's history (the buyer reads it) until the opening.
    move(tx, proposal, 'revise', caller, null, proposal.sealed ? [] : changesBetween(before, termsOf(proposal)));
    proposal.managerComment = proposal.managerName = null;
    proposal.managerDecidedAt = null;
    return proposal;
  });
}

export function withdrawProposal(em: EntityManager, caller: Identity, id: string, key: string): Promise<Proposal> {
  assertMayTake(PROPOSAL_LIFECYCLE, 'withdraw', caller);
  return once(em, caller, key, { operation: 'withdraw', input: { id } }, loadProposal, async (tx) => {
    const proposal = await proposalsFor(tx, caller).get(id, { lock: true });
    move(tx, proposal, 'withdraw', caller);
    return proposal;
  });
}

/** Moves a proposal along its lifecycle and records the step in its history. */
function move(
  tx: EntityManager,
  proposal: Proposal,
  transition: ProposalTransition,
  actor: Identity | 'SYSTEM',
  comment?: string | null,
  changes?: FieldChange[],
) {
  const from = proposal.status;
  proposal.status = take(PROPOSAL_LIFECYCLE, from, transition, actor === 'SYSTEM' ? 'SYSTEM' : actor.role);
  recordProposalStep(tx, proposal, actor, from, { action: transition, comment, changes });
}

/** The entity's manager approves or rejects ("Attente manager"). */
export async function decideAsManager(
  em: EntityManager,
  caller: Identity,
  id: string,
  approve: boolean,
  comment: string | undefined,
): Promise<Proposal> {
  assertMayTake(PROPOSAL_LIFECYCLE, approve ? 'approve' : 'reject', caller);
  return em.transactional(async (tx) => {
    const proposal = await proposalsFor(tx, caller).get(id, { lock: true });
    const why = comment?.trim() ?? '';
    if (!approve && why.length < 3)
      throw invalid('comment', {
        fr: "Indiquez pourquoi l'achat est rejeté.",
        en: 'Say why the purchase is rejected.',
      });
    move(tx, proposal, approve ? 'approve' : 'reject', caller, why || null);
    proposal.managerComment = why || null;
    proposal.managerName = caller.name;
    proposal.managerDecidedAt = new Date();
    return proposal;
  });
}

export async function refuse(em: EntityManager, caller: Identity, id: string, reason: string): Promise<Proposal> {
  assertMayTake(PROPOSAL_LIFECYCLE, 'refuse', caller);
  return em.transactional(async (tx) => {
    const proposal = await proposalsFor(tx, caller).get(id, { lock: true });
    const why = reason.trim();
    if (why.length < 3)
      throw invalid('reason', {
        fr: 'Indiquez pourquoi la proposition est refusée.',
        en: 'Say why the proposal is refused.',
      });
    move(tx, proposal, 'refuse', caller, why);
    await closeSolicitations(tx, proposal.requestId, proposal.brandId);
    proposal.refusalReason = why;
    proposal.buyerName = caller.name;
    proposal.buyerDecidedAt = new Date();
    return proposal;
  });
}

/**
 * The buyer accepts an approved proposal, acknowledging UGAP's CGE and the provider's CGU: the
 * subscription order and the order are created, both PDFs generated, the request's other
 * proposals closed. The request's proposals are locked first, so of two concurrent accepts (of
 * one proposal or of two) exactly one wins.
 */
export async function accept(
  em: EntityManager,
  files: FileStore,
  caller: Identity,
  id: string,
  acknowledgements: { cge: boolean; cgu: boolean },
): Promise<Proposal> {
  assertMayTake(PROPOSAL_LIFECYCLE, 'accept', caller);
  if (!acknowledgements.cge)
    throw invalid('cgeAccepted', {
      fr: "Acceptez les conditions générales de l'UGAP (CGE) pour souscrire.",
      en: "Acknowledge UGAP's general conditions (CGE) to subscribe.",
    });
  if (!acknowledgements.cgu)
    throw invalid('cguAccepted', {
      fr: 'Acceptez les conditions du fournisseur (CGU) pour souscrire.',
      en: "Acknowledge the provider's terms (CGU) to subscribe.",
    });
  // The documents are laid out and stored before any lock is taken (rendering takes far longer than
  // the transaction), from the proposal as read now; the transaction then checks it did not change.
  // Read in a fork of its own: the transaction below must load (and lock) its own copy.
  const read = await proposalsFor(em.fork(), caller).get(id, { populate: ['lines'] });
  const readAt = read.updatedAt.getTime();
  // What is refused anyway is refused before anything is numbered or laid out (checked again under lock).
  take(PROPOSAL_LIFECYCLE, read.status, 'accept', caller.role);
  const acceptance: AcceptanceFacts = {
    orderReference: await nextNumber(em, 'order_number_seq', 'CC'),
    subscriptionNumber: await nextNumber(em, 'subscription_order_seq', 'BS'),
    placedAt: new Date(),
    subscribedByName: caller.name,
  };
  const solicited = await em.fork().findOne(Solicitation, { requestId: read.requestId, brandId: read.brandId });
  const printed = {
    projectName: solicited?.projectName ?? null,
    parties: await partiesOf(em.fork(), read.brandId, solicited?.buyer ?? null),
  };
  const documents = await storeAcceptanceDocuments(files, read, acceptance, printed);
  const proposal = await em.transactional(async (tx) => {
    const target = await proposalsFor(tx, caller).get(id);
    // Suppliers' proposals compete for their request: they are locked together, and one only is accepted.
    // Credits a buyer stated compete with nothing: they are locked alone.
    const siblings = target.creditsForOrderLineId
      ? await tx.find(Proposal, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE })
      : await tx.find(
          Proposal,
          { requestId: target.requestId, creditsForOrderLineId: null },
          { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
        );
    const proposal = siblings.find((p) => p.id === id)!;
    await tx.refresh(proposal);
    if (proposal.updatedAt.getTime() !== readAt)
      throw conflict({
        fr: 'La proposition a changé pendant votre acceptation ; relisez-la puis acceptez-la de nouveau.',
        en: 'The proposal changed while you were accepting it; read it again, then accept it again.',
      });
    if (siblings.some((p) => p.status === ProposalStatus.ACCEPTED))
      throw conflict({
        fr: 'Une proposition de cette demande est déjà acceptée.',
        en: 'A proposal of this request is already accepted.',
      });
    if (proposal.validUntil < todayInParis())
      throw invalidTransition({
        fr: `Cette proposition a expiré le ${formatDay(proposal.validUntil, 'fr')} ; demandez-en une révision au fournisseur.`,
        en: `This proposal expired on ${formatDay(proposal.validUntil, 'en')}; ask the supplier for a revised one.`,
      });
    move(tx, proposal, 'accept', caller, 'CGE et CGU acceptées / CGE and CGU accepted');
    const now = acceptance.placedAt;
    Object.assign(proposal, { buyerName: caller.name, buyerDecidedAt: now, cgeAcceptedAt: now, cguAcceptedAt: now });
    for (const other of siblings)
      if (
        other.id !== id &&
        [ProposalStatus.AWAITING_MANAGER, ProposalStatus.APPROVED, ProposalStatus.REJECTED_BY_MANAGER].includes(
          other.status,
        )
      )
        move(
          tx,
          other,
          'close',
          'SYSTEM',
          `Proposition ${proposal.number} acceptée / proposal ${proposal.number} accepted`,
        );
    // Ordered: no brand is expected to answer this request any more.
    if (!proposal.creditsForOrderLineId) await closeSolicitations(tx, proposal.requestId);

    await proposal.lines.init();
    const solicitation = await tx.findOne(Solicitation, { requestId: proposal.requestId, brandId: proposal.brandId });
    const order = tx.create(Order, {
      projectName: solicitation?.projectName ?? null,
      entitySiret: solicitation?.entitySiret ?? null,
      buyer: solicitation?.buyer ?? null,
      reference: acceptance.orderReference,
      status: OrderStatus.AWAITING_VALIDATION,
      entityId: proposal.entityId,
      brandId: proposal.brandId,
      placedAt: now,
      proposalId: proposal.id,
      requestId: proposal.requestId,
      fileNumber: proposal.fileNumber,
      proposalNumber: proposal.number,
      placedByName: caller.name,
      commitmentMonths: proposal.commitmentMonths,
      billingPeriod: proposal.billingPeriod,
      billingTiming: proposal.billingTiming,
      renewsOrderLineIds: proposal.renewsOrderLineIds,
      creditsForOrderLineId: proposal.creditsForOrderLineId,
    });
    for (const line of proposal.lines) {
      const { productId, productCode, designation, quantity, listUnitPrice, unitPrice, vatRate, position } = line;
      order.lines.add(
        tx.create(OrderLine, {
          order,
          position,
          productId,
          productCode,
          designation,
          quantity,
          listUnitPrice,
          unitPrice,
          vatRate,
        }),
      );
    }
    tx.persist(order);
    const subscription = tx.create(SubscriptionOrder, {
      number: acceptance.subscriptionNumber,
      proposal,
      orderId: order.id,
      entityId: proposal.entityId,
      brandId: proposal.brandId,
      subscribedByName: caller.name,
    });
    tx.persist(subscription);
    recordOrderStep(tx, order, caller, null, {
      action: 'place',
      summary: {
        fr: `Commande ${order.reference} passée (proposition ${proposal.number})`,
        en: `Order ${order.reference} placed (proposal ${proposal.number})`,
      },
    });
    recordSubscriptionIssued(tx, subscription, order, caller);
    const issued = documents.map((document) =>
      tx.create(ProposalDocument, { ...document, proposal, createdByName: caller.name }),
    );
    tx.persist(issued);
    publish(tx, TOPICS.orderPlaced, {
      orderId: order.id,
      reference: order.reference,
      entityId: order.entityId,
      brandId: order.brandId,
      requestId: order.requestId,
      projectName: order.projectName,
      lines: order.lines
        .getItems()
        .map((line) => ({ orderLineId: line.id, designation: line.designation, productCode: line.productCode })),
    } satisfies OrderPlaced);
    publish(tx, TOPICS.proposalAccepted, {
      requestId: proposal.requestId,
      proposalId: proposal.id,
      orderId: order.id,
      documents: issued.map((document) => ({
        kind: document.kind,
        fileName: document.fileName,
        size: document.size,
        downloadUrl: proposalDocumentPath(document.id),
        issuedById: caller.userId,
        issuedByName: document.createdByName,
        issuedByRole: caller.role,
        issuedAt: now.toISOString(),
      })),
    } satisfies ProposalAccepted);
    return proposal;
  });
  return proposal;
}

/**
 * The purchase request and the subscription order of an acceptance, rendered and stored: written
 * before the transaction, so a document row never points to a missing file, under keys of their
 * own (an acceptance that loses leaves files no row points to).
 */
async function storeAcceptanceDocuments(
  files: FileStore,
  proposal: Proposal,
  acceptance: AcceptanceFacts,
  printed: Pick<ProposalPrint, 'parties' | 'projectName'>,
) {
  return Promise.all(
    [ProposalDocumentKind.PURCHASE_REQUEST, ProposalDocumentKind.SUBSCRIPTION_ORDER].map(async (kind) => {
      const body = await orderingDocuments.render(
        proposalPrint(kind, proposal, [...proposal.lines], acceptance, printed),
      );
      const storageKey = `proposals/${proposal.id}/${acceptance.subscriptionNumber}-${kind.toLowerCase()}.pdf`;
      await files.put(storageKey, body);
      return {
        kind,
        fileName:
          kind === ProposalDocumentKind.PURCHASE_REQUEST
            ? `${proposal.number}.pdf`
            : `${acceptance.subscriptionNumber}-bon-de-souscription-nuage-public.pdf`,
        size: body.length,
        storageKey,
      };
    }),
  );
}

export interface ProposalFilter {
  statuses?: ProposalStatus[];
  requestId?: string;
  from?: string;
  to?: string;
}

/** "Propositions": the proposals the caller may read, latest first. */
export function listProposals(em: EntityManager, caller: Identity, filter: ProposalFilter, page: PageArgs) {
  const where: FilterQuery<Proposal>[] = [];
  if (filter.statuses?.length) where.push({ status: { $in: filter.statuses } });
  if (filter.requestId) where.push({ requestId: filter.requestId });
  if (filter.from) where.push({ createdAt: { $gte: new Date(`${filter.from}T00:00:00Z`) } });
  if (filter.to) where.push({ createdAt: { $lt: new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000) } });
  return paginate(
    em,
    Proposal,
    proposalsFor(em, caller).where({ $and: where }),
    [{ createdAt: 'desc' }, { id: 'desc' }],
    page,
  );
}
