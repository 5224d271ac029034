import { Ctx, Query, Resolver } from 'type-graphql';
import { Caller, type Identity, LabelFields } from '@nuage/platform';
import { IncidentType } from '../entities/index.js';
import type { Context } from '../loaders.js';
import { activeIncidentTypes } from '../services/incidents.js';

@Resolver(() => IncidentType)
export class IncidentTypeResolver {
  @Query(() => [IncidentType], { description: 'The kinds of incident a buyer can declare now, in display order.' })
  incidentTypes(@Ctx() { em }: Context, @Caller() _signedIn: Identity) {
    return activeIncidentTypes(em);
  }
}

export const IncidentTypeLabels = LabelFields(IncidentType, 'type');
