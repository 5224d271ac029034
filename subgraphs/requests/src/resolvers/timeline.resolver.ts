import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { Caller, type Identity } from '@nuage/platform';
import { HistoryEntry } from '@nuage/history';
import { ServiceRequest } from '../entities/index.js';
import type { Context } from '../loaders.js';

/** A file's whole story: its own history and what the other subgraphs recorded of its parts. */
@Resolver(() => ServiceRequest)
export class TimelineResolver {
  // A file's steps across subgraphs: 40 cost points measured for a submitted request soliciting two
  // brands (`npm run bench -- costs`, 2026-12-01), and about as many entries for a file carried to its invoices.
  @Directive('@listSize(assumedSize: 40)')
  @FieldResolver(() => [HistoryEntry], {
    description:
      "The file's whole timeline, oldest first: the request, its proposals, subscription orders, orders, deliveries, activations, invoices and incidents, each step with who, when, from and to, why and what changed. A supplier sees the request's steps and its own brand's.",
  })
  timeline(@Root() request: ServiceRequest, @Ctx() context: Context, @Caller() _signedIn: Identity) {
    return context.loaders.timelineByFile.load(request.id);
  }
}
