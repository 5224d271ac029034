import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { minifyIntrospection, outputIntrospectionFile } from '@gql.tada/internal';
import { introspectionFromSchema, parse } from 'graphql';
import { childExecArgv } from '@nuage/platform/runtime';
import { repoRoot, schemaDir, SUBGRAPHS } from './paths.js';

const run = promisify(execFile);

/** Where `npm start` runs each subgraph; the gateway's environment can override them. */
export const defaultSubgraphUrl = (index: number) => `http://127.0.0.1:${4001 + index}/graphql`;

export interface Composition {
  files: Record<string, string>;
}

/** One subgraph's SDL, printed by a process of its own. */
async function sdlOf(name: string): Promise<string> {
  const { stdout } = await run(process.execPath, [...childExecArgv, 'infra/stack/src/sdl-cli.ts', name], {
    cwd: repoRoot,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

/**
 * Composes the supergraph from the five subgraphs' schemas. Any composition error, and any hint
 * (they point at inconsistencies between subgraphs), fails: the schema must compose cleanly.
 */
export async function composeSupergraph(): Promise<Composition> {
  const sdls = await Promise.all(SUBGRAPHS.map(sdlOf));
  const result = composeServices(
    SUBGRAPHS.map((name, index) => ({ name, url: defaultSubgraphUrl(index), typeDefs: parse(sdls[index] as string) })),
  );
  if (result.errors) throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  if (result.hints.length)
    throw new Error(
      `Composition hints (fix them):\n${result.hints.map((h) => `- [${h.definition.code}] ${h.message}`).join('\n')}`,
    );
  const files: Record<string, string> = { 'supergraph.graphql': result.supergraphSdl };
  for (const [index, name] of SUBGRAPHS.entries()) files[`${name}.graphql`] = sdls[index] as string;
  files['api-introspection.ts'] = apiIntrospection(result.supergraphSdl);
  return { files };
}

/**
 * The API schema (what clients see) as gql.tada's introspection type: tests type their GraphQL
 * documents from it, so a schema change breaks the tests that depend on it at compile time.
 */
function apiIntrospection(supergraphSdl: string): string {
  const api = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  return outputIntrospectionFile(minifyIntrospection(introspectionFromSchema(api)), {
    fileType: '.ts',
    shouldPreprocess: true,
  });
}

/** The committed files that differ from a fresh composition. */
export function staleFiles(composition: Composition): string[] {
  return Object.entries(composition.files)
    .filter(([file, content]) => {
      try {
        return readFileSync(`${schemaDir}/${file}`, 'utf8') !== content;
      } catch {
        return true;
      }
    })
    .map(([file]) => file);
}
