import http from 'node:http';
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
  type Logger,
} from '@nuage/platform';
import { SERVICE_UNAVAILABLE } from '@nuage/contracts';
import type { RequestTiming } from './timing';

/** What the gateway knows of a request that a subgraph call needs. */
export interface SubgraphCallContext {
  identity: Identity | null;
  acceptLanguage?: string;
  timing?: RequestTiming;
}

type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/**
 * The answer for a subgraph that could not be reached or did not answer in GraphQL: an error
 * SERVICE_UNAVAILABLE on each field it was asked for (the gateway places `_entities` errors at
 * the paths of the entities), so the rest of the answer survives; no internal address is shown.
 */
function unavailable(
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
  const message =
    localeFrom(acceptLanguage) === 'en'
      ? `The ${name} service is unavailable for the moment; try again shortly.`
      : `Le service ${name} est indisponible pour le moment ; réessayez dans un instant.`;
  return {
    data: null,
    errors: paths.map((path) => ({ message, path, extensions: { code: SERVICE_UNAVAILABLE, service: name } })),
  } as SubgraphResponse;
}

/**
 * Calls one subgraph for the gateway: forwards the verified identity, signed, and the caller's
 * language; keeps a pool of keep-alive connections; records each call's interval for the
 * request's timing. Written on node:http rather than Apollo's RemoteGraphQLDataSource, whose
 * general-purpose fetch stack cost more gateway CPU per request (see the README's benchmark).
 */
export class SubgraphDataSource implements GraphQLDataSource<SubgraphCallContext> {
  private readonly target: URL;
  private readonly transport: typeof http | typeof https;
  private readonly agent: http.Agent;

  constructor(
    private readonly name: string,
    url: string,
    private readonly secret: string,
    private readonly logger: Logger,
  ) {
    this.target = new URL(url);
    this.transport = this.target.protocol === 'https:' ? https : http;
    this.agent = new this.transport.Agent({ keepAlive: true });
  }

  async process({ request, context }: GraphQLDataSourceProcessOptions<SubgraphCallContext>): Promise<SubgraphResponse> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (context.identity) headers[IDENTITY_HEADER] = signIdentity(context.identity, this.secret);
    if (context.acceptLanguage) headers['accept-language'] = context.acceptLanguage;
    const requestId = currentRequest()?.requestId;
    if (requestId) headers[REQUEST_ID_HEADER] = requestId;
    const body = JSON.stringify({
      query: request.query,
      variables: request.variables,
      operationName: request.operationName,
    });
    const started = performance.now();
    try {
      const { status, text } = await this.post(headers, body);
      const parsed = parseResponse(text);
      if (parsed) return parsed;
      this.logger.error({ subgraph: this.name, status, requestId }, 'subgraph answered without a GraphQL response');
    } catch (error) {
      // The caller went away: the call was cancelled on purpose (the subgraph stops too).
      if (currentRequest()?.signal?.aborted)
        return unavailable(this.name, request.query!, request.variables, context.acceptLanguage);
      this.logger.warn({ subgraph: this.name, err: error, requestId }, 'subgraph unreachable');
    } finally {
      context.timing?.fetches.push([started, performance.now()]);
    }
    return unavailable(this.name, request.query!, request.variables, context.acceptLanguage);
  }

  private post(headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const options = {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        agent: this.agent,
        signal: currentRequest()?.signal,
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
