import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { forbidden, invalid, isMarketWide, notFound, type Identity } from '@nuage/platform';
import { Role } from '@nuage/contracts';
import { sendMailAfterCommit } from '@nuage/mail';
import { BeneficiaryEntity, Person, Team } from '../entities/index.js';
import { isValidSiret } from './siret.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { assertManages, assertMay, manages } from './access.js';

const INVITATION_DAYS = 7;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface ProfileChanges {
  name?: string;
  siret?: string;
  address?: string;
  chorusServiceCode?: string | null;
  purchasingReferences?: string[];
}

/** Updates the "Fiche bénéficiaire"; the SIRET must pass its check digit. */
export async function updateEntityProfile(
  em: EntityManager,
  caller: Identity,
  entityId: string,
  changes: ProfileChanges,
): Promise<BeneficiaryEntity> {
  assertManages(caller, entityId);
  const entity = await em.findOne(BeneficiaryEntity, { id: entityId });
  if (!entity) throw notFound({ fr: "L'entité", en: 'The entity' }, 'input.entityId');
  if (changes.name !== undefined) {
    if (!changes.name.trim()) throw invalid('input.name', { fr: "Nommez l'entité.", en: 'Name the entity.' });
    entity.name = changes.name.trim();
  }
  if (changes.siret !== undefined) {
    const siret = changes.siret.replace(/\s/g, '');
    if (!isValidSiret(siret))
      throw invalid('input.siret', {
        fr: "Un SIRET compte 14 chiffres dont la clé de contrôle est juste ; ce n'est pas le cas de celui-ci.",
        en: 'A SIRET is 14 digits whose check digit holds; this one does not.',
      });
    if (await em.findOne(BeneficiaryEntity, { siret, id: { $ne: entityId } }))
      throw invalid('input.siret', { fr: 'Une autre entité a ce SIRET.', en: 'Another entity has this SIRET.' });
    entity.siret = siret;
  }
  if (changes.address !== undefined) {
    if (!changes.address.trim())
      throw invalid('input.address', { fr: "Indiquez l'adresse postale.", en: 'Give the postal address.' });
    entity.address = changes.address.trim();
  }
  if (changes.chorusServiceCode !== undefined) entity.chorusServiceCode = changes.chorusServiceCode?.trim() || null;
  if (changes.purchasingReferences !== undefined)
    entity.purchasingReferences = changes.purchasingReferences.map((r) => r.trim()).filter(Boolean);
  await em.flush();
  return entity;
}

/** "Mon équipe": the entity's people and teams, for its own people and market-wide staff. */
export function assertMayReadTeam(caller: Identity, entityId: string): void {
  if (!isMarketWide(caller) && caller.entityId !== entityId)
    throw forbidden({
      fr: 'Vous ne voyez que les équipes de votre entité.',
      en: "You may only see your own entity's team.",
    });
}

