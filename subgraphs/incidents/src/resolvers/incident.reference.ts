import { callerOf } from '@nuage/platform';
import type { Context } from '../loaders.js';
import { incidentsFor } from '../services/access.js';

/** Other subgraphs' references to incidents: those the caller may read (null otherwise). */
export const resolveIncidentReference = (reference: { id: string }, context: Context) =>
  incidentsFor(context.em, callerOf(context)).findOne({ id: reference.id });
