import { callerOf } from '@nuage/platform';
import type { Context } from '../loaders';
import type { Dashboard } from './dashboard.resolver';

/** Another subgraph asks for the caller's dashboard: it is always the caller's own. */
export const resolveDashboardReference = (_reference: { id: string }, context: Context): Dashboard => ({
  id: callerOf(context).userId,
});
