import { Ctx, Query, Resolver } from 'type-graphql';
import { Caller, type Identity, LabelFields } from '@nuage/platform';
import { IncidentType } from '../entities';
import type { Context } from '../loaders';
import { activeIncidentTypes } from '../services/incidents';

@Resolver(() => IncidentType)
export class IncidentTypeResolver {
  @Query(() => [IncidentType], { description: 'The kinds of incident a buyer can declare now, in display order.' })
  incidentTypes(@Ctx() { em }: Context, @Caller() _signedIn: Identity) {
    return activeIncidentTypes(em);
  }
}

export const IncidentTypeLabels = LabelFields(IncidentType, 'type');
