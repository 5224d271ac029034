import { callerOf, forbidden, mayReadEntity } from '@nuage/platform';
import { Role } from '@nuage/contracts';
import type { Context } from '../loaders.js';

/** Resolves other subgraphs' references to a person: only people the caller may know of. */
export async function resolvePersonReference(reference: { id: string }, context: Context) {
  const caller = callerOf(context);
  const person = await context.loaders.personById.load(reference.id);
  if (!person) return null;
  const sameEntity = person.entity !== null && mayReadEntity(caller, person.entity.id);
  if (
    person.id !== caller.userId &&
    !sameEntity &&
    caller.role !== Role.MARKET_HOLDER &&
    caller.role !== Role.ANALYST
  ) {
    throw forbidden({ fr: 'Vous ne pouvez pas consulter cette personne.', en: 'You may not read this person.' });
  }
  return person;
}
