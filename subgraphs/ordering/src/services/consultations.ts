import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { type Bilingual, FileStep, type RequestSubmitted } from '@nuage/contracts';
import { conflict, endOfWorkingDaysAfter, invalid, invalidTransition, notFound, type Identity } from '@nuage/platform';
import { Consultation, ProposalOpening, Proposal, ProposalStatus, Solicitation } from '../entities/index.js';
import type { ConsultationPolicy } from '../settings.js';
import { assertMay } from './access.js';
import { recordConsultationStep } from './history.js';

/** Working days a request's brands have to answer when its submission named no deadline (events from before deadlines). */
const DEFAULT_WORKING_DAYS = 10;
/** How far a deadline may be moved: a year from now. */
const LATEST_DEADLINE_MS = 365 * 86_400_000;

const FORMATS = {
  fr: new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', dateStyle: 'medium', timeStyle: 'short' }),
};
/** An instant as people in Paris read it ("16/12/2026 23:59"). */
export const parisTime = (at: Date): Bilingual => ({ fr: FORMATS.fr.format(at), en: FORMATS.en.format(at) });

/** A submitted request's consultation: its deadline and seal, as the buyer set them at submission. */
export async function openConsultation(em: EntityManager, payload: RequestSubmitted): Promise<void> {
  if (await em.count(Consultation, { requestId: payload.requestId })) return;
  const submitted = new Date(payload.submittedAt);
  em.persist(
    em.create(Consultation, {
      requestId: payload.requestId,
      entityId: payload.entityId,
      fileNumber: payload.fileNumber,
      responseDeadline: payload.responseDeadline
        ? new Date(payload.responseDeadline)
        : endOfWorkingDaysAfter(submitted, DEFAULT_WORKING_DAYS),
      sealed: payload.sealed ?? false,
      durationMonths: payload.durationMonths ?? null,
      needItems: payload.items ?? [],
    }),
  );
}

/** The consultation of one of the caller's entity's requests, locked for a change; NOT_FOUND otherwise. */
async function ownConsultation(tx: EntityManager, caller: Identity, requestId: string): Promise<Consultation> {
  const consultation = await tx.findOne(
    Consultation,
    { requestId, entityId: caller.entityId ?? null },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!consultation) throw notFound({ fr: 'La demande', en: 'The request' }, 'requestId');
  return consultation;
}

/**
 * Whether a brand may still submit a proposal on a request: not after its deadline. Locked for
 * share, so that a proposal submitted as the deadline passes is either sealed and opened with the
 * others, or refused — never left sealed after the opening.
 */
export async function assertReceivingProposals(tx: EntityManager, requestId: string): Promise<Consultation | null> {
  const consultation = await tx.findOne(Consultation, { requestId }, { lockMode: LockMode.PESSIMISTIC_READ });
  if (consultation && consultation.responseDeadline.getTime() < Date.now()) {
    const deadline = parisTime(consultation.responseDeadline);
    throw invalidTransition({
      fr: `La date limite de réponse (${deadline.fr}) est passée : l'acheteur peut la prolonger.`,
      en: `The response deadline (${deadline.en}) has passed: the buyer may extend it.`,
    });
  }
  return consultation;
}

/** Whether a new proposal on this request is sealed. */
export const sealsProposals = (consultation: Consultation | null) => !!consultation?.sealed && !consultation.openedAt;

