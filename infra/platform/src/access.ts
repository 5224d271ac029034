import {
  type EntityManager,
  type EntityName,
  type FilterQuery,
  type FindOneOptions,
  type FindOptions,
  LockMode,
  raw,
} from '@mikro-orm/postgresql';
import { type Bilingual, BUYER_ROLES, ROLE_LABELS, Role } from '@nuage/contracts';
import { createParameterDecorator } from 'type-graphql';
import { callerOf } from './context.js';
import { forbidden, notFound } from './errors.js';
import type { Identity } from './identity.js';
import { readingOptions } from './request-scope.js';

/**
 * Access, written once: who the caller is (`@Caller()`), what of a noun they may read (a scope,
 * applied by a repository built for them), and which roles may perform an action (a vocabulary of
 * named permissions, or a lifecycle's transitions). Each subgraph's `services/access.ts` says, in
 * these terms, the scope of each of its nouns and the permissions of its actions.
 */

/** Whether the caller buys for an entity (its agents and managers). */
export const isBuyer = (caller: Identity) => (BUYER_ROLES as readonly Role[]).includes(caller.role);

/** Roles that see the whole market: the market holder, UGAP and analysts. */
export const isMarketWide = (caller: Identity) =>
  caller.role === Role.MARKET_HOLDER || caller.role === Role.UGAP || caller.role === Role.ANALYST;

/** Whether the caller may read what belongs to a beneficiary entity: its own agents, or market-wide staff. */
export const mayReadEntity = (caller: Identity, entityId: string) =>
  isMarketWide(caller) || caller.entityId === entityId;

export function assertMayReadEntity(caller: Identity, entityId: string): void {
  if (!mayReadEntity(caller, entityId))
    throw forbidden({
      fr: 'Vous ne lisez que ce qui appartient à votre entité.',
      en: 'You may only read what belongs to your own entity.',
    });
}

/**
 * The resolver's parameter that is its caller: the identity the gateway signed, or
 * UNAUTHENTICATED before the resolver runs.
 */
export const Caller = () => createParameterDecorator<{ identity: Identity | null }>(({ context }) => callerOf(context));

/** FORBIDDEN unless the caller has one of these roles; the refusal names them and the caller's own. */
export function assertRole(caller: Identity, roles: readonly Role[]): void {
  if (roles.includes(caller.role)) return;
  const allowed = roles.map((role) => ROLE_LABELS[role]);
  const yours = ROLE_LABELS[caller.role];
  throw forbidden({
    fr: `Réservé aux rôles : ${allowed.map((r) => r.fr).join(', ')} ; votre rôle : ${yours.fr}.`,
    en: `Reserved to: ${allowed.map((r) => r.en).join(', ')}; your role: ${yours.en}.`,
  });
}

/**
 * A subgraph's vocabulary of named permissions (`'team:manage'`, `'catalogue:edit'`…), each with
 * the roles that hold it; returns the one check its services call before acting.
 */
export function definePermissions<Action extends string>(permissions: Record<Action, readonly Role[]>) {
  return (caller: Identity, action: Action): void => assertRole(caller, permissions[action]);
}

/** Whether the caller is a party of something: a buyer of its entity or a supplier of its brand. */
export const isPartyOf = (caller: Identity, of: { entityId?: string | null; brandId?: string | null }) =>
  caller.entityId === of.entityId || caller.brandId === of.brandId;

/**
 * What the parties of a file share (proposals, orders, incidents…): market-wide staff see all of
 * it, a supplier its brand's, a buyer its entity's.
 */
export function partiesScope(caller: Identity): { brandId?: string | null; entityId?: string | null } {
  if (isMarketWide(caller)) return {};
  if (caller.role === Role.SUPPLIER) return { brandId: caller.brandId ?? null };
  return { entityId: caller.entityId ?? null };
}

/** A scope that matches nothing (no caller). */
export const NOTHING = { id: null } as const;

export interface GetOptions {
  /** The input field that named it, for the NOT_FOUND error. */
  field?: string;
  /** Locked for the change to come (in the caller's transaction). */
  lock?: boolean;
  /** Relations to load with it, by name. */
  populate?: readonly string[];
}

/**
 * The rows of one noun a caller may read, and nothing else: built with the caller's scope, so
 * that every query it runs is scoped and no function repeats the filter.
 */
export class ScopedRepository<T extends object> {
  constructor(
    private readonly em: EntityManager,
    private readonly entity: EntityName<T>,
    /** The filter every query adds. */
    readonly scope: FilterQuery<T>,
    /** What it is, for NOT_FOUND: "La commande" / "The order". */
    private readonly noun: Bilingual,
  ) {}

  /** `where` within the scope. */
  where(where: FilterQuery<T> = {}): FilterQuery<T> {
    return { $and: [where, this.scope] } as FilterQuery<T>;
  }

  // MikroORM's filter type is a conditional on T that a generic T cannot resolve: the one cast.
  private scoped(where: FilterQuery<T>): never {
    return this.where(where) as never;
  }

  /** The one with this id, or NOT_FOUND (whether it exists elsewhere is not disclosed). */
  async get(id: string, { field = 'id', lock = false, populate }: GetOptions = {}): Promise<T> {
    const found = await this.em.findOne(this.entity, this.scoped({ id } as FilterQuery<T>), {
      ...(lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}),
      ...(populate ? { populate } : {}),
    } as FindOneOptions<T>);
    if (!found) throw notFound(this.noun, field);
    return found;
  }

  findOne(where: FilterQuery<T>, options?: FindOneOptions<T>): Promise<T | null> {
    return this.em.findOne(this.entity, this.scoped(where), options);
  }

  find(where: FilterQuery<T> = {}, options?: FindOptions<T>): Promise<T[]> {
    return this.em.find(this.entity, this.scoped(where), { ...readingOptions(), ...options });
  }

  count(where: FilterQuery<T> = {}): Promise<number> {
    return this.em.count(this.entity, this.scoped(where));
  }

  /**
   * How many rows of the scope there are per status, in one grouped statement computed once per
   * request (its `em`, which has one caller, hence one scope per noun): a dashboard's counts each
   * read their statuses from it, and so does the total of the same list unfiltered.
   */
  countsByStatus(): StatusCounts {
    let ofRequest = statusCountsOf.get(this.em);
    if (!ofRequest) {
      ofRequest = new Map();
      statusCountsOf.set(this.em, ofRequest);
    }
    let counts = ofRequest.get(this.entity);
    if (!counts) {
      counts = this.em
        .createQueryBuilder(this.entity)
        .select(['status', raw('count(*) as count')] as never)
        .where(this.scope as never)
        .groupBy('status' as never)
        .execute<{ status: string; count: string }[]>('all', false)
        .then((rows) => new Map(rows.map((row) => [row.status, Number(row.count)])));
      ofRequest.set(this.entity, counts);
    }
    return new StatusCounts(counts);
  }
}

const statusCountsOf = new WeakMap<EntityManager, Map<unknown, Promise<Map<string, number>>>>();

/** Rows of a scope counted by status (see {@link ScopedRepository.countsByStatus}). */
export class StatusCounts {
  constructor(private readonly counts: Promise<Map<string, number>>) {}

  /** Rows in these statuses, or in any status when none is given. */
  async total(statuses?: readonly string[]): Promise<number> {
    const all = await this.counts;
    return statuses
      ? statuses.reduce((sum, status) => sum + (all.get(status) ?? 0), 0)
      : [...all.values()].reduce((a, b) => a + b, 0);
  }
}
