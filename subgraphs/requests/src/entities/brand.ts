import { EntityReference } from '@nuage/platform';

/** A brand as this subgraph knows it: its key only; the catalogue subgraph resolves the rest. */
export const BrandReference = EntityReference('Brand');
export type BrandReference = InstanceType<typeof BrandReference>;

/** A solution, known here by its key; the catalogue subgraph resolves the rest. */
export const SolutionReference = EntityReference('Solution');
export type SolutionReference = InstanceType<typeof SolutionReference>;

/** A recorded guided choice, known here by its key; the catalogue subgraph resolves it (with its rights). */
export const GuidedChoiceReference = EntityReference('GuidedChoice');
export type GuidedChoiceReference = InstanceType<typeof GuidedChoiceReference>;

/** A catalogue product, known here by its key. */
export const ProductReference = EntityReference('Product');
export type ProductReference = InstanceType<typeof ProductReference>;

/** An order, known here by its key (a search hit); the ordering subgraph resolves it, with its rights. */
export const OrderReference = EntityReference('Order');
export type OrderReference = InstanceType<typeof OrderReference>;

/** A proposal, known here by its key (a search hit); the ordering subgraph resolves it, with its rights. */
export const ProposalReference = EntityReference('Proposal');
export type ProposalReference = InstanceType<typeof ProposalReference>;

/** An incident, known here by its key (a search hit); the incidents subgraph resolves it, with its rights. */
export const IncidentReference = EntityReference('Incident');
export type IncidentReference = InstanceType<typeof IncidentReference>;

/** An invoice, known here by its key (an event's subject); the ordering subgraph resolves it, with its rights. */
export const InvoiceReference = EntityReference('Invoice');
export type InvoiceReference = InstanceType<typeof InvoiceReference>;
