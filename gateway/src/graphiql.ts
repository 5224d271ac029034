import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { ApolloServerPlugin } from '@apollo/server';

const examples = readFileSync(new URL('../examples.graphql', import.meta.url), 'utf8');

const sha256 = (text: string, encoding: 'base64' | 'hex') => createHash('sha256').update(text).digest(encoding);

/** The GraphiQL page, and what its HTTP answer needs: the hashes its CSP allows, its ETag. */
export interface GraphiqlPage {
  html: string;
  /** `'sha256-…'` sources of its inline scripts, for `script-src`. */
  scriptHashes: string[];
  etag: string;
}

/**
 * GraphiQL served from npm assets (no CDN: these machines have no internet), opened on the example
 * operations, with no header set: the schema loads without a token (where anonymous introspection
 * is on), and the examples' first lines say where to paste one.
 */
export function graphiqlPage(): GraphiqlPage {
  const html = renderGraphiQL({
    title: 'Nuage Public — GraphiQL',
    endpoint: '/graphql',
    defaultQuery: examples,
    headers: '',
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: true,
  });
  const scriptHashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${sha256(body as string, 'base64')}'`,
  );
  return { html, scriptHashes, etag: `"${sha256(html, 'hex').slice(0, 32)}"` };
}

export const graphiqlLandingPage = (page: GraphiqlPage): ApolloServerPlugin => ({
  async serverWillStart() {
    return {
      async renderLandingPage() {
        return { html: page.html };
      },
    };
  },
});
