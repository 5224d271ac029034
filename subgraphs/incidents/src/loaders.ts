import type { FileStore } from '@nuage/files';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Role } from '@nuage/contracts';
import { isMarketWide, type Identity, type SubgraphContext } from '@nuage/platform';
import { threadLoaders } from '@nuage/threads';
import { Incident, IncidentType } from './entities/index.js';

export function createLoaders(em: EntityManager, identity: Identity | null) {
  /** The incidents of many orders that this reader may read, in one statement. */
  const incidentsByOrder = new DataLoader<string, Incident[]>(async (orderIds) => {
    if (!identity) return orderIds.map(() => []);
    const scope = isMarketWide(identity)
      ? {}
      : identity.role === Role.SUPPLIER
        ? { brandId: identity.brandId! }
        : { entityId: identity.entityId! };
    const rows = await em.find(
      Incident,
      { orderId: { $in: [...orderIds] }, ...scope },
      { orderBy: { createdAt: 'desc' } },
    );
    return orderIds.map((id) => rows.filter((r) => r.orderId === id));
  });
  return {
    ...threadLoaders(em, identity),
    incidentsByOrder,
    typeByCode: new DataLoader<string, IncidentType | null>(async (codes) => {
      const rows = await em.find(IncidentType, { code: { $in: [...codes] } });
      return codes.map((code) => rows.find((r) => r.code === code) ?? null);
    }),
  };
}
export type IncidentsLoaders = ReturnType<typeof createLoaders>;

/** The opt-in services this subgraph uses (see `services` in its definition). */
export type IncidentsServices = { files: FileStore };

/** What this subgraph's resolvers receive: the platform's context with these loaders and its services. */
export type Context = SubgraphContext<IncidentsLoaders, IncidentsServices>;
