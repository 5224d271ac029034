import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { getOperationAST, OperationTypeNode, parse, print, separateOperations } from 'graphql';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { Role } from '@nuage/contracts';

/** The manifest format of Apollo's persisted queries (what `@apollo/generate-persisted-query-manifest` writes). */
export interface TrustedDocumentsManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: { id: string; name: string; type: `${OperationTypeNode}`; body: string }[];
}

/** A document's id: the SHA-256 of its text, as a persisted query's `sha256Hash`. */
export const documentId = (body: string) => createHash('sha256').update(body).digest('hex');

/** The manifest of a client's `.graphql` files: each operation alone, with the fragments it uses. */
export function manifestOf(sources: string[]): TrustedDocumentsManifest {
  const operations = Object.entries(separateOperations(parse(sources.join('\n')))).map(([name, document]) => {
    const body = print(document);
    const type: OperationTypeNode = getOperationAST(document)?.operation ?? OperationTypeNode.QUERY;
    return { id: documentId(body), name, type, body };
  });
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

/**
 * Trusted documents: the first-party clients' operations, registered by hash. Callers of the roles
 * in `requiredFor` may run only these (sent by hash, or as the very same text); others keep
 * arbitrary operations within the limits. Apollo Server reads the documents through its persisted
 * queries' cache, which this one is, read-only: nothing a caller sends registers a document.
 */
export class TrustedDocuments {
  private readonly bodies: Map<string, string>;

  constructor(
    manifest: TrustedDocumentsManifest,
    readonly requiredFor: ReadonlySet<Role>,
  ) {
    if (manifest.format !== 'apollo-persisted-query-manifest' || manifest.version !== 1)
      throw new Error('A trusted documents manifest must be an apollo-persisted-query-manifest, version 1.');
    this.bodies = new Map(manifest.operations.map((operation) => [operation.id, operation.body]));
    for (const [id, body] of this.bodies)
      if (documentId(body) !== id) throw new Error(`Trusted document ${id} does not match its body's hash.`);
  }

  static load(path: string, requiredFor: Iterable<Role>): TrustedDocuments {
    return new TrustedDocuments(JSON.parse(readFileSync(path, 'utf8')), new Set(requiredFor));
  }

  body(id: string): string | undefined {
    return this.bodies.get(id);
  }

  has(id: string): boolean {
    return this.bodies.has(id);
  }

  /** For Apollo Server's `persistedQueries.cache` (keys come prefixed with `apq:`). */
  readonly cache: KeyValueCache<string> = {
    get: async (key) => this.bodies.get(key.replace(/^apq:/, '')),
    set: async () => {},
    delete: async () => false,
  };
}
