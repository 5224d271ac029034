import http from 'node:http';
import https from 'node:https';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { IDENTITY_HEADER, signIdentity, type Identity } from '@nuage/shared';
import type { RequestTiming } from './timing';

/** What the gateway knows of a request that a subgraph call needs. */
export interface SubgraphCallContext {
  identity: Identity | null;
  acceptLanguage?: string;
  timing?: RequestTiming;
}

type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

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
    url: string,
    private readonly secret: string,
  ) {
    this.target = new URL(url);
    this.transport = this.target.protocol === 'https:' ? https : http;
    this.agent = new this.transport.Agent({ keepAlive: true });
  }

  async process({ request, context }: GraphQLDataSourceProcessOptions<SubgraphCallContext>): Promise<SubgraphResponse> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (context.identity) headers[IDENTITY_HEADER] = signIdentity(context.identity, this.secret);
    if (context.acceptLanguage) headers['accept-language'] = context.acceptLanguage;
    const body = JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName });
    const started = performance.now();
    try {
      const { status, text } = await this.post(headers, body);
      const parsed = parseResponse(text);
      if (parsed) return parsed;
      throw new GraphQLError(`The ${this.target.host} subgraph answered HTTP ${status} without a GraphQL response.`, { extensions: { code: 'SUBGRAPH_ERROR' } });
    } finally {
      context.timing?.fetches.push([started, performance.now()]);
    }
  }

  private post(headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const call = this.transport.request(this.target, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, agent: this.agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => resolve({ status: response.statusCode ?? 502, text: Buffer.concat(chunks).toString('utf8') }));
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
