import { LockMode, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import {
  sql,
  Dec,
  startOfParisDay,
  invalid,
  notFound,
  paginate,
  publish,
  take,
  todayInParis,
  endOfWorkingDaysAfter,
  type Identity,
  type PageArgs,
  assertMayTake,
  allows,
  formatEuros,
} from '@nuage/platform';
import { attachDocuments, listIssuedDocument, type MessageInput, postMessage } from '@nuage/threads';
import { changesBetween } from '@nuage/history';
import { HistorySubject, type Role, TOPICS, type RequestSubmitted, type RenewalRequested } from '@nuage/contracts';
import {
  BeneficiaryEntity,
  KnownGuidedChoice,
  KnownOrder,
  KnownProduct,
  KnownSolution,
  Project,
  RequestItem,
  RequestKind,
  RequestSolution,
  RequestStatus,
  ServiceRequest,
  Team,
} from '../entities/index.js';
import { editableFields, recordRequestStep } from './history.js';
import { announceMessage } from './announcements.js';
import { assertMay, projectsFor, requestsFor, requestThread } from './access.js';
import { REQUEST_LIFECYCLE, type RequestTransition } from './request-lifecycle.js';

export interface ProjectChoice {
  /** An existing project of the entity. */
  id?: string;
  /** Or a new one. */
  new?: { codeName: string; shortDescription: string; teamId?: string };
}

export interface SolutionChoice {
  brandId: string;
  solutionId?: string;
}

export interface ItemInput {
  orderId?: string;
  orderLineId?: string;
  productId?: string;
  /** Required for a non-referenced product. */
  designation?: string;
  quantity: string;
}

export interface NeedInput {
  desiredStartDate?: string;
  durationYears?: number;
  text?: string;
  attachmentIds?: string[];
}

export interface DraftInput {
  myReference?: string | null;
  guidedChoiceId?: string;
  solutions?: SolutionChoice[];
  derogationReason?: string;
  items?: ItemInput[];
  need?: NeedInput;
}

export interface NewDraftInput extends DraftInput {
  kind: RequestKind;
  project: ProjectChoice;
}

export const MAX_DURATION_YEARS = 10;
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const trimmed = (value: string | undefined | null) => value?.trim() ?? '';

async function chooseProject(
  em: EntityManager,
  caller: Identity,
  choice: ProjectChoice,
  kind: RequestKind,
): Promise<Project> {
  if ((choice.id === undefined) === (choice.new === undefined))
    throw invalid('input.project', {
      fr: 'Choisissez un projet existant (id) ou décrivez-en un nouveau (new), pas les deux.',
      en: 'Choose an existing project (id) or describe a new one (new), not both.',
    });
  if (choice.id !== undefined) {
    const project = await em.findOne(Project, { id: choice.id, entity: caller.entityId! });
    if (!project) throw notFound({ fr: 'Le projet', en: 'The project' }, 'input.project.id');
    return project;
  }
  if (kind === RequestKind.RENEWAL || kind === RequestKind.COMPLEMENTARY)
    throw invalid('input.project', {
      fr: 'Un renouvellement ou une commande complémentaire se fait sur un projet existant.',
      en: 'A renewal or a complementary order is made on an existing project.',
    });
  const codeName = trimmed(choice.new!.codeName);
  const shortDescription = trimmed(choice.new!.shortDescription);
  if (codeName.length < 2 || codeName.length > 80)
    throw invalid('input.project.new.codeName', {
      fr: 'Nommez le projet en 2 à 80 caractères.',
      en: 'Name the project in 2 to 80 characters.',
    });
  if (shortDescription.length < 1 || shortDescription.length > 500)
    throw invalid('input.project.new.shortDescription', {
      fr: 'Décrivez le projet en 1 à 500 caractères.',
      en: 'Describe the project in 1 to 500 characters.',
    });
  if (await em.findOne(Project, { entity: caller.entityId!, codeName }))
    throw invalid('input.project.new.codeName', {
      fr: `Votre entité a déjà un projet « ${codeName} » : choisissez-le comme projet existant.`,
      en: `Your entity already has a project "${codeName}": choose it as an existing project.`,
    });
  let team: Team | null = null;
  if (choice.new!.teamId) {
    team = await em.findOne(Team, { id: choice.new!.teamId, entity: caller.entityId! });
    if (!team) throw notFound({ fr: "L'équipe", en: 'The team' }, 'input.project.new.teamId');
  }
  const project = em.create(Project, {
    entity: em.getReference(BeneficiaryEntity, caller.entityId!),
    team,
    codeName,
    shortDescription,
    createdById: caller.userId,
  });
  em.persist(project);
  return project;
}

/** Checks the solicited brands and solutions against the catalogue's events (never its tables). */
async function checkSolutions(
  em: EntityManager,
  caller: Identity,
  request: ServiceRequest,
  input: DraftInput,
): Promise<SolutionChoice[] | undefined> {
  if (input.guidedChoiceId !== undefined) {
    if (request.kind !== RequestKind.GUIDED_CHOICE)
      throw invalid('input.guidedChoiceId', {
        fr: "Seule une demande issue du parcours d'aide au choix s'appuie sur un parcours.",
        en: 'Only a guided-choice request builds on a guided choice.',
      });
    const guidedChoice = await em.findOne(KnownGuidedChoice, { id: input.guidedChoiceId });
    if (!guidedChoice || guidedChoice.entityId !== caller.entityId)
      throw notFound({ fr: "Le parcours d'aide au choix", en: 'The guided choice' }, 'input.guidedChoiceId');
    request.guidedChoiceId = guidedChoice.id;
  }
  if (input.solutions === undefined) return undefined;
  const choices = input.solutions;
  const known = new Map(
    (await em.find(KnownSolution, { id: { $in: choices.flatMap((c) => (c.solutionId ? [c.solutionId] : [])) } })).map(
      (s) => [s.id, s],
    ),
  );
  const seen = new Set<string>();
  choices.forEach((choice, i) => {
    const field = `input.solutions.${i}`;
    const renewal = request.kind === RequestKind.RENEWAL || request.kind === RequestKind.COMPLEMENTARY;
    if (!choice.solutionId) {
      if (!renewal)
        throw invalid(`${field}.solutionId`, {
          fr: 'Choisissez une solution de la marque.',
          en: 'Choose a solution of the brand.',
        });
    } else {
      const solution = known.get(choice.solutionId);
      if (!solution || solution.retired)
        throw invalid(`${field}.solutionId`, {
          fr: "Cette solution n'existe pas sur le marché.",
          en: 'There is no such solution on the market.',
        });
      if (solution.brandId !== choice.brandId)
        throw invalid(`${field}.solutionId`, {
          fr: `La solution « ${solution.name} » n'est pas de cette marque.`,
          en: `The solution "${solution.name}" is not one of this brand's.`,
        });
    }
    const key = `${choice.brandId}/${choice.solutionId ?? ''}`;
    if (seen.has(key))
      throw invalid(field, {
        fr: 'Cette marque et cette solution sont choisies deux fois.',
        en: 'This brand and solution are chosen twice.',
      });
    seen.add(key);
  });
  if (request.kind === RequestKind.DEROGATION && new Set(choices.map((c) => c.brandId)).size > 1) {
    throw invalid('input.solutions', {
      fr: 'Une dérogation sollicite une seule marque : choisissez une ou plusieurs de ses solutions.',
      en: 'A derogation solicits one brand: choose one or more of its solutions.',
    });
  }
  if (request.kind === RequestKind.GUIDED_CHOICE && request.guidedChoiceId) {
    const guidedChoice = await em.findOneOrFail(KnownGuidedChoice, { id: request.guidedChoiceId });
    const index = choices.findIndex(
      (c) => !guidedChoice.matches.some((m) => m.brandId === c.brandId && m.solutionId === c.solutionId),
    );
    if (index >= 0)
      throw invalid(`input.solutions.${index}`, {
        fr: "Cette marque et cette solution ne sont pas parmi les résultats du parcours d'aide au choix.",
        en: 'This brand and solution are not among the results of the guided choice.',
      });
  }
  return choices;
}

/**
 * The lines of a renewal or a complementary order, checked where they enter: a product of the
 * price list, a described non-referenced product, or a line of an order of the buyer's own entity
 * (as the ordering subgraph announced it: an order of another entity, or unknown, is not found).
 */
async function checkItems(
  em: EntityManager,
  caller: Identity,
  request: ServiceRequest,
  items: ItemInput[] | undefined,
): Promise<Omit<RequestItem, 'request' | 'id' | 'createdAt' | 'updatedAt' | 'position'>[] | undefined> {
  if (items === undefined) return undefined;
  if (items.length > 0 && request.kind !== RequestKind.RENEWAL && request.kind !== RequestKind.COMPLEMENTARY)
    throw invalid('input.items', {
      fr: 'Seuls un renouvellement ou une commande complémentaire listent des produits.',
      en: 'Only a renewal or a complementary order lists products.',
    });
  const products = new Map(
    (await em.find(KnownProduct, { id: { $in: items.flatMap((i) => (i.productId ? [i.productId] : [])) } })).map(
      (p) => [p.id, p],
    ),
  );
  const orders = new Map(
    (
      await em.find(KnownOrder, {
        id: { $in: items.flatMap((i) => (i.orderId ? [i.orderId] : [])) },
        entityId: caller.entityId!,
      })
    ).map((o) => [o.id, o]),
  );
  return items.map((item, i) => {
    const field = `input.items.${i}`;
    const quantity = new Dec(item.quantity);
    if (quantity.lte(0) || quantity.decimalPlaces() > 2)
      throw invalid(`${field}.quantity`, {
        fr: 'Une quantité est positive, avec deux décimales au plus.',
        en: 'A quantity is positive, with two decimals at most.',
      });
    let designation = trimmed(item.designation);
    let productCode: string | null = null;
    let brandId: string | null = null;
    if (item.orderLineId && !item.orderId)
      throw invalid(`${field}.orderId`, {
        fr: 'Indiquez la commande de cette ligne.',
        en: 'Name the order the line belongs to.',
      });
    if (item.orderId) {
      const order = orders.get(item.orderId);
      if (!order) throw notFound({ fr: 'La commande', en: 'The order' }, `${field}.orderId`);
      brandId = order.brandId;
      if (item.orderLineId) {
        const line = order.lines.find((l) => l.orderLineId === item.orderLineId);
        if (!line) throw notFound({ fr: 'La ligne de commande', en: 'The order line' }, `${field}.orderLineId`);
        designation ||= line.designation;
        productCode = line.productCode;
      }
    }
    if (item.productId) {
      const product = products.get(item.productId);
      if (!product || product.retired)
        throw invalid(`${field}.productId`, {
          fr: "Ce produit n'est pas au bordereau de prix.",
          en: 'There is no such product in the price list.',
        });
      designation = product.designation;
      productCode = product.code;
      brandId = product.brandId;
    } else if (!item.orderLineId && designation.length === 0) {
      throw invalid(`${field}.designation`, {
        fr: 'Décrivez le produit non référencé.',
        en: 'Describe the non-referenced product.',
      });
    }
    return {
      orderId: item.orderId ?? null,
      orderLineId: item.orderLineId ?? null,
      productId: item.productId ?? null,
      brandId,
      designation: designation || 'Ligne de commande à renouveler',
      productCode,
      quantity: quantity.toFixed(2),
    };
  });
}

function checkNeed(request: ServiceRequest, need: NeedInput | undefined): void {
  if (!need) return;
  if (need.desiredStartDate !== undefined) {
    if (need.desiredStartDate < todayInParis())
      throw invalid('input.need.desiredStartDate', {
        fr: 'Le début souhaité ne peut pas être dans le passé.',
        en: 'The desired start cannot be in the past.',
      });
    request.desiredStartDate = need.desiredStartDate;
  }
  if (need.durationYears !== undefined) {
    if (!Number.isInteger(need.durationYears) || need.durationYears < 1 || need.durationYears > MAX_DURATION_YEARS) {
      throw invalid('input.need.durationYears', {
        fr: `La durée estimée va de 1 à ${MAX_DURATION_YEARS} ans.`,
        en: `The estimated duration is 1 to ${MAX_DURATION_YEARS} years.`,
      });
    }
    request.durationYears = need.durationYears;
  }
  if (need.text !== undefined) {
    const text = need.text.trim();
    if (text.length === 0)
      throw invalid('input.need.text', { fr: 'Décrivez le besoin technique.', en: 'Describe the technical need.' });
    if (text.length > 20_000)
      throw invalid('input.need.text', {
        fr: 'Le besoin fait au plus 20 000 caractères ; joignez un document au-delà.',
        en: 'The need is 20,000 characters at most; attach a document for more.',
      });
    request.needText = text;
  }
}

/** Applies a draft's input: every check first, then the changes, so a refusal changes nothing. */
async function applyDraft(
  em: EntityManager,
  caller: Identity,
  request: ServiceRequest,
  input: DraftInput,
): Promise<void> {
  if (input.myReference !== undefined) request.myReference = trimmed(input.myReference) || null;
  const solutions = await checkSolutions(em, caller, request, input);
  const items = await checkItems(em, caller, request, input.items);
  checkNeed(request, input.need);
  if (input.derogationReason !== undefined) {
    if (request.kind !== RequestKind.DEROGATION)
      throw invalid('input.derogationReason', {
        fr: 'Seule une dérogation se justifie.',
        en: 'Only a derogation is justified.',
      });
    const reason = trimmed(input.derogationReason);
    if (reason.length < 10)
      throw invalid('input.derogationReason', {
        fr: 'Justifiez la dérogation (10 caractères au moins).',
        en: 'Justify the derogation (10 characters at least).',
      });
    // Signing is saying why, as who, now: the derogation is signed by the person who writes it.
    request.derogationReason = reason;
    request.derogationSignedBy = caller.name;
    request.derogationSignedAt = new Date();
  }
  if (input.need?.attachmentIds?.length)
    await attachDocuments(
      em,
      caller,
      input.need.attachmentIds,
      { subjectId: request.id, kind: 'NEED' },
      'input.need.attachmentIds',
    );
  if (solutions) {
    if (!request.solutions.isInitialized()) await request.solutions.init();
    request.solutions.removeAll();
    for (const [position, choice] of solutions.entries())
      request.solutions.add(
        em.create(RequestSolution, {
          request,
          position,
          brandId: choice.brandId,
          solutionId: choice.solutionId ?? null,
        }),
      );
  }
  if (items) {
    if (!request.items.isInitialized()) await request.items.init();
    request.items.removeAll();
    for (const [position, item] of items.entries())
      request.items.add(em.create(RequestItem, { request, position, ...item }));
    // A renewal solicits the brand of the orders it renews, unless the buyer chose the brands.
    if (!solutions && request.kind === RequestKind.RENEWAL) {
      if (!request.solutions.isInitialized()) await request.solutions.init();
      const known = new Set(request.solutions.getItems().map((s) => s.brandId));
      const orderBrands = [
        ...new Set(
          items.flatMap((item) => (item.orderId && item.brandId && !known.has(item.brandId) ? [item.brandId] : [])),
        ),
      ];
      for (const [i, brandId] of orderBrands.entries())
        request.solutions.add(
          em.create(RequestSolution, { request, position: known.size + i, brandId, solutionId: null }),
        );
    }
  }
}

/** Saves a new draft ("Enregistrer (brouillon)"); it can be resumed and submitted later. */
export async function createDraft(em: EntityManager, caller: Identity, input: NewDraftInput): Promise<ServiceRequest> {
  assertMay(caller, 'request:create');
  return em.transactional(async (tx) => {
    const project = await chooseProject(tx, caller, input.project, input.kind);
    const request = tx.create(ServiceRequest, {
      kind: input.kind,
      project,
      entityId: caller.entityId!,
      createdById: caller.userId,
      createdByName: caller.name,
    });
    tx.persist(request);
    await applyDraft(tx, caller, request, input);
    await recordRequestStep(tx, request, caller, { action: 'create' });
    return request;
  });
}

/*
 * Every change of a request locks its row first: other people, and the events that move it on
 * (proposals received, ordered), may change it at the same moment; the later one then reads the
 * earlier's result instead of failing on its stale version.
 */

/** Changes a draft; only drafts change this way ("Ma référence" changes at any time). */
export async function updateDraft(
  em: EntityManager,
  caller: Identity,
  id: string,
  input: DraftInput,
): Promise<ServiceRequest> {
  assertMayTake(REQUEST_LIFECYCLE, 'edit', caller);
  return em.transactional(async (tx) => {
    const request = await requestsFor(tx, caller).get(id, { lock: true });
    await tx.lock(request, LockMode.PESSIMISTIC_WRITE);
    take(REQUEST_LIFECYCLE, request.status, 'edit', caller.role);
    const before = editableFields(request);
    await applyDraft(tx, caller, request, input);
    const changes = changesBetween(before, editableFields(request));
    if (changes.length) await recordRequestStep(tx, request, caller, { action: 'edit', changes });
    return request;
  });
}

/** "Ma référence": the buyer's own reference, editable whatever the status. */
export async function setMyReference(
  em: EntityManager,
  caller: Identity,
  id: string,
  reference: string | null,
): Promise<ServiceRequest> {
  assertMay(caller, 'request:setReference');
  return em.transactional(async (tx) => {
    const request = await requestsFor(tx, caller).get(id, { lock: true });
    const value = trimmed(reference);
    if (value.length > 100)
      throw invalid('myReference', {
        fr: 'Votre référence fait au plus 100 caractères.',
        en: 'Your reference is 100 characters at most.',
      });
    const changes = changesBetween({ myReference: request.myReference }, { myReference: value || null });
    request.myReference = value || null;
    if (changes.length) await recordRequestStep(tx, request, caller, { action: 'edit', changes });
    return request;
  });
}

/** What a request must have to be submitted, by kind; the first gap is reported. */
function assertComplete(request: ServiceRequest): void {
  if (!request.needText)
    throw invalid('need.text', {
      fr: "Décrivez le besoin technique avant d'envoyer la demande.",
      en: 'Describe the technical need before submitting.',
    });
  if (!request.desiredStartDate)
    throw invalid('need.desiredStartDate', {
      fr: "Indiquez la date de début souhaitée avant d'envoyer la demande.",
      en: 'Give the desired start date before submitting.',
    });
  if (request.desiredStartDate < todayInParis())
    throw invalid('need.desiredStartDate', {
      fr: "Le début souhaité est maintenant dans le passé : modifiez-le avant d'envoyer la demande.",
      en: 'The desired start is now in the past: change it before submitting.',
    });
  if (!request.durationYears)
    throw invalid('need.durationYears', {
      fr: "Indiquez la durée estimée avant d'envoyer la demande.",
      en: 'Give the estimated duration before submitting.',
    });
  if (request.solutions.length === 0)
    throw invalid('solutions', {
      fr: 'Choisissez au moins une marque à solliciter.',
      en: 'Choose at least one brand to solicit.',
    });
  if (request.kind === RequestKind.GUIDED_CHOICE && !request.guidedChoiceId)
    throw invalid('guidedChoiceId', {
      fr: "Joignez le parcours d'aide au choix dont la demande est issue.",
      en: 'Attach the guided choice the request builds on.',
    });
  if (request.kind === RequestKind.DEROGATION && !request.derogationReason)
    throw invalid('derogationReason', {
      fr: 'Signez la dérogation : indiquez pourquoi.',
      en: 'Sign the derogation: say why.',
    });
  if (
    (request.kind === RequestKind.RENEWAL || request.kind === RequestKind.COMPLEMENTARY) &&
    request.items.length === 0
  )
    throw invalid('items', {
      fr: 'Listez les lignes de commande ou les produits concernés.',
      en: 'List the order lines or products concerned.',
    });
}

/**
 * A file number: a sequence number and a two-digit key, 97 − (number mod 97), the rule of French
 * social-security numbers, so that a mistyped number is recognised as such.
 */
export function fileNumberOf(sequence: number): string {
  const key = 97 - (sequence % 97);
  return `${sequence}-${String(key).padStart(2, '0')}`;
}

/** What the buyer chooses of how its request receives proposals, at submission. */
export interface ConsultationChoice {
  /** Proposals are received until then; by default, the end of the Paris day `workingDays` working days from today. */
  responseDeadline?: Date;
  /** Whether proposals stay sealed until the deadline; by default, for a guided choice soliciting several brands. */
  sealedProposals?: boolean;
}

export interface ConsultationDefaults {
  workingDays: number;
}

/** The deadline a submission sets: the buyer's, at least a working day away and within a year, or the default. */
function deadlineOf(choice: ConsultationChoice, defaults: ConsultationDefaults): Date {
  if (!choice.responseDeadline) return endOfWorkingDaysAfter(new Date(), defaults.workingDays);
  const at = choice.responseDeadline.getTime();
  if (Number.isNaN(at) || at <= Date.now())
    throw invalid('responseDeadline', {
      fr: 'La date limite de réponse est à venir.',
      en: 'The response deadline is in the future.',
    });
  if (at > Date.now() + 365 * 86_400_000)
    throw invalid('responseDeadline', {
      fr: "Une date limite tient dans l'année.",
      en: 'A deadline falls within a year.',
    });
  return choice.responseDeadline;
}

/**
 * Submits a draft: checks it is complete, gives it its file number and tells the ordering
 * subgraph which brands may now answer (an event in the same transaction).
 */
export async function submit(
  em: EntityManager,
  caller: Identity,
  id: string,
  consultation: ConsultationChoice,
  defaults: ConsultationDefaults,
): Promise<ServiceRequest> {
  assertMayTake(REQUEST_LIFECYCLE, 'submit', caller);
  const responseDeadline = deadlineOf(consultation, defaults);
  return em.transactional(async (tx) => {
    const request = await requestsFor(tx, caller).get(id, { lock: true });
    // Locked: of two concurrent submits, the second sees the first's result and is refused.
    await tx.lock(request, LockMode.PESSIMISTIC_WRITE);
    await tx.refresh(request);
    const from = request.status;
    transition(request, 'submit', caller.role);
    await tx.populate(request, ['solutions', 'items', 'project']);
    assertComplete(request);
    const [row] = await sql<{ n: string }[]>(tx, "select nextval('request_file_number_seq') as n");
    request.fileNumber = fileNumberOf(Number(row!.n));
    request.submittedAt = new Date();
    await recordRequestStep(tx, request, caller, { action: 'submit', from });
    const brands = new Map<string, string[]>();
    for (const s of request.solutions)
      brands.set(s.brandId, [...(brands.get(s.brandId) ?? []), ...(s.solutionId ? [s.solutionId] : [])]);
    const entity = await tx.findOneOrFail(BeneficiaryEntity, { id: request.entityId });
    // The PAAC report of the guided choice it is built on is one of its documents, as the guide shows.
    const report = request.guidedChoiceId
      ? (await tx.findOne(KnownGuidedChoice, { id: request.guidedChoiceId }))?.report
      : null;
    if (report) await listIssuedDocument(tx, request.id, report);
    publish(tx, TOPICS.requestSubmitted, {
      requestId: request.id,
      fileNumber: request.fileNumber,
      entityId: request.entityId,
      entitySiret: entity.siret,
      entity: {
        name: entity.name,
        siret: entity.siret,
        address: entity.address,
        chorusServiceCode: entity.chorusServiceCode,
      },
      kind: request.kind,
      projectName: request.project.codeName,
      brands: [...brands].map(([brandId, solutionIds]) => ({ brandId, solutionIds })),
      renewedOrderLineIds:
        request.kind === RequestKind.RENEWAL
          ? request.items.getItems().flatMap((item) => (item.orderLineId ? [item.orderLineId] : []))
          : [],
      guidedChoiceId: request.guidedChoiceId,
      submittedAt: request.submittedAt.toISOString(),
      responseDeadline: responseDeadline.toISOString(),
      // Sealed by default when a guided choice put several brands in competition.
      sealed: consultation.sealedProposals ?? (request.kind === RequestKind.GUIDED_CHOICE && brands.size > 1),
      durationMonths: request.durationYears ? request.durationYears * 12 : null,
      items: request.items
        .getItems()
        .map(({ productCode, designation, quantity }) => ({ productCode, designation, quantity })),
    } satisfies RequestSubmitted);
    return request;
  });
}

export async function cancel(em: EntityManager, caller: Identity, id: string, reason: string): Promise<ServiceRequest> {
  assertMayTake(REQUEST_LIFECYCLE, 'cancel', caller);
  return em.transactional(async (tx) => {
    const request = await requestsFor(tx, caller).get(id, { lock: true });
    const why = reason.trim();
    if (why.length < 3)
      throw invalid('reason', {
        fr: 'Indiquez pourquoi la demande est annulée.',
        en: 'Say why the request is cancelled.',
      });
    await tx.lock(request, LockMode.PESSIMISTIC_WRITE);
    await tx.refresh(request);
    const from = request.status;
    const wasSubmitted = from !== RequestStatus.DRAFT;
    transition(request, 'cancel', caller.role);
    request.cancelReason = why;
    await recordRequestStep(tx, request, caller, { action: 'cancel', from, comment: why });
    if (wasSubmitted) publish(tx, TOPICS.requestCancelled, { requestId: request.id });
    return request;
  });
}

/** The buyer (or the market holder) closes an ordered request: the file is complete. */
export async function close(
  em: EntityManager,
  caller: Identity,
  id: string,
  comment: string | undefined,
): Promise<ServiceRequest> {
  assertMayTake(REQUEST_LIFECYCLE, 'close', caller);
  return em.transactional(async (tx) => {
    const request = await requestsFor(tx, caller).get(id, { lock: true });
    await tx.lock(request, LockMode.PESSIMISTIC_WRITE);
    await tx.refresh(request);
    const from = request.status;
    transition(request, 'close', caller.role);
    await recordRequestStep(tx, request, caller, { action: 'close', from, comment: comment?.trim() || null });
    return request;
  });
}

/** Moves a request along its lifecycle (see REQUEST_LIFECYCLE). */
export function transition(request: ServiceRequest, name: RequestTransition, actor: Role | 'SYSTEM'): void {
  request.status = take(REQUEST_LIFECYCLE, request.status, name, actor);
  request.statusChangedAt = new Date();
}

export interface RequestFilter {
  statuses?: RequestStatus[];
  /** Words of the file number or of the project's code name. */
  keyword?: string;
  /** Created on or after this day. */
  from?: string;
  /** Created on or before this day. */
  to?: string;
  kind?: RequestKind;
}

/** "Demandes de devis": the requests the caller may read, latest first. */
export function listRequests(em: EntityManager, caller: Identity, filter: RequestFilter, page: PageArgs) {
  const where: FilterQuery<ServiceRequest>[] = [];
  if (filter.statuses?.length) where.push({ status: { $in: filter.statuses } });
  if (filter.kind) where.push({ kind: filter.kind });
  if (filter.keyword !== undefined) {
    const keyword = filter.keyword.trim();
    if (keyword.length < 2)
      throw invalid('filter.keyword', {
        fr: 'Tapez au moins 2 caractères pour chercher.',
        en: 'Type at least 2 characters to search.',
      });
    const like = `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push({ $or: [{ fileNumber: { $ilike: like } }, { project: { codeName: { $ilike: like } } }] });
  }
  if (filter.from && filter.to && filter.to < filter.from)
    throw invalid('filter.to', {
      fr: 'La fin de la période précède son début.',
      en: 'The end of the period comes before its start.',
    });
  if (filter.from) where.push({ createdAt: { $gte: startOfParisDay(filter.from) } });
  if (filter.to) where.push({ createdAt: { $lt: startOfParisDay(nextDay(filter.to)) } });
  const requests = requestsFor(em, caller);
  return paginate(
    em,
    ServiceRequest,
    requests.where({ $and: where }),
    [{ createdAt: 'desc' }, { id: 'desc' }],
    page,
    // Unfiltered, the list counts what the dashboard counts by status.
    where.length ? undefined : () => requests.countsByStatus().total(),
  );
}

/** Projects in code-name order, of one entity when given, among those the caller may read. */
export function listProjects(em: EntityManager, caller: Identity, entityId: string | undefined, page: PageArgs) {
  const where = projectsFor(em, caller).where(entityId ? { entity: entityId } : {});
  return paginate(em, Project, where, [{ codeName: 'asc' }, { id: 'asc' }], page);
}

/** Posts a message on a request's thread, for those who write on it. */
export function postRequestMessage(em: EntityManager, caller: Identity, message: MessageInput) {
  assertMay(caller, 'request:write');
  return em.transactional(async (tx) => {
    const posted = await postMessage(tx, requestThread, caller, message);
    const request = await tx.findOneOrFail(ServiceRequest, posted.subjectId);
    await announceMessage(tx, posted, {
      subjectType: HistorySubject.REQUEST,
      subjectId: request.id,
      reference: request.fileNumber!,
      fileId: request.id,
      entityId: request.entityId,
      orderId: null,
    });
    return posted;
  });
}

/** From a consumption alert, the buyer stated an amount to renew: a renewal draft on the same project, soliciting the same brand. */
export async function startRenewalDraft(em: EntityManager, payload: RenewalRequested): Promise<void> {
  const origin = payload.requestId ? await em.findOne(ServiceRequest, { id: payload.requestId }) : null;
  if (!origin) return;
  const request = em.create(ServiceRequest, {
    id: payload.draftId,
    kind: RequestKind.RENEWAL,
    project: origin.project,
    entityId: payload.entityId,
    createdById: payload.requestedById,
    createdByName: payload.requestedByName,
  });
  request.solutions.add(
    em.create(RequestSolution, { request, position: 0, brandId: payload.brandId, solutionId: null }),
  );
  request.items.add(
    em.create(RequestItem, {
      request,
      position: 0,
      orderId: payload.orderId,
      orderLineId: payload.orderLineId,
      productId: null,
      brandId: payload.brandId,
      productCode: null,
      designation: `Crédits de consommation — ${payload.designation} : ${formatEuros(new Dec(payload.amount), 'fr')} HT`,
      quantity: '1.00',
    }),
  );
  em.persist(request);
}

/**
 * Moves a request along when another subgraph says so, if its lifecycle allows it now; an event
 * that arrives late (the request moved on, or was cancelled) changes nothing.
 */
export async function follow(em: EntityManager, requestId: string, name: RequestTransition) {
  // Locked first, like a buyer's change: taking the search entry before the row would deadlock with one.
  const request = await em.findOne(ServiceRequest, { id: requestId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!request || !allows(REQUEST_LIFECYCLE, request.status, name, 'SYSTEM')) return;
  const from = request.status;
  transition(request, name, 'SYSTEM');
  await recordRequestStep(em, request, 'SYSTEM', { action: name, from });
}
