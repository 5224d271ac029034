import { EntityReference } from '@nuage/shared';

/** A brand as this subgraph knows it: its key only; the catalogue subgraph resolves the rest. */
export const BrandReference = EntityReference('Brand');
export type BrandReference = InstanceType<typeof BrandReference>;