/** The buyer moves its request's deadline later: recorded with why; the brands yet to answer are reminded again before it. */
export async function extendDeadline(
  em: EntityManager,
  caller: Identity,
  requestId: string,
  until: Date,
  reason: string,
): Promise<Consultation> {
  assertMay(caller, 'consultation:extend');
  const why = reason.trim();
  if (why.length < 3)
    throw invalid('reason', {
      fr: 'Indiquez pourquoi la date limite est prolongée.',
      en: 'Say why the deadline is extended.',
    });
  return em.transactional(async (tx) => {
    const consultation = await ownConsultation(tx, caller, requestId);
    if (until.getTime() <= consultation.responseDeadline.getTime() || until.getTime() <= Date.now())
      throw invalid('until', {
        fr: `La nouvelle date limite suit l'actuelle (${parisTime(consultation.responseDeadline).fr}) et maintenant.`,
        en: `The new deadline comes after the current one (${parisTime(consultation.responseDeadline).en}) and after now.`,
      });
    if (until.getTime() > Date.now() + LATEST_DEADLINE_MS)
      throw invalid('until', { fr: "Une date limite tient dans l'année.", en: 'A deadline falls within a year.' });
    if (!(await tx.count(Solicitation, { requestId, closedAt: null })))
      throw invalidTransition({
        fr: "Cette demande n'attend plus de proposition (commandée, annulée ou déclinée).",
        en: 'This request no longer awaits proposals (ordered, cancelled or declined).',
      });
    const from = consultation.responseDeadline;
    consultation.extensions = [
      ...consultation.extensions,
      { from, to: until, reason: why, byName: caller.name, at: new Date() },
    ];
    consultation.responseDeadline = until;
    consultation.remindedAt = null;
    const to = parisTime(until);
    recordConsultationStep(tx, consultation, caller, {
      action: 'extendDeadline',
      step: FileStep.RESPONSE_DEADLINE_EXTENDED,
      comment: why,
      changes: [{ field: 'responseDeadline', from: from.toISOString(), to: until.toISOString() }],
      summary: {
        fr: `Date limite de réponse prolongée au ${to.fr}`,
        en: `Response deadline extended to ${to.en}`,
      },
    });
    return consultation;
  });
}

/** A solicited brand declines to answer (with why): the buyer sees it, and it counts for an early opening. Declining again changes nothing. */
export async function declineSolicitation(
  em: EntityManager,
  caller: Identity,
  requestId: string,
  reason: string,
): Promise<Solicitation> {
  assertMay(caller, 'solicitation:decline');
  const why = reason.trim();
  if (why.length < 3)
    throw invalid('reason', { fr: 'Indiquez pourquoi votre marque décline.', en: 'Say why your brand declines.' });
  return em.transactional(async (tx) => {
    const solicitation = await tx.findOne(
      Solicitation,
      { requestId, brandId: caller.brandId! },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!solicitation)
      throw notFound(
        { fr: 'Une demande sollicitant votre marque', en: 'A request soliciting your brand' },
        'requestId',
      );
    if (solicitation.declinedAt) return solicitation;
    if (solicitation.closedAt)
      throw invalidTransition({
        fr: "Cette demande n'attend plus de réponse de votre marque.",
        en: 'This request no longer awaits an answer from your brand.',
      });
    if (await tx.count(Proposal, { requestId, brandId: caller.brandId!, status: { $ne: ProposalStatus.WITHDRAWN } }))
      throw conflict({
        fr: 'Votre marque a déjà proposé : retirez sa proposition avant de décliner.',
        en: 'Your brand has already proposed: withdraw its proposal before declining.',
      });
    solicitation.declinedAt = solicitation.closedAt = new Date();
    solicitation.declineReason = why;
    recordConsultationStep(
      tx,
      { requestId, entityId: solicitation.entityId, fileNumber: solicitation.fileNumber },
      caller,
      {
        action: 'decline',
        step: FileStep.SOLICITATION_DECLINED,
        brandId: solicitation.brandId,
        comment: why,
        summary: { fr: 'Une marque sollicitée a décliné', en: 'A solicited brand declined' },
      },
    );
    return solicitation;
  });
}

/** The solicited brands that have neither answered (a proposal not withdrawn) nor declined. */
async function brandsAwaited(tx: EntityManager, requestId: string): Promise<string[]> {
  const [solicitations, proposals] = await Promise.all([
    tx.find(Solicitation, { requestId, declinedAt: null }),
    tx.find(Proposal, { requestId, status: { $ne: ProposalStatus.WITHDRAWN } }, { fields: ['brandId'] }),
  ]);
  const answered = new Set(proposals.map((p) => p.brandId));
  return solicitations.filter((s) => !answered.has(s.brandId) && !s.closedAt).map((s) => s.brandId);
}

