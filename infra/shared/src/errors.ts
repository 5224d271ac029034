import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { Directive, Field, ObjectType, registerEnumType, type ClassType } from 'type-graphql';

/** The kinds of error a caller can get, in `extensions.code` and in mutation payloads. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
}
registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description: 'Why a request was refused.',
  valuesConfig: {
    UNAUTHENTICATED: { description: 'No valid bearer token was sent.' },
    FORBIDDEN: { description: 'The caller may not do this (role, entity or brand).' },
    NOT_FOUND: { description: 'The thing named does not exist, or the caller may not see it.' },
    BAD_USER_INPUT: { description: 'An input value is not acceptable; `field` says which.' },
    CONFLICT: { description: 'Someone else changed the same thing first; read it again.' },
    INVALID_TRANSITION: { description: 'The lifecycle does not allow this step now.' },
  },
});

/** A rule of the domain said no. Services throw it; resolvers turn it into a typed GraphQL error. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const unauthenticated = () => new DomainError(ErrorCode.UNAUTHENTICATED, 'Authentication is required: send a bearer token.');
export const forbidden = (why: string) => new DomainError(ErrorCode.FORBIDDEN, why);
export const notFound = (what: string, field?: string) => new DomainError(ErrorCode.NOT_FOUND, `${what} was not found.`, field);
export const invalid = (field: string, reason: string) => new DomainError(ErrorCode.BAD_USER_INPUT, reason, field);

/** A refusal as mutation payloads carry it. */
@Directive('@shareable')
@ObjectType({ description: 'Why a mutation was refused; nothing was changed.' })
export class UserError {
  @Field(() => ErrorCode, { description: 'The kind of refusal.' })
  code!: ErrorCode;

  @Field(() => String, { nullable: true, description: 'The input field at fault, as a path (e.g. "input.startDate").' })
  field?: string;

  @Field(() => String, { description: 'The reason, for people.' })
  message!: string;

  static from(error: DomainError): UserError {
    return Object.assign(new UserError(), { code: error.code, field: error.field, message: error.message });
  }
}

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { [ErrorCode.UNAUTHENTICATED]: 401 };

/** The GraphQL error a caller sees for a domain refusal: code, field and reason in `extensions`. */
export function toGraphQLError(error: DomainError): GraphQLError {
  const status = HTTP_STATUS[error.code];
  return new GraphQLError(error.message, {
    extensions: {
      code: error.code,
      ...(error.field ? { field: error.field } : {}),
      reason: error.message,
      ...(status ? { http: { status } } : {}),
    },
  });
}

/** Apollo `formatError`: domain refusals keep their code, field and reason; the rest stays as Apollo formats it. */
export function formatError(formatted: import('graphql').GraphQLFormattedError, error: unknown) {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    return { ...formatted, message: original.message, extensions: toGraphQLError(original).extensions };
  }
  return formatted;
}

/**
 * Runs a mutation's work and reports a domain refusal in the payload (`errors`), as the schema
 * promises, instead of as a GraphQL error. Anything else (a bug, the database down) still throws.
 */
export async function refusalsAsUserErrors<T>(work: () => Promise<T>): Promise<{ result: T | null; errors: UserError[] }> {
  try {
    return { result: await work(), errors: [] };
  } catch (error) {
    if (error instanceof DomainError && error.code !== ErrorCode.UNAUTHENTICATED) return { result: null, errors: [UserError.from(error)] };
    throw error;
  }
}

/**
 * Declares the payload type of mutations on a noun: the noun as it now stands under `field`, or
 * the refusal in `errors` (see `refusalsAsUserErrors`, whose result it takes as it is).
 */
export function MutationPayload<T extends object>(node: ClassType<T>, name: string, field: string, noun: string) {
  @ObjectType(name, { description: `The outcome of a change to a ${noun}: the ${noun}, or why the change was refused.` })
  class Payload {
    @Field(() => node, { name: field, nullable: true, description: `The ${noun} as it now stands; null when refused.` })
    result!: T | null;

    @Field(() => [UserError], { description: 'Why it was refused; empty on success. When not empty, nothing was changed.' })
    errors!: UserError[];
  }
  return Payload;
}
