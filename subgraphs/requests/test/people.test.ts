import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Person } from '../src/entities/index.js';
import { Role, TOPICS } from '@nuage/contracts';
import { stableId, type Identity } from '@nuage/platform';
import { startTestSubgraph, type TestSubgraph } from '@nuage/platform/testing';
import { SEED_ENTITY, seededIdentity } from '@nuage/fixtures';
import { requests } from '../src/index.js';
import { verifyPassword } from '../src/services/passwords.js';
import { graphql } from '@nuage/fixtures/graphql';

let subgraph: TestSubgraph;
const as = seededIdentity;
const beneficiary = as('beneficiary');
const manager = as('manager');
const supplier = as('supplier:ovhcloud');
const otherManager: Identity = {
  userId: 'm2',
  role: Role.MANAGER,
  name: 'Autre Manager',
  entityId: stableId('entity', 'other'),
};

beforeAll(async () => {
  subgraph = await startTestSubgraph(requests, inject('databaseUrl'));
});
afterAll(() => subgraph?.close());

const PROFILE = graphql(
  `mutation($input: EntityProfileInput!) { updateEntityProfile(input: $input) { entity { name siret address chorusServiceCode purchasingReferences } errors { code field message } } }`,
);

describe('the "Fiche bénéficiaire"', () => {
  it('is changed by the entity’s managers, with a SIRET whose check digit holds', async () => {
    const { data } = await subgraph.query(manager, PROFILE, {
      input: {
        entityId: SEED_ENTITY.id,
        chorusServiceCode: 'SERV-DSI-01',
        purchasingReferences: ['Ligne budgétaire 2026-INFRA'],
        siret: '130 025 265 00013',
      },
    });
    expect(data!.updateEntityProfile).toEqual({
      entity: {
        name: SEED_ENTITY.name,
        siret: '13002526500013',
        address: SEED_ENTITY.address,
        chorusServiceCode: 'SERV-DSI-01',
        purchasingReferences: ['Ligne budgétaire 2026-INFRA'],
      },
      errors: [],
    });
    const bad = await subgraph.query(manager, PROFILE, {
      input: { entityId: SEED_ENTITY.id, siret: '13002526500014' },
    });
    expect(bad.data!.updateEntityProfile).toEqual({
      entity: null,
      errors: [expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.siret' })],
    });
    expect(
      (await subgraph.query(beneficiary, PROFILE, { input: { entityId: SEED_ENTITY.id, name: 'x' } })).data!
        .updateEntityProfile.errors[0]!.code,
    ).toBe('FORBIDDEN');
    expect(
      (await subgraph.query(otherManager, PROFILE, { input: { entityId: SEED_ENTITY.id, name: 'x' } })).data!
        .updateEntityProfile.errors[0]!.code,
    ).toBe('FORBIDDEN');
  });

  it('shows "Mon équipe" to its own people only, and teams are made of its people', async () => {
    const team = await subgraph.query(
      manager,
      graphql(
        `mutation($input: SaveTeamInput!) { saveTeam(input: $input) { team { name members { name } } errors { field } } }`,
      ),
      {
        input: {
          entityId: SEED_ENTITY.id,
          name: 'Equipe infrastructure',
          memberIds: [beneficiary.userId, manager.userId],
        },
      },
    );
    expect(team.data!.saveTeam.team).toEqual({
      name: 'Equipe infrastructure',
      members: expect.arrayContaining([{ name: 'Clara Maurice' }, { name: 'Marc Lefèvre' }]),
    });
    const outsider = await subgraph.query(
      manager,
      graphql(`mutation($input: SaveTeamInput!) { saveTeam(input: $input) { errors { field } } }`),
      { input: { entityId: SEED_ENTITY.id, name: 'Mixte', memberIds: [supplier.userId] } },
    );
    expect(outsider.data!.saveTeam.errors).toEqual([{ field: 'input.memberIds.0' }]);
    const mine = await subgraph.query(
      beneficiary,
      graphql(`query($id: ID!) { beneficiaryEntity(id: $id) { people { name role } teams { name } } }`),
      { id: SEED_ENTITY.id },
    );
    expect(mine.data!.beneficiaryEntity!.people!.map((p) => p.name)).toEqual(['Marc Lefèvre', 'Clara Maurice']);
    // A supplier reads only the entities of the files its brand takes part in (none here).
    const bySupplier = await subgraph.query(
      supplier,
      graphql(`query($id: ID!) { beneficiaryEntity(id: $id) { name } }`),
      {
        id: SEED_ENTITY.id,
      },
    );
    expect(bySupplier).toEqual({ data: { beneficiaryEntity: null } });
  });
});

describe('invitations', () => {
  const invite = (email: string) =>
    subgraph.query(
      manager,
      graphql(
        `mutation($input: InvitePersonInput!) { invitePerson(input: $input) { person { id email activatedAt } errors { code field } } }`,
      ),
      {
        input: { entityId: SEED_ENTITY.id, email, firstName: 'Léa', lastName: 'Garnier', role: 'BENEFICIARY' },
      },
    );

  it('emails a link; the invited person checks the profile, sets a password, and the link works once', async () => {
    const { data } = await invite('lea.garnier@entite.gouv.fr');
    expect(data!.invitePerson.errors).toEqual([]);
    expect(data!.invitePerson.person!.activatedAt).toBeNull();

    const mails = readdirSync(join(subgraph.dataDir, 'mail'));
    expect(mails).toHaveLength(1);
    const mail = readFileSync(join(subgraph.dataDir, 'mail', mails[0]!), 'utf8');
    expect(mail).toMatch(/^To: lea\.garnier@entite\.gouv\.fr$/m);
    expect(mail).toMatch(/^Subject: =\?UTF-8\?Q\?Nuage_Public_=E2=80=94_activez_votre/m); // "Nuage Public — activez votre compte", RFC 2047
    const body = mail
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))); // quoted-printable
    const token = /activation\?token=([\w-]+)/.exec(body)![1]!;

    const view = await subgraph.query(
      null,
      graphql(
        `query($token: String!) { invitation(token: $token) { firstName lastName email role entityName entitySiret } }`,
      ),
      { token },
    );
    expect(view.data!.invitation).toEqual({
      firstName: 'Léa',
      lastName: 'Garnier',
      email: 'lea.garnier@entite.gouv.fr',
      role: 'BENEFICIARY',
      entityName: SEED_ENTITY.name,
      entitySiret: SEED_ENTITY.siret,
    });

    const activate = (password: string) =>
      subgraph.query(
        null,
        graphql(
          `mutation($input: ActivateAccountInput!) { activateAccount(input: $input) { person { activatedAt phone } errors { code field } } }`,
        ),
        { input: { token, password, phone: '+33 1 23 45 67 89' } },
      );
    expect((await activate('court')).data!.activateAccount.errors).toEqual([
      { code: 'BAD_USER_INPUT', field: 'input.password' },
    ]);
    const done = await activate('un mot de passe assez long');
    expect(done.data!.activateAccount.errors).toEqual([]);
    expect(done.data!.activateAccount.person).toMatchObject({ phone: '+33123456789' });
    expect((await activate('un mot de passe assez long')).data!.activateAccount.errors).toEqual([
      { code: 'NOT_FOUND', field: 'token' },
    ]);

    const stored = await subgraph.orm.em.fork().findOneOrFail(Person, { email: 'lea.garnier@entite.gouv.fr' });
    expect(stored.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword('un mot de passe assez long', stored.passwordHash!)).toBe(true);
    expect(await verifyPassword('un autre mot de passe', stored.passwordHash!)).toBe(false);
  });

  it('refuses a bad address, an address already used, and invitations by someone who is not a manager', async () => {
    expect((await invite('pas-une-adresse')).data!.invitePerson.errors).toEqual([
      { code: 'BAD_USER_INPUT', field: 'input.email' },
    ]);
    expect((await invite('clara.maurice@entite.gouv.fr')).data!.invitePerson.errors).toEqual([
      { code: 'BAD_USER_INPUT', field: 'input.email' },
    ]);
    const byBeneficiary = await subgraph.query(
      beneficiary,
      graphql(
        `mutation($entityId: ID!) { invitePerson(input: { entityId: $entityId, email: "a@b.fr", firstName: "A", lastName: "B", role: BENEFICIARY }) { errors { code } } }`,
      ),
      { entityId: SEED_ENTITY.id },
    );
    expect(byBeneficiary.data!.invitePerson.errors).toEqual([{ code: 'FORBIDDEN' }]);
  });
});

describe('events from the other subgraphs', () => {
  it('applies each event once, however often it is delivered', async () => {
    const id = stableId('event', 'solution-1');
    const event = {
      id,
      topic: TOPICS.solutionChanged,
      payload: { id: stableId('solution', 'X/Y'), brandId: stableId('brand', 'X'), name: 'Y', retired: false },
    };
    expect(await subgraph.deliver(event)).toBe(true);
    // A redelivery of the same event (same id) with other content changes nothing.
    expect(await subgraph.deliver({ ...event, payload: { ...event.payload, name: 'Changed' } })).toBe(false);
    const [row] = await subgraph.orm.em
      .getConnection()
      .execute<{ name: string }[]>('select name from known_solution where id = ?', [event.payload.id]);
    expect(row!.name).toBe('Y');
  });
});
