import type { EntityManager } from '@mikro-orm/postgresql';
import { stableId } from '@nuage/platform';
import { IncidentType } from '../entities/index.js';

/** The incident types of the guide ("Déclarer un incident/litige relatif à une commande"). */
export const INCIDENT_TYPES = [
  { code: 'MODIFICATION_CANCELLATION', labelFr: 'Modification / annulation', labelEn: 'Modification / cancellation' },
  { code: 'INCOMPLETE_ORDER', labelFr: 'Commande incomplète', labelEn: 'Incomplete order' },
  {
    code: 'CREDENTIALS_CUSTOMER_ACCOUNT',
    labelFr: 'Identifiants / compte client',
    labelEn: 'Credentials / customer account',
  },
  { code: 'LATE_DELIVERY', labelFr: 'Retard de livraison', labelEn: 'Late delivery' },
  { code: 'INVOICING', labelFr: 'Facturation', labelEn: 'Invoicing' },
  { code: 'SERVICE_ACTIVATION', labelFr: 'Mise en service', labelEn: 'Service activation' },
];

/** Inserts the incident types that are missing; never overwrites the market holder's edits. */
export async function seedIncidents(em: EntityManager): Promise<void> {
  const existing = new Set((await em.find(IncidentType, {})).map((t) => t.code));
  INCIDENT_TYPES.forEach((type, position) => {
    if (!existing.has(type.code))
      em.persist(
        em.create(IncidentType, { id: stableId('incident-type', type.code), ...type, position, retiredAt: null }),
      );
  });
  await em.flush();
}
