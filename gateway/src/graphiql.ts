import { readFileSync } from 'node:fs';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { ApolloServerPlugin } from '@apollo/server';

const examples = readFileSync(new URL('../examples.graphql', import.meta.url), 'utf8');

/**
 * GraphiQL served from npm assets (no CDN: these machines have no internet), opened on the example
 * operations. Paste a token from `npm run token` into the Headers tab.
 */
export const graphiqlLandingPage = (): ApolloServerPlugin => ({
  async serverWillStart() {
    return {
      async renderLandingPage() {
        return {
          html: renderGraphiQL({
            title: 'Nuage Public — GraphiQL',
            endpoint: '/graphql',
            defaultQuery: examples,
            headers: JSON.stringify(
              { Authorization: 'Bearer <paste the output of npm run token -- analyst>' },
              null,
              2,
            ),
            isHeadersEditorEnabled: true,
            shouldPersistHeaders: true,
          }),
        };
      },
    };
  },
});
