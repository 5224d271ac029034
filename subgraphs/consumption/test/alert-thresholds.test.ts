import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Role } from '@nuage/contracts';
import { graphql } from '@nuage/fixtures/graphql';
import { startTestSubgraph, type TestSubgraph } from '@nuage/platform/testing';
import { consumption } from '../src/index.js';

const entityId = '00000000-0000-4000-8000-000000000001';
const otherEntityId = '00000000-0000-4000-8000-000000000002';
const manager = { userId: 'm', role: Role.MANAGER, name: 'Manager', entityId };
const outsider = { userId: 'o', role: Role.BENEFICIARY, name: 'Outsider', entityId: otherEntityId };
const supplier = { userId: 's', role: Role.SUPPLIER, name: 'Supplier', brandId: 'b' };
let subgraph: TestSubgraph;

const SET = graphql(
  `mutation($t: [Int!]!) { setConsumptionAlertThresholds(thresholds: $t) { thresholds errors { code field message } } }`,
);
// Federation's entity resolver, which the API schema does not have: a text document.
const READ = `query($r: [_Any!]!) { _entities(representations: $r) { ... on BeneficiaryEntity { consumptionAlertThresholds } } }`;
const thresholdsSeenBy = (identity: typeof manager) =>
  subgraph.query(identity, READ, { r: [{ __typename: 'BeneficiaryEntity', id: entityId }] });

beforeAll(async () => {
  subgraph = await startTestSubgraph(consumption, inject('databaseUrl'));
});
afterAll(() => subgraph?.close());

describe('consumption alert thresholds', () => {
  it('default to 80 % and 100 %', async () => {
    expect((await thresholdsSeenBy(manager)).data!._entities[0].consumptionAlertThresholds).toEqual([80, 100]);
  });

  it("are set by the entity's own people, sorted", async () => {
    const { data } = await subgraph.query(manager, SET, { t: [100, 75, 90] });
    expect(data!.setConsumptionAlertThresholds).toEqual({ thresholds: [75, 90, 100], errors: [] });
    expect((await thresholdsSeenBy(manager)).data!._entities[0].consumptionAlertThresholds).toEqual([75, 90, 100]);
  });

  it.each([
    [[], 'Indiquez de 1 à 5 seuils'],
    [[50, 300], 'de 1 à 200'],
    [[80, 80], 'distincts'],
    [[10, 20, 30, 40, 50, 60], 'Indiquez de 1 à 5 seuils'],
  ])('refuse %j with a typed error and change nothing', async (thresholds, reason) => {
    const { data } = await subgraph.query(manager, SET, { t: thresholds });
    expect(data!.setConsumptionAlertThresholds.thresholds).toBeNull();
    expect(data!.setConsumptionAlertThresholds.errors[0]).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'thresholds',
    });
    expect(data!.setConsumptionAlertThresholds.errors[0]!.message).toContain(reason);
    expect((await thresholdsSeenBy(manager)).data!._entities[0].consumptionAlertThresholds).toEqual([75, 90, 100]);
  });

  it('are hidden from another entity and cannot be set by a supplier', async () => {
    expect((await thresholdsSeenBy(outsider)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await subgraph.query(supplier, SET, { t: [50] })).data!.setConsumptionAlertThresholds.errors).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN' }),
    ]);
  });
});
