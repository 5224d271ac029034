import http from 'node:http';
import { context as traceContext, propagation } from '@opentelemetry/api';
import type { Histogram } from 'prom-client';
import https from 'node:https';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { Kind, parse, type OperationDefinitionNode, type SelectionNode } from 'graphql';
import {
  currentRequest,
  IDENTITY_HEADER,
  localeFrom,
  REQUEST_ID_HEADER,
  signIdentity,
  type Identity,
  type KeyRing,
  type Logger,
} from '@nuage/platform';
import { SERVICE_TIMEOUT, SERVICE_UNAVAILABLE } from '@nuage/contracts';
import type { RequestTiming } from './timing.js';

/** What the gateway knows of a request that a subgraph call needs. */
export interface SubgraphCallContext {
  identity: Identity | null;
  acceptLanguage?: string;
  timing?: RequestTiming;
  /** When the whole request must be answered (`performance.now()` time): no call runs past it. */
  deadline?: number;
}

type Failure = 'unavailable' | 'timeout';

const FAILURE_MESSAGES: Record<Failure, (name: string) => Record<'fr' | 'en', string>> = {
  unavailable: (name) => ({
    fr: `Le service ${name} est indisponible pour le moment ; réessayez dans un instant.`,
    en: `The ${name} service is unavailable for the moment; try again shortly.`,
  }),
  timeout: (name) => ({
    fr: `Le service ${name} n'a pas répondu à temps ; le reste de la réponse est là, réessayez pour ces champs.`,
    en: `The ${name} service did not answer in time; the rest of the answer is here, retry for these fields.`,
  }),
};

type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/**
 * The answer for a subgraph that could not be reached, did not answer in GraphQL or not in time: an
 * error (SERVICE_UNAVAILABLE or SERVICE_TIMEOUT) on each field it was asked for (the gateway places
 * `_entities` errors at the paths of the entities), so the rest of the answer survives; no internal
 * address is shown.
 */
function failed(
  failure: Failure,
  name: string,
  query: string,
  variables: Record<string, unknown> | undefined,
  acceptLanguage: string | undefined,
): SubgraphResponse {
  const operation = parse(query).definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const keys = (selections: readonly SelectionNode[]): string[] =>
    selections.flatMap((s) =>
      s.kind === Kind.FIELD
        ? s.name.value === '__typename'
          ? []
          : [s.alias?.value ?? s.name.value]
        : s.kind === Kind.INLINE_FRAGMENT
          ? keys(s.selectionSet.selections)
          : [],
    );
  const roots = operation?.selectionSet.selections ?? [];
  const representations = Array.isArray(variables?.representations) ? variables.representations.length : 0;
  const paths = roots.flatMap((root): (string | number)[][] => {
    if (root.kind !== Kind.FIELD) return [];
    if (root.name.value !== '_entities') return [[root.alias?.value ?? root.name.value]];
    // Each field this subgraph owns on each entity asked for.
    const fields = keys(root.selectionSet?.selections ?? []);
    return Array.from({ length: representations }, (_, i) => fields.map((field) => ['_entities', i, field])).flat();
  });
  const message = FAILURE_MESSAGES[failure](name)[localeFrom(acceptLanguage)];
  const code = failure === 'timeout' ? SERVICE_TIMEOUT : SERVICE_UNAVAILABLE;
  return {
    data: null,
    errors: paths.map((path) => ({ message, path, extensions: { code, service: name } })),
  } as SubgraphResponse;
}

/**
 * Calls one subgraph for the gateway: forwards the verified identity, signed, and the caller's
 * language; keeps a pool of keep-alive connections; records each call's interval for the
 * request's timing; gives up after `timeoutMs`, or at the request's deadline. Written on node:http rather than Apollo's RemoteGraphQLDataSource, whose
 * general-purpose fetch stack cost more gateway CPU per request (see the README's benchmark).
 */
export class SubgraphDataSource implements GraphQLDataSource<SubgraphCallContext> {
  private readonly target: URL;
  private readonly transport: typeof http | typeof https;
  private readonly agent: http.Agent;

  constructor(
    private readonly name: string,
    url: string,
    private readonly keys: KeyRing,
    private readonly logger: Logger,
    private readonly timeoutMs: number,
    private readonly durations?: Histogram<'subgraph'>,
  ) {
    this.target = new URL(url);
    this.transport = this.target.protocol === 'https:' ? https : http;
    this.agent = new this.transport.Agent({ keepAlive: true });
  }

  async process({ request, context }: GraphQLDataSourceProcessOptions<SubgraphCallContext>): Promise<SubgraphResponse> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (context.identity) headers[IDENTITY_HEADER] = signIdentity(context.identity, this.keys);
    // W3C trace context (`traceparent`), when tracing is on: the subgraph's spans join the gateway's trace.
    propagation.inject(traceContext.active(), headers);
    if (context.acceptLanguage) headers['accept-language'] = context.acceptLanguage;
    const requestId = currentRequest()?.requestId;
    if (requestId) headers[REQUEST_ID_HEADER] = requestId;
    const body = JSON.stringify({
      query: request.query,
      variables: request.variables,
      operationName: request.operationName,
    });
    const started = performance.now();
    const budget = Math.min(this.timeoutMs, (context.deadline ?? Number.POSITIVE_INFINITY) - started);
    const timeout = AbortSignal.timeout(Math.max(0, Math.floor(budget)));
    const abandoned = currentRequest()?.signal;
    const signal = abandoned ? AbortSignal.any([abandoned, timeout]) : timeout;
    const fail = (failure: Failure) =>
      failed(failure, this.name, request.query!, request.variables, context.acceptLanguage);
    try {
      const { status, text } = await this.post(headers, body, signal);
      const parsed = parseResponse(text);
      if (parsed) return parsed;
      this.logger.error({ subgraph: this.name, status, requestId }, 'subgraph answered without a GraphQL response');
    } catch (error) {
      // The caller went away: the call was cancelled on purpose (the subgraph stops too).
      if (abandoned?.aborted) return fail('unavailable');
      if (timeout.aborted) {
        this.logger.warn({ subgraph: this.name, requestId, timeoutMs: Math.floor(budget) }, 'subgraph timed out');
        return fail('timeout');
      }
      this.logger.warn({ subgraph: this.name, err: error, requestId }, 'subgraph unreachable');
    } finally {
      const ended = performance.now();
      context.timing?.fetches.push([started, ended]);
      this.durations?.observe({ subgraph: this.name }, (ended - started) / 1000);
    }
    return fail('unavailable');
  }

  private post(
    headers: Record<string, string>,
    body: string,
    signal: AbortSignal,
  ): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const options = {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        agent: this.agent,
        signal,
      };
      const call = this.transport.request(this.target, options, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 502, text: Buffer.concat(chunks).toString('utf8') }),
        );
      });
      call.on('error', reject);
      call.end(body);
    });
  }
}

/** A GraphQL response (data and/or errors), or null when the body is something else. */
function parseResponse(text: string): SubgraphResponse | null {
  try {
    const body = JSON.parse(text) as SubgraphResponse;
    return body && typeof body === 'object' && ('data' in body || 'errors' in body) ? body : null;
  } catch {
    return null;
  }
}