export async function saveTeam(
  em: EntityManager,
  caller: Identity,
  input: { entityId: string; teamId?: string; name: string; memberIds: string[] },
): Promise<Team> {
  assertManages(caller, input.entityId);
  const name = input.name.trim();
  if (name.length < 2 || name.length > 80)
    throw invalid('input.name', {
      fr: "Nommez l'équipe en 2 à 80 caractères.",
      en: 'Name the team in 2 to 80 characters.',
    });
  const members = await em.find(Person, { id: { $in: input.memberIds }, entity: input.entityId });
  const found = new Set(members.map((m) => m.id));
  const stranger = input.memberIds.findIndex((id) => !found.has(id));
  if (stranger >= 0)
    throw invalid(`input.memberIds.${stranger}`, {
      fr: "Seules les personnes de l'entité rejoignent ses équipes.",
      en: 'Only people of the entity join its teams.',
    });
  const team = input.teamId
    ? await em.findOne(Team, { id: input.teamId, entity: input.entityId })
    : em.create(Team, { entity: em.getReference(BeneficiaryEntity, input.entityId), name });
  if (!team) throw notFound({ fr: "L'équipe", en: 'The team' }, 'input.teamId');
  if (await em.findOne(Team, { entity: input.entityId, name, id: { $ne: team.id } }))
    throw invalid('input.name', {
      fr: "L'entité a déjà une équipe de ce nom.",
      en: 'The entity already has a team of this name.',
    });
  team.name = name;
  await team.members.init();
  team.members.set(members);
  await em.persist(team).flush();
  return team;
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface Invitation {
  entityId: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
}

/**
 * Invites someone to the entity: the account exists, inactive, and an email carries a link with a
 * one-time token valid for a week. Only the token's hash is kept.
 */
export async function invitePerson(
  em: EntityManager,
  caller: Identity,
  invitation: Invitation,
  activationUrl: string,
): Promise<Person> {
  assertManages(caller, invitation.entityId);
  if (invitation.role !== Role.BENEFICIARY && invitation.role !== Role.MANAGER)
    throw invalid('input.role', {
      fr: 'Une entité invite des bénéficiaires ou des managers.',
      en: 'An entity invites beneficiaries or managers.',
    });
  const email = invitation.email.trim().toLowerCase();
  if (!EMAIL.test(email))
    throw invalid('input.email', { fr: "Ce n'est pas une adresse électronique.", en: 'This is not an email address.' });
  if (!invitation.firstName.trim() || !invitation.lastName.trim())
    throw invalid('input.lastName', { fr: 'Indiquez le prénom et le nom.', en: 'Give the first and last name.' });
  const entity = await em.findOne(BeneficiaryEntity, { id: invitation.entityId });
  if (!entity) throw notFound({ fr: "L'entité", en: 'The entity' }, 'input.entityId');
  // Only the entity's own accounts are looked at: whether the address has an account elsewhere is none of the caller's business.
  if (await em.findOne(Person, { email, entity: entity.id }))
    throw invalid('input.email', {
      fr: "Quelqu'un de l'entité a déjà un compte avec cette adresse.",
      en: 'Someone of the entity already has an account with this email.',
    });
  const token = randomBytes(32).toString('base64url');
  const person = em.create(Person, {
    firstName: invitation.firstName.trim(),
    lastName: invitation.lastName.trim(),
    email,
    phone: null,
    role: invitation.role,
    entity,
    brandId: null,
    activationTokenHash: tokenHash(token),
    activationExpiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
  });
  em.persist(person);
  const link = `${activationUrl}?token=${token}`;
  // Sent once the person is saved, by the effects worker (retried alone if the mail server fails).
  sendMailAfterCommit(
    em,
    {
      to: email,
      subject: 'Nuage Public — activez votre compte',
      text: [
        `Bonjour ${person.firstName} ${person.lastName},`,
        '',
        `${caller.name} vous invite à rejoindre ${entity.name} sur le portail Nuage Public.`,
        `Activez votre compte avant le ${person.activationExpiresAt!.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })} : vérifiez votre profil et choisissez votre mot de passe.`,
        '',
        link,
        '',
        `Si le lien ne s'ouvre pas, votre jeton d'activation est : ${token}`,
        "(un client de l'API l'envoie avec la mutation activateAccount).",
        '',
        '— Nuage Public (UGAP)',
      ].join('\n'),
    },
    `invitation/${person.id}`,
  );
  await em.flush();
  return person;
}

/**
 * Deactivates an account: its tokens stop working at once (the gateway asks this subgraph whether
 * an account may act). The entity's managers deactivate its people; the market holder anyone but
 * market-wide staff. Others are told the person does not exist, as for a person they cannot see.
 */
export async function deactivatePerson(em: EntityManager, caller: Identity, personId: string): Promise<Person> {
  assertMay(caller, 'entity:manage');
  const person = await em.findOne(Person, { id: personId });
  // Suppliers' staff belong to no entity: the market holder manages them.
  const mayDeactivate =
    person &&
    (person.entity
      ? manages(caller, person.entity.id)
      : person.role === Role.SUPPLIER && caller.role === Role.MARKET_HOLDER);
  if (!person || !mayDeactivate) throw notFound({ fr: 'La personne', en: 'The person' }, 'personId');
  if (person.id === caller.userId)
    throw invalid('personId', {
      fr: 'Vous ne pouvez pas désactiver votre propre compte.',
      en: 'You cannot deactivate your own account.',
    });
  person.deactivatedAt ??= new Date();
  person.activationTokenHash = null;
  person.activationExpiresAt = null;
  await em.flush();
  return person;
}

/** Whether an account may act, as the gateway asks it for each identity (then caches the answer briefly). */
export async function accountStanding(em: EntityManager, personId: string) {
  const person = await em.findOne(Person, { id: personId });
  if (!person) return null;
  return {
    active: person.deactivatedAt === null,
    role: person.role,
    entityId: person.entity?.id ?? null,
    brandId: person.brandId,
  };
}

/** The invited person behind a token, if the token is valid and unused. */
export async function invitationOf(em: EntityManager, token: string): Promise<Person> {
  const person = await em.findOne(Person, { activationTokenHash: tokenHash(token) }, { populate: ['entity'] });
  if (!person?.activationExpiresAt || person.activationExpiresAt < new Date())
    throw notFound(
      {
        fr: "L'invitation (elle a peut-être expiré ou déjà servi)",
        en: 'The invitation (it may have expired or been used)',
      },
      'token',
    );
  return person;
}

/** Activates an invited account: the person checks the profile, gives a phone and sets a password. */
export async function activateAccount(
  em: EntityManager,
  input: { token: string; password: string; phone?: string; firstName?: string; lastName?: string },
): Promise<Person> {
  const person = await invitationOf(em, input.token);
  const problem = passwordProblem(input.password);
  if (problem) throw invalid('input.password', problem);
  if (input.phone !== undefined) {
    const phone = input.phone.replace(/[\s.-]/g, '');
    if (!/^\+?\d{9,15}$/.test(phone))
      throw invalid('input.phone', {
        fr: 'Un numéro de téléphone compte de 9 à 15 chiffres, par exemple +33 1 23 45 67 89.',
        en: 'A phone number is 9 to 15 digits, e.g. +33 1 23 45 67 89.',
      });
    person.phone = phone;
  }
  if (input.firstName?.trim()) person.firstName = input.firstName.trim();
  if (input.lastName?.trim()) person.lastName = input.lastName.trim();
  person.passwordHash = await hashPassword(input.password);
  person.activatedAt = new Date();
  person.activationTokenHash = null;
  person.activationExpiresAt = null;
  await em.flush();
  return person;
}
