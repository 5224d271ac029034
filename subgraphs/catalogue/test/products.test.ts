import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '@nuage/platform/testing';
import { catalogue } from '../src/index.js';
import { priceOf } from '../src/services/products.js';
import { analyst, beneficiary, brandId, marketHolder, supplierOf } from './identities.js';
import { graphql, type VariablesOf } from '@nuage/fixtures/graphql';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(catalogue, inject('databaseUrl'));
});
afterAll(() => subgraph?.close());

const PRODUCTS = graphql(`query($filter: ProductFilter, $first: Int) {
  products(filter: $filter, first: $first) {
    totalCount
    edges { node { id code designation unit commitmentMonths billingPeriod billingTiming brand { name } solution { name }
      price { onQuote illustrative label listPrice { amount } discountPercent unitPriceExclVat { amount formatted } } } }
  }
}`);
const search = async (filter: VariablesOf<typeof PRODUCTS>['filter'], caller = beneficiary) => {
  const { data, errors } = await subgraph.query(caller, PRODUCTS, { filter, first: 100 });
  expect(errors).toBeUndefined();
  return data!.products!;
};

describe('price list ("Choix des produits")', () => {
  it("finds the guide's 12-month OVH subscription by reference, quoted on request", async () => {
    const { edges } = await search({ reference: '145897' });
    expect(edges).toHaveLength(1);
    expect(edges[0]!.node).toMatchObject({
      code: '145897',
      designation: "Prestation d'abonnement OVHCLOUD Engagement 12 mois",
      brand: { name: 'OVHCLOUD' },
      solution: null,
      commitmentMonths: 12,
      price: { onQuote: true, label: 'Sur cotation (prix indicatif)', listPrice: null, unitPriceExclVat: null },
    });
  });

  it('searches by brand, by the start of a reference and by words of the designation, in reference order', async () => {
    const byBrand = await search({ brand: 'ovh' });
    expect(new Set(byBrand!.edges.map((e) => e.node.brand.name))).toEqual(new Set(['OVHCLOUD']));
    expect(byBrand!.totalCount).toBe(1 + 4 * 2); // the subscription, then two products per solution
    const byPrefix = await search({ reference: '1458' });
    const codes = byPrefix!.edges.map((e) => e.node.code);
    expect(codes.every((c: string) => c.startsWith('1458'))).toBe(true);
    expect(codes).toEqual([...codes].sort());
    const byDesignation = await search({ designation: 'premi3ns' });
    expect(byDesignation!.edges.map((e) => e.node.solution!.name)).toEqual(['PREMI3NS', 'PREMI3NS']);
    expect((await search({ brandId: brandId('S3NS'), designation: 'engagement 36' }))!.totalCount).toBe(2);
  });

  it('marks seed prices as illustrative and computes the unit price exactly from list price and discount', async () => {
    const { edges } = await search({ brand: 'scaleway' });
    for (const { node } of edges.filter((e) => !e.node.price.onQuote)) {
      expect(node.price.illustrative).toBe(true);
      expect(node.price.label).toMatch(/ HT \(prix indicatif\)$/);
      const expected = priceOf({
        listPrice: node.price.listPrice!.amount,
        discountPercent: node.price.discountPercent,
        illustrativePrice: true,
      });
      expect(node.price.unitPriceExclVat!.amount).toBe(expected.unitPrice!.toFixed(2));
    }
  });

  it('rounds the unit price half up to the cent, in decimal', () => {
    expect(
      priceOf({ listPrice: '10000.00', discountPercent: '3.10', illustrativePrice: false }).unitPrice!.toFixed(2),
    ).toBe('9690.00');
    expect(
      priceOf({ listPrice: '0.10', discountPercent: '5.00', illustrativePrice: false }).unitPrice!.toFixed(2),
    ).toBe('0.10'); // 0.095 → 0.10
    expect(
      priceOf({ listPrice: '19.99', discountPercent: '12.50', illustrativePrice: false }).unitPrice!.toFixed(2),
    ).toBe('17.49'); // 17.49125
  });

  it('lets the market holder price a product; the price is then the market’s, and the change is dated and kept', async () => {
    const { node: product } = (await search({ reference: '145897' }))!.edges[0]!;
    const { data } = await subgraph.query(
      marketHolder,
      graphql(
        `mutation($input: UpdateProductInput!) { updateProduct(input: $input) { product { price { onQuote illustrative label unitPriceExclVat { amount } } } errors { field } } }`,
      ),
      { input: { id: product.id, listPrice: '10000.00', discountPercent: '3.10', reason: 'Prix négocié 2026' } },
    );
    expect(data!.updateProduct.errors).toEqual([]);
    expect(data!.updateProduct.product!.price).toEqual({
      onQuote: false,
      illustrative: false,
      label: '9\u202f690,00\u00a0€ HT',
      unitPriceExclVat: { amount: '9690.00' },
    });
    const english = await subgraph.query(
      beneficiary,
      graphql(`query($id: ID!) { product(id: $id) { price { label } } }`),
      { id: product.id },
      { 'accept-language': 'en' },
    );
    expect(english.data!.product!.price.label).toBe('€9,690.00 excl. VAT');
    const history = await subgraph.query(
      analyst,
      graphql(
        `query($id: ID!) { catalogueChanges(subjectId: $id) { edges { node { action authorName reason before after } } } }`,
      ),
      { id: product.id },
    );
    expect(history.data!.catalogueChanges!.edges[0]!.node).toMatchObject({
      action: 'product.updated',
      authorName: 'Sophie Bernard',
      reason: 'Prix négocié 2026',
      before: { listPrice: null, discountPercent: null, illustrativePrice: true },
      after: { listPrice: '10000.00', discountPercent: '3.10', illustrativePrice: false },
    });
  });

  it('withdraws a product from the list, and lets only the market holder change prices', async () => {
    const { node: product } = (await search({ reference: '145891' }))!.edges[0]!;
    const retire = await subgraph.query(
      marketHolder,
      graphql(`mutation($id: ID!) { updateProduct(input: { id: $id, retired: true }) { errors { field } } }`),
      { id: product.id },
    );
    expect(retire.data!.updateProduct.errors).toEqual([]);
    expect((await search({ reference: '145891' }))!.totalCount).toBe(0);
    expect((await search({ reference: '145891', includeRetired: true }))!.totalCount).toBe(1);
    for (const caller of [beneficiary, supplierOf('OVHCLOUD'), analyst]) {
      const refused = await subgraph.query(
        caller,
        graphql(`mutation($id: ID!) { updateProduct(input: { id: $id, listPrice: "1.00" }) { errors { code } } }`),
        { id: product.id },
      );
      expect(refused.data!.updateProduct.errors).toEqual([{ code: 'FORBIDDEN' }]);
    }
  });

  it.each([
    ['a negative price', { listPrice: '-1.00' }, 'input.listPrice'],
    ['a discount above 100 %', { discountPercent: '120' }, 'input.discountPercent'],
    ['a commitment of 0 months', { commitmentMonths: 0 }, 'input.commitmentMonths'],
    ['nothing new', { designation: "Prestation d'abonnement AWS Engagement 12 mois" }, 'input'],
  ])('refuses %s and changes nothing', async (_, change, field) => {
    const { node: before } = (await search({ reference: '145892' }))!.edges[0]!;
    const { data } = await subgraph.query(
      marketHolder,
      graphql(
        `mutation($input: UpdateProductInput!) { updateProduct(input: $input) { product { id } errors { code field } } }`,
      ),
      { input: { id: before.id, ...change } },
    );
    expect(data!.updateProduct).toEqual({ product: null, errors: [{ code: 'BAD_USER_INPUT', field }] });
    expect((await search({ reference: '145892' }))!.edges[0]!.node).toEqual(before);
  });

  it('refuses a malformed reference search', async () => {
    const { errors } = await subgraph.query(beneficiary, PRODUCTS, { filter: { reference: 'OVH' } });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.reference' });
  });
});
