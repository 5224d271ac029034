import type { IncomingMessage } from 'node:http';
import { getOperationAST, GraphQLError, Kind, parse, type DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import {
  DomainError,
  localeFrom,
  toGraphQLError,
  unauthenticated,
  type GraphQLRequestParams,
  type Identity,
} from '@nuage/platform';
import { OperationLimit, type Locale } from '@nuage/contracts';
import type { AccessFacts } from './http-conventions.js';
import type { GatewayLimits } from './limits/config.js';
import type { CostModel } from './limits/cost.js';
import { firstLimitPassed, measureOperation } from './limits/operation-shape.js';
import { callerRateLimits } from './limits/rate-limits.js';
import { operationNotTrusted, operationTooCostly, operationTooLarge } from './limits/refusals.js';
import { documentId, type TrustedDocuments } from './limits/trusted-documents.js';

/** What anonymous callers may ask: an invitation link's account activation (and the schema, where allowed). */
const ANONYMOUS_FIELDS = new Set(['__typename', 'invitation', 'activateAccount']);
const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/** What the gateway learnt of a request it lets through. */
export interface Admitted {
  identity: Identity | null;
  /** The operation's estimated cost (0 when it could not be read: Apollo then answers the syntax error). */
  cost: number;
}

export interface AdmissionOptions {
  limits: GatewayLimits;
  costModel: CostModel;
  /** The caller behind the `Authorization` header: null without one; throws for a bad one. */
  verifyToken: (authorization: string | undefined) => Promise<Identity | null>;
  /** Throws unless the token's account exists and may act (may ask the requests subgraph). */
  assertMayAct: (identity: Identity) => Promise<void>;
  anonymousIntrospection: boolean;
  trustedDocuments?: TrustedDocuments;
}

type Parsed = { document: DocumentNode } | { tooLarge: true } | { unreadable: true };

const firstHeader = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** The query, operation name, variables and extensions of a request, from a POST body or a GET query string. */
function paramsOf({ body, search }: GraphQLRequestParams) {
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const { query, operationName, variables, extensions } = body as Record<string, unknown>;
    return { query, operationName, variables, extensions };
  }
  const params = new URLSearchParams(search);
  const json = (name: string) => {
    try {
      return JSON.parse(params.get(name) ?? 'null');
    } catch {
      return null;
    }
  };
  return {
    query: params.get('query') ?? undefined,
    operationName: params.get('operationName') ?? undefined,
    variables: json('variables'),
    extensions: json('extensions'),
  };
}

/**
 * Everything the gateway checks before Apollo parses, plans or calls a subgraph, cheapest first:
 * the token, the caller's rate, the account, the trusted documents, the text's tokens (the parser
 * stops at the limit), the operation's shape, anonymous access, and its estimated cost. Parsing and
 * the shape are remembered by text, so a client repeating its operations pays for them once.
 */
export function admission(options: AdmissionOptions) {
  const { limits, costModel, trustedDocuments } = options;
  const takeCall = callerRateLimits(limits.rateLimits);
  // Bounded by the texts' length too: callers sending ever-new large texts cannot fill the memory.
  const parsed = new LRUCache<string, Parsed>({
    max: 2_000,
    maxSize: 16 * 1024 * 1024,
    sizeCalculation: (_parsed, text) => text.length + 1,
  });
  const shapes = new WeakMap<DocumentNode, Map<string, GraphQLError | null>>();

  const parseLimited = (text: string): Parsed => {
    let known = parsed.get(text);
    if (!known) {
      try {
        known = { document: parse(text, { maxTokens: limits.maxTokens, noLocation: true }) };
      } catch (error) {
        // graphql-js stops reading at the limit and says so; any other syntax error Apollo reports.
        known = /contains more tha[nt] \d+ tokens/.test((error as Error).message)
          ? { tooLarge: true }
          : { unreadable: true };
      }
      parsed.set(text, known);
    }
    return known;
  };

  const shapeRefusal = (document: DocumentNode, operationName: string | undefined, locale: Locale) => {
    let byOperation = shapes.get(document);
    if (!byOperation) {
      byOperation = new Map();
      shapes.set(document, byOperation);
    }
    const key = `${locale}:${operationName ?? ''}`;
    if (!byOperation.has(key)) {
      const operation = getOperationAST(document, operationName);
      const passed = operation ? firstLimitPassed(measureOperation(document, operation), limits) : null;
      byOperation.set(key, passed ? operationTooLarge(passed.limit, passed.maximum, passed.actual, locale) : null);
    }
    return byOperation.get(key)!;
  };

  const identify = async (req: IncomingMessage, locale: Locale) => {
    try {
      const identity = await options.verifyToken(firstHeader(req, 'authorization'));
      takeCall(identity, req.socket.remoteAddress ?? 'unknown', locale);
      if (identity) await options.assertMayAct(identity);
      return identity;
    } catch (error) {
      if (error instanceof DomainError) throw toGraphQLError(error, locale);
      if (error instanceof GraphQLError) throw error;
      throw new GraphQLError('Authentication failed.', {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      });
    }
  };

  /** Admits a request or throws its refusal; `facts` (for the access log) fill as the checks learn them. */
  return async function admit(
    req: IncomingMessage,
    request: GraphQLRequestParams,
    facts: AccessFacts,
  ): Promise<Admitted> {
    const locale = localeFrom(firstHeader(req, 'accept-language'));
    const { query, operationName, variables, extensions } = paramsOf(request);
    const name = typeof operationName === 'string' ? operationName : undefined;
    facts.operationName = name;
    const identity = await identify(req, locale);
    facts.role = identity?.role;
    const hash = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null)?.persistedQuery?.sha256Hash;
    let text = typeof query === 'string' ? query : undefined;
    if (trustedDocuments) {
      if (text === undefined && typeof hash === 'string') text = trustedDocuments.body(hash);
      const mustBeTrusted = identity !== null && trustedDocuments.requiredFor.has(identity.role);
      if (mustBeTrusted && (text === undefined || !trustedDocuments.has(documentId(text))))
        throw operationNotTrusted(locale);
    }
    // Nothing to read (a persisted query's hash, a request without a query): Apollo answers it.
    if (text === undefined) return { identity, cost: 0 };

    const read = parseLimited(text);
    if ('tooLarge' in read) throw operationTooLarge(OperationLimit.TOKENS, limits.maxTokens, undefined, locale);
    if ('unreadable' in read) return { identity, cost: 0 };
    const { document } = read;
    const refusal = shapeRefusal(document, name, locale);
    if (refusal) throw refusal;
    const operation = getOperationAST(document, name);
    if (!operation) return { identity, cost: 0 };
    if (!identity) {
      const allowed = operation.selectionSet.selections.every(
        (selection) =>
          selection.kind === Kind.FIELD &&
          (ANONYMOUS_FIELDS.has(selection.name.value) ||
            (options.anonymousIntrospection && INTROSPECTION_FIELDS.has(selection.name.value))),
      );
      if (!allowed) throw toGraphQLError(unauthenticated(), locale);
    }
    const { cost, costliestPath } = costModel.estimate(
      document,
      operation,
      variables && typeof variables === 'object' ? (variables as Record<string, unknown>) : {},
    );
    facts.operationName = operation.name?.value ?? name;
    facts.cost = cost;
    if (cost > limits.maxCost) throw operationTooCostly(cost, limits.maxCost, costliestPath, locale);
    return { identity, cost };
  };
}
