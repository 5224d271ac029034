import { Field, ID, InputType } from 'type-graphql';
import { DecimalScalar, LocalDate } from '@nuage/platform';
import type Decimal from 'decimal.js';
import { OrderStatus } from '../entities/index.js';

@InputType({ description: 'Narrows the list of orders ("Commandes").' })
export class OrderFilter {
  @Field(() => [OrderStatus], { nullable: true, description: 'Only these statuses (e.g. TO_DELIVER, "A livrer").' })
  statuses?: OrderStatus[];

  @Field(() => String, {
    nullable: true,
    description:
      "Our number (CC…), UGAP's reference, the proposal (DC…), the file number or the buyer's legal commitment (EJ).",
  })
  reference?: string;

  @Field(() => LocalDate, { nullable: true, description: 'Placed on or after this day.' })
  from?: string;

  @Field(() => LocalDate, { nullable: true, description: 'Placed on or before this day.' })
  to?: string;
}

@InputType({ description: "UGAP's validation of an order." })
export class ValidateOrderInput {
  @Field(() => String, { description: "UGAP's own reference." })
  ugapReference!: string;

  @Field(() => String, { description: "UGAP's own purchase request number in Chorus (not the buyer's EJ)." })
  chorusPurchaseRequestNumber!: string;

  @Field(() => LocalDate, { description: 'Planned delivery date.' })
  plannedDeliveryDate!: string;
}

@InputType({ description: 'What a delivery note delivers of one order line.' })
export class DeliveredLineInput {
  @Field(() => ID, { description: 'The order line.' })
  orderLineId!: string;

  @Field(() => DecimalScalar, { description: 'Quantity delivered now.' })
  quantity!: Decimal;
}

@InputType({ description: 'Narrows the renewal candidates ("Rechercher une commande").' })
export class RenewalFilter {
  @Field(() => LocalDate, { nullable: true, description: 'Due on or after this day.' })
  dueFrom?: string;

  @Field(() => LocalDate, { nullable: true, description: 'Due on or before this day.' })
  dueTo?: string;

  @Field(() => String, { nullable: true, description: 'SIRET of the final customer.' })
  siret?: string;

  @Field(() => String, { nullable: true, description: 'An order, UGAP, proposal or file number.' })
  documentNumber?: string;

  @Field(() => ID, { nullable: true, description: 'The brand.' })
  brandId?: string;

  @Field(() => String, { nullable: true, description: "Words of the product's reference or designation." })
  product?: string;
}

@InputType({ description: 'The Chorus legal commitment (EJ) of an order.' })
export class RecordLegalCommitmentInput {
  @Field(() => ID, { description: 'The order.' })
  orderId!: string;

  @Field(() => String, { description: 'The EJ number Chorus gave the purchase request, 10 digits, e.g. "1300012345".' })
  number!: string;
}
