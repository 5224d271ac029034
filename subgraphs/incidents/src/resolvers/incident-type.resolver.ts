import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { LabelFields, type SubgraphContext } from '@nuage/platform';
import { IncidentType } from '../entities';

@Resolver(() => IncidentType)
export class IncidentTypeResolver {
  @Authorized()
  @Query(() => [IncidentType], { description: 'The kinds of incident a buyer can declare now, in display order.' })
  incidentTypes(@Ctx() { em }: SubgraphContext) {
    return em.find(IncidentType, { retiredAt: null }, { orderBy: { position: 'asc', id: 'asc' } });
  }
}

export const IncidentTypeLabels = LabelFields(IncidentType, 'type');