/** Opens a request's sealed proposals, all together, and records it. */
async function open(tx: EntityManager, consultation: Consultation, how: ProposalOpening, actor: Identity | 'SYSTEM') {
  consultation.openedAt = new Date();
  consultation.openedBy = how;
  const opened = await tx.nativeUpdate(
    Proposal,
    { requestId: consultation.requestId, sealed: true },
    { sealed: false },
  );
  recordConsultationStep(tx, consultation, actor, {
    action: 'openProposals',
    step: FileStep.PROPOSALS_OPENED,
    summary:
      how === ProposalOpening.AT_DEADLINE
        ? {
            fr: `Date limite atteinte : ${opened} proposition(s) ouverte(s)`,
            en: `Deadline reached: ${opened} proposal(s) opened`,
          }
        : { fr: `${opened} proposition(s) ouverte(s) par l'acheteur`, en: `${opened} proposal(s) opened by the buyer` },
  });
}

/** The buyer opens its request's sealed proposals before the deadline: only once every solicited brand answered or declined. */
export async function openProposalsEarly(
  em: EntityManager,
  caller: Identity,
  requestId: string,
): Promise<Consultation> {
  assertMay(caller, 'consultation:open');
  return em.transactional(async (tx) => {
    const consultation = await ownConsultation(tx, caller, requestId);
    if (!consultation.sealed || consultation.openedAt)
      throw invalidTransition({
        fr: "Les propositions de cette demande ne sont pas sous pli : il n'y a rien à ouvrir.",
        en: 'The proposals of this request are not sealed: there is nothing to open.',
      });
    const awaited = await brandsAwaited(tx, requestId);
    if (awaited.length)
      throw conflict(
        {
          fr: `${awaited.length} marque(s) sollicitée(s) n'ont ni proposé ni décliné : les plis s'ouvrent à la date limite.`,
          en: `${awaited.length} solicited brand(s) have neither proposed nor declined: the proposals open at the deadline.`,
        },
        'requestId',
      );
    await open(tx, consultation, ProposalOpening.BY_BUYER, caller);
    return consultation;
  });
}

/** Consultations a round of the clock takes at most (the next round takes the rest). */
const CLOCK_BATCH = 50;

/**
 * The consultations' clock: opens the sealed proposals of every request whose deadline passed,
 * and reminds the brands yet to answer once the deadline is near. Rows are taken with SKIP
 * LOCKED, so replicas running it at once share the work and never do one twice.
 */
export async function keepConsultationsOnTime(em: EntityManager, policy: ConsultationPolicy): Promise<void> {
  const now = new Date();
  await em.fork().transactional(async (tx) => {
    const due = await tx.find(
      Consultation,
      { sealed: true, openedAt: null, responseDeadline: { $lte: now } },
      { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, limit: CLOCK_BATCH, orderBy: { responseDeadline: 'asc' } },
    );
    for (const consultation of due) await open(tx, consultation, ProposalOpening.AT_DEADLINE, 'SYSTEM');
  });
  await em.fork().transactional(async (tx) => {
    const soon = new Date(now.getTime() + policy.reminderHours * 3_600_000);
    const due = await tx.find(
      Consultation,
      { remindedAt: null, responseDeadline: { $gt: now, $lte: soon } },
      { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, limit: CLOCK_BATCH, orderBy: { responseDeadline: 'asc' } },
    );
    for (const consultation of due) {
      consultation.remindedAt = now;
      const deadline = parisTime(consultation.responseDeadline);
      for (const brandId of await brandsAwaited(tx, consultation.requestId))
        recordConsultationStep(tx, consultation, 'SYSTEM', {
          action: 'remind',
          step: FileStep.RESPONSE_DEADLINE_NEAR,
          brandId,
          summary: {
            fr: `Date limite de réponse proche : ${deadline.fr}`,
            en: `Response deadline near: ${deadline.en}`,
          },
        });
    }
  });
}
