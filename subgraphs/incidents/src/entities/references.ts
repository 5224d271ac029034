import { EntityReference } from '@nuage/platform';

/** An order: this subgraph adds its incidents to it. */
export const OrderReference = EntityReference('Order', { resolvable: true });
export type OrderReference = InstanceType<typeof OrderReference>;

export const BrandReference = EntityReference('Brand');
export type BrandReference = InstanceType<typeof BrandReference>;
