import { EntityReference } from '@nuage/platform';

/** Types of other subgraphs to which this one adds their consumption. */
export const OrderReference = EntityReference('Order', { resolvable: true });
export type OrderReference = InstanceType<typeof OrderReference>;
export const OrderLineReference = EntityReference('OrderLine', { resolvable: true });
export type OrderLineReference = InstanceType<typeof OrderLineReference>;
export const RequestReference = EntityReference('Request', { resolvable: true });
export type RequestReference = InstanceType<typeof RequestReference>;
