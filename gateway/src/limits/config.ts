import { z } from 'zod';
import { Role } from '@nuage/contracts';
import type { ShapeLimits } from './operation-shape.js';

/** A token bucket: `burst` calls at once, refilled at `perSecond`. */
export interface BucketSize {
  burst: number;
  perSecond: number;
}

/** Who a bucket is for: a person of a role, a supplier's whole brand, or a caller without a token (by address). */
export type BucketOwner = Role | 'BRAND' | 'ANONYMOUS';

/** What the gateway lets one operation, one request and one caller cost (README, "Limits"). */
export interface GatewayLimits extends ShapeLimits {
  /** Tokens the parser reads before it gives up: the first limit, applied while parsing. */
  maxTokens: number;
  /** The estimated cost an operation may reach. */
  maxCost: number;
  /** The size assumed for a list that declares none (`@listSize`). */
  defaultListSize: number;
  /** Body caps: with a token (a supplier's 10,000 usage lines fit), and without. */
  maxBodyBytes: number;
  maxAnonymousBodyBytes: number;
  /** The whole request's deadline, and each subgraph call's. */
  requestTimeoutMs: number;
  subgraphTimeoutMs: number;
  rateLimits: Record<BucketOwner, BucketSize>;
}

/**
 * The defaults let every operation of `gateway/examples.graphql` and of the buyer's journey through
 * (the deepest is 8 levels, the costliest 2,151) and refuse the red team's shapes, in line with
 * GraphQL Armor's and Apollo Router's defaults.
 */
export const DEFAULT_LIMITS: GatewayLimits = {
  // GraphiQL sends the whole examples document (1,273 tokens) with each of its operations.
  maxTokens: 2_000,
  maxDepth: 10,
  maxAliases: 15,
  maxRootFields: 10,
  maxDirectives: 10,
  // `__schema { types { fields { args } } }`, GraphiQL's own introspection, nests three lists.
  maxIntrospectionDepth: 3,
  maxCost: 5_000,
  defaultListSize: 10,
  maxBodyBytes: 8 * 1024 * 1024,
  maxAnonymousBodyBytes: 64 * 1024,
  requestTimeoutMs: 30_000,
  subgraphTimeoutMs: 20_000,
  rateLimits: {
    [Role.BENEFICIARY]: { burst: 60, perSecond: 10 },
    [Role.MANAGER]: { burst: 60, perSecond: 10 },
    [Role.SUPPLIER]: { burst: 120, perSecond: 20 },
    BRAND: { burst: 300, perSecond: 50 },
    [Role.MARKET_HOLDER]: { burst: 60, perSecond: 10 },
    [Role.UGAP]: { burst: 60, perSecond: 10 },
    [Role.ANALYST]: { burst: 60, perSecond: 10 },
    ANONYMOUS: { burst: 30, perSecond: 0.5 },
  },
};

const count = z.coerce.number().int().positive();
const bucket = z
  .string()
  .regex(/^\d+:\d+(\.\d+)?$/, 'expected "<burst>:<per second>", e.g. "60:10"')
  .transform((text): BucketSize => {
    const [burst, perSecond] = text.split(':').map(Number) as [number, number];
    return { burst, perSecond };
  })
  .refine(({ burst, perSecond }) => burst >= 1 && perSecond > 0, 'burst must be at least 1 and the rate above 0');

/** Each limit's environment variable, with its parser. */
const SETTINGS = {
  maxTokens: ['OPERATION_MAX_TOKENS', count],
  maxDepth: ['OPERATION_MAX_DEPTH', count],
  maxAliases: ['OPERATION_MAX_ALIASES', count],
  maxRootFields: ['OPERATION_MAX_ROOT_FIELDS', count],
  maxDirectives: ['OPERATION_MAX_DIRECTIVES', count],
  maxIntrospectionDepth: ['OPERATION_MAX_INTROSPECTION_DEPTH', count],
  maxCost: ['OPERATION_MAX_COST', count],
  defaultListSize: ['COST_DEFAULT_LIST_SIZE', count],
  maxBodyBytes: ['REQUEST_MAX_BODY_BYTES', count],
  maxAnonymousBodyBytes: ['ANONYMOUS_MAX_BODY_BYTES', count],
  requestTimeoutMs: ['REQUEST_TIMEOUT_MS', count],
  subgraphTimeoutMs: ['SUBGRAPH_TIMEOUT_MS', count],
} as const;

/** The environment variable of each bucket: `RATE_LIMIT_SUPPLIER=120:20`, `RATE_LIMIT_BRAND=300:50`… */
export const rateLimitVariable = (owner: BucketOwner) => `RATE_LIMIT_${owner}`;

/**
 * Reads settings from the environment: `read` gives a variable's parsed value, or the fallback when
 * it is unset, and notes a bad value; `check` then throws with every bad value, named, and why.
 */
export function settingsReader(env: NodeJS.ProcessEnv) {
  const problems: string[] = [];
  return {
    read<T>(variable: string, parser: z.ZodType<T>, fallback: T): T {
      const raw = env[variable];
      if (raw === undefined || raw === '') return fallback;
      const parsed = parser.safeParse(raw);
      if (parsed.success) return parsed.data;
      problems.push(`${variable}=${raw}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
      return fallback;
    },
    check() {
      if (problems.length) throw new Error(`Invalid gateway settings:\n  ${problems.join('\n  ')}`);
    },
  };
}

/** The limits, from the defaults and the environment (bad values are noted on `reader`). */
export function limitsFromEnv(reader: ReturnType<typeof settingsReader>): GatewayLimits {
  const limits: GatewayLimits = { ...DEFAULT_LIMITS, rateLimits: { ...DEFAULT_LIMITS.rateLimits } };
  for (const [key, [variable, parser]] of Object.entries(SETTINGS))
    Object.assign(limits, { [key]: reader.read(variable, parser, limits[key as keyof typeof SETTINGS]) });
  for (const owner of Object.keys(limits.rateLimits) as BucketOwner[])
    limits.rateLimits[owner] = reader.read(rateLimitVariable(owner), bucket, limits.rateLimits[owner]);
  return limits;
}
