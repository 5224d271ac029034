import { initGraphQLTada, type TadaDocumentNode } from 'gql.tada';
import { print } from 'graphql';
import type { introspection } from '../../../schema/api-introspection';

type Introspection = typeof introspection;

/**
 * GraphQL documents typed from the composed API schema (`schema/api-introspection.ts`, written by
 * `npm run compose`): a test's variables and the data it reads are checked at compile time, so a
 * schema change breaks the tests that depend on it.
 */
export const graphql = initGraphQLTada<{
  introspection: Introspection;
  scalars: { DateTimeISO: string; Decimal: string; LocalDate: string; JSONObject: Record<string, unknown> };
  // Tests read what a fragment selects where it is spread.
  disableMasking: true;
}>();

export type { ResultOf, VariablesOf } from 'gql.tada';

/** A document as sent: typed, or (for a few generated on the fly) text. */
export type Operation<Result = unknown, Variables = Record<string, unknown>> =
  | TadaDocumentNode<Result, Variables>
  | string;

/** The text of a document, for the request body. */
export const textOf = (operation: Operation<unknown, never>): string =>
  typeof operation === 'string' ? operation : print(operation);
