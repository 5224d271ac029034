import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Connection, PageArgs, type SubgraphContext, Caller, type Identity } from '@nuage/platform';
import { CatalogueChange } from '../entities/index.js';
import { listChanges } from '../services/catalogue-changes.js';

const CatalogueChangeConnection = Connection(CatalogueChange, 'CatalogueChange', 'catalogue change');

@Resolver(() => CatalogueChange)
export class CatalogueChangeResolver {
  @Query(() => CatalogueChangeConnection, {
    description: "The market holder's dated changes to the catalogue, latest first.",
  })
  catalogueChanges(
    @Arg('subjectId', () => ID, {
      nullable: true,
      description: 'Only the changes of this brand, solution, certification, product or option.',
    })
    subjectId: string | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em }: SubgraphContext,
    @Caller() _signedIn: Identity,
  ) {
    return listChanges(em, subjectId, page);
  }
}
