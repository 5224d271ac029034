import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { LocalizedText, pick, type SubgraphContext } from '@nuage/shared';
import { IncidentType } from '../entities';

@Resolver(() => IncidentType)
export class IncidentTypeResolver {
  @Authorized()
  @Query(() => [IncidentType], { description: 'The kinds of incident a buyer can declare now, in display order.' })
  incidentTypes(@Ctx() { em }: SubgraphContext) {
    return em.find(IncidentType, { retiredAt: null }, { orderBy: { position: 'asc', id: 'asc' } });
  }

  @FieldResolver(() => String, { description: "Name of the type in the caller's language (Accept-Language)." })
  label(@Root() type: IncidentType, @Ctx() { locale }: SubgraphContext) {
    return pick({ fr: type.labelFr, en: type.labelEn }, locale);
  }

  @FieldResolver(() => LocalizedText, { description: 'Name of the type in French and English.' })
  labels(@Root() type: IncidentType) {
    return LocalizedText.of(type.labelFr, type.labelEn);
  }
}
