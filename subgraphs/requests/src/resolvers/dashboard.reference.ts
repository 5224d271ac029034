import { callerOf } from '@nuage/platform';
import type { Context } from '../loaders.js';
import type { Dashboard } from './dashboard.resolver.js';

/** Another subgraph asks for the caller's dashboard: it is always the caller's own. */
export const resolveDashboardReference = (_reference: { id: string }, context: Context): Dashboard => ({
  id: callerOf(context).userId,
});
