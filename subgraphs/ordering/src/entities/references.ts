import { EntityReference } from '@nuage/platform';

/** Keys of entities other subgraphs own, so an order can point to them. */
export const BrandReference = EntityReference('Brand');
export type BrandReference = InstanceType<typeof BrandReference>;
export const BeneficiaryEntityReference = EntityReference('BeneficiaryEntity');
export type BeneficiaryEntityReference = InstanceType<typeof BeneficiaryEntityReference>;
/** A request: this subgraph adds its proposals to it. */
export const RequestReference = EntityReference('Request', { resolvable: true });
export type RequestReference = InstanceType<typeof RequestReference>;

/** The caller's dashboard: this subgraph adds the counts it owns. */
export const DashboardReference = EntityReference('Dashboard', { resolvable: true });
export type DashboardReference = InstanceType<typeof DashboardReference>;

/** An incident: this subgraph adds the credit note that resolved it. */
export const IncidentReference = EntityReference('Incident', { resolvable: true });
export type IncidentReference = InstanceType<typeof IncidentReference>;
