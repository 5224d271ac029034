import { z } from 'zod';
import { Role } from '@nuage/contracts';
import { setting, settingTypes, type SettingsSpec } from '@nuage/platform';
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

/** The environment variable of each bucket: `RATE_LIMIT_SUPPLIER=120:20`, `RATE_LIMIT_BRAND=300:50`… */
export const rateLimitVariable = (owner: BucketOwner) => `RATE_LIMIT_${owner}`;

const count = settingTypes.wholeNumber.pipe(z.number().int().positive());
const bucket = z
  .string()
  .regex(/^\d+:\d+(\.\d+)?$/, 'expected "<burst>:<per second>", e.g. "60:10"')
  .transform((text): BucketSize => {
    const [burst, perSecond] = text.split(':').map(Number) as [number, number];
    return { burst, perSecond };
  })
  .refine(({ burst, perSecond }) => burst >= 1 && perSecond > 0, 'burst must be at least 1 and the rate above 0');

/** Each limit's environment variable and what it bounds. */
const LIMIT_VARIABLES: { [K in Exclude<keyof GatewayLimits, 'rateLimits'>]: [string, string] } = {
  maxTokens: [
    'OPERATION_MAX_TOKENS',
    'Tokens the parser reads before it refuses (GraphiQL sends the whole examples document, 1,273).',
  ],
  maxDepth: ['OPERATION_MAX_DEPTH', 'Nesting of fields, introspection aside (the deepest example is 7).'],
  maxAliases: ['OPERATION_MAX_ALIASES', 'Aliased fields, counted as the answer would carry them.'],
  maxRootFields: ['OPERATION_MAX_ROOT_FIELDS', 'Fields at the root of an operation.'],
  maxDirectives: ['OPERATION_MAX_DIRECTIVES', 'Directives (`@include`, `@skip`…) applied in an operation.'],
  maxIntrospectionDepth: [
    'OPERATION_MAX_INTROSPECTION_DEPTH',
    'Lists nested in introspection (`__schema { types { fields { args } } }` is 3).',
  ],
  maxCost: ['OPERATION_MAX_COST', 'Estimated cost an operation may reach (the costliest example is 2,241).'],
  defaultListSize: ['COST_DEFAULT_LIST_SIZE', 'Size assumed for a list that declares none.'],
  maxBodyBytes: ['REQUEST_MAX_BODY_BYTES', 'Body cap of a request with a token, in bytes (10,000 usage lines fit).'],
  maxAnonymousBodyBytes: ['ANONYMOUS_MAX_BODY_BYTES', 'Body cap of a request without a token, in bytes.'],
  requestTimeoutMs: ['REQUEST_TIMEOUT_MS', 'Deadline of a whole request, in milliseconds.'],
  subgraphTimeoutMs: ['SUBGRAPH_TIMEOUT_MS', 'Deadline of each subgraph call, in milliseconds.'],
};

const OWNERS = Object.keys(DEFAULT_LIMITS.rateLimits) as BucketOwner[];

/** The limits' settings: one per limit, one per bucket (`RATE_LIMIT_<OWNER>`). */
export const LIMIT_SETTINGS: SettingsSpec = {
  ...Object.fromEntries(
    Object.entries(LIMIT_VARIABLES).map(([key, [variable, description]]) => [
      variable,
      setting({ schema: count, default: DEFAULT_LIMITS[key as keyof typeof LIMIT_VARIABLES], description }),
    ]),
  ),
  ...Object.fromEntries(
    OWNERS.map((owner) => {
      const { burst, perSecond } = DEFAULT_LIMITS.rateLimits[owner];
      const who =
        owner === 'BRAND'
          ? 'a supplier’s whole brand'
          : owner === 'ANONYMOUS'
            ? 'an address without a token'
            : `each ${owner} person`;
      return [
        rateLimitVariable(owner),
        setting({
          schema: bucket,
          default: DEFAULT_LIMITS.rateLimits[owner],
          shownDefault: `\`${burst}:${perSecond}\``,
          description: `Rate of ${who}: \`<burst>:<per second>\`.`,
        }),
      ];
    }),
  ),
};

/** The limits from settings already read and checked. */
export function limitsFrom(settings: Readonly<Record<string, unknown>>): GatewayLimits {
  const limits = Object.fromEntries(
    Object.entries(LIMIT_VARIABLES).map(([key, [variable]]) => [key, settings[variable]]),
  ) as Omit<GatewayLimits, 'rateLimits'>;
  const rateLimits = Object.fromEntries(
    OWNERS.map((owner) => [owner, settings[rateLimitVariable(owner)] as BucketSize]),
  ) as GatewayLimits['rateLimits'];
  return { ...limits, rateLimits };
}
