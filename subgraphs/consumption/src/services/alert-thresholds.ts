import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertMayReadEntity, invalid, type Identity } from '@nuage/platform';
import { AlertSettings } from '../entities/index.js';
import { assertMay } from './access.js';

/** Alert at 80 % and at 100 % of a commitment unless the entity chose otherwise (issue 7). */
export const DEFAULT_THRESHOLDS = [80, 100];
const MAX_THRESHOLDS = 5;

export async function thresholdsOf(em: EntityManager, caller: Identity, entityId: string): Promise<number[]> {
  assertMayReadEntity(caller, entityId);
  const settings = await em.findOne(AlertSettings, { entityId });
  return settings?.thresholds ?? DEFAULT_THRESHOLDS;
}

/** Sets an entity's thresholds: its own beneficiaries and managers only; 1 to 5 distinct percentages in 1..200. */
export async function setThresholds(em: EntityManager, caller: Identity, thresholds: number[]): Promise<number[]> {
  assertMay(caller, 'thresholds:set');
  if (thresholds.length < 1 || thresholds.length > MAX_THRESHOLDS)
    throw invalid('thresholds', {
      fr: `Indiquez de 1 à ${MAX_THRESHOLDS} seuils.`,
      en: `Give 1 to ${MAX_THRESHOLDS} thresholds.`,
    });
  if (thresholds.some((t) => !Number.isInteger(t) || t < 1 || t > 200))
    throw invalid('thresholds', {
      fr: 'Chaque seuil est un pourcentage entier de 1 à 200.',
      en: 'Each threshold is a whole percentage from 1 to 200.',
    });
  if (new Set(thresholds).size !== thresholds.length)
    throw invalid('thresholds', { fr: 'Les seuils doivent être distincts.', en: 'Thresholds must be distinct.' });
  const sorted = [...thresholds].sort((a, b) => a - b);
  // One row per entity; concurrent updates resolve on the unique entity id (last write wins).
  await em.upsert(
    AlertSettings,
    { id: randomUUID(), entityId: caller.entityId!, thresholds: sorted, updatedAt: new Date() },
    { onConflictFields: ['entityId'], onConflictAction: 'merge', onConflictMergeFields: ['thresholds', 'updatedAt'] },
  );
  return sorted;
}
