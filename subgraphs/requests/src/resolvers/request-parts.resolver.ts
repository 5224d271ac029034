import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import {
  BrandReference,
  ProductReference,
  RequestItem,
  RequestSolution,
  SolutionReference,
  Team,
  Project,
} from '../entities/index.js';
import type { Context } from '../loaders.js';

@Resolver(() => RequestSolution)
export class RequestSolutionResolver {
  @FieldResolver(() => BrandReference, { description: 'The brand (resolved by the catalogue).' })
  brand(@Root() choice: RequestSolution) {
    return BrandReference.of(choice.brandId);
  }

  @FieldResolver(() => SolutionReference, { nullable: true, description: 'The solution (resolved by the catalogue).' })
  solution(@Root() choice: RequestSolution) {
    return choice.solutionId ? SolutionReference.of(choice.solutionId) : null;
  }
}

@Resolver(() => RequestItem)
export class RequestItemResolver {
  @FieldResolver(() => ProductReference, {
    nullable: true,
    description: 'The catalogue product, with its price (resolved by the catalogue).',
  })
  product(@Root() item: RequestItem) {
    return item.productId ? ProductReference.of(item.productId) : null;
  }

  @FieldResolver(() => BrandReference, { nullable: true, description: 'The brand of the product.' })
  brand(@Root() item: RequestItem) {
    return item.brandId ? BrandReference.of(item.brandId) : null;
  }
}

@Resolver(() => Project)
export class ProjectResolver {
  @FieldResolver(() => Team, { nullable: true, description: 'The team that follows it.' })
  team(@Root() project: Project, @Ctx() { loaders }: Context) {
    return project.team ? loaders.teamById.load(project.team.id) : null;
  }
}
