import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { Directive, Field, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import {
  type Bilingual,
  ErrorCode,
  INTERNAL_SERVER_ERROR,
  type Locale,
  OPERATION_NOT_TRUSTED,
  OPERATION_TOO_COSTLY,
  OPERATION_TOO_LARGE,
  PAYLOAD_TOO_LARGE,
  RATE_LIMITED,
  SERVICE_TIMEOUT,
  SERVICE_UNAVAILABLE,
} from '@nuage/contracts';
import { AbandonedRequest, currentRequest } from './request-scope.js';
import type { Logger } from './logger.js';

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

/**
 * A rule of the domain said no. Services throw it with its reason in French and English; the
 * caller reads it in its own language (`Accept-Language`), as labels.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly reason: Bilingual,
    readonly field?: string,
  ) {
    super(reason.en);
    this.name = 'DomainError';
  }
}

export const unauthenticated = () =>
  new DomainError(ErrorCode.UNAUTHENTICATED, {
    fr: "Authentification requise : envoyez un jeton d'accès (bearer).",
    en: 'Authentication is required: send a bearer token.',
  });
export const forbidden = (why: Bilingual) => new DomainError(ErrorCode.FORBIDDEN, why);
/** `what` names the thing with its article: `{ fr: 'La commande', en: 'The order' }`. */
export const notFound = (what: Bilingual, field?: string) =>
  new DomainError(ErrorCode.NOT_FOUND, { fr: `${what.fr} est introuvable.`, en: `${what.en} was not found.` }, field);
export const invalid = (field: string, reason: Bilingual) => new DomainError(ErrorCode.BAD_USER_INPUT, reason, field);
export const conflict = (reason: Bilingual, field?: string) => new DomainError(ErrorCode.CONFLICT, reason, field);
export const invalidTransition = (reason: Bilingual) => new DomainError(ErrorCode.INVALID_TRANSITION, reason);

/**
 * What PostgreSQL's refusals mean to the caller, for those no check can prevent: two callers
 * creating the same thing at once (a unique violation) is a CONFLICT for the later one.
 */
export function domainErrorOfDatabase(error: unknown): DomainError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === '23505')
    return conflict({
      fr: "Quelqu'un vient de faire la même chose : relisez puis réessayez.",
      en: 'Someone just did the same thing: read it again, then retry.',
    });
  return undefined;
}

/** The pool had no connection to give in time, or a statement ran past its limit: the service is busy, not broken. */
export const isOverload = (error: unknown): boolean => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === '57014' || (typeof message === 'string' && message.includes('timeout exceeded when trying to connect'))
  );
};

const BUSY_MESSAGE: Bilingual = {
  fr: 'Le service est momentanément surchargé ; réessayez dans un instant.',
  en: 'The service is momentarily overloaded; retry in a moment.',
};

/** The language of the request being served (French outside one). */
const localeNow = (): Locale => currentRequest()?.locale ?? 'fr';

/** A refusal as mutation payloads carry it. */
@Directive('@shareable')
@ObjectType({ description: 'Why a mutation was refused; nothing was changed.' })
export class UserError {
  @Field(() => ErrorCode, { description: 'The kind of refusal.' })
  code!: ErrorCode;

  @Field(() => String, { nullable: true, description: 'The input field at fault, as a path (e.g. "input.startDate").' })
  field?: string;

  @Field(() => String, {
    description: "The reason, for people, in the caller's language (Accept-Language; French by default).",
  })
  message!: string;

  static from(error: DomainError, locale: Locale = localeNow()): UserError {
    return Object.assign(new UserError(), { code: error.code, field: error.field, message: error.reason[locale] });
  }
}

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { [ErrorCode.UNAUTHENTICATED]: 401 };

/** The GraphQL error a caller sees for a domain refusal: code, field and reason in `extensions`. */
export function toGraphQLError(error: DomainError, locale: Locale = localeNow()): GraphQLError {
  const status = HTTP_STATUS[error.code];
  const message = error.reason[locale];
  return new GraphQLError(message, {
    extensions: {
      code: error.code,
      ...(error.field ? { field: error.field } : {}),
      reason: message,
      ...(status ? { http: { status } } : {}),
    },
  });
}

/** Errors that tell the caller about its own request (syntax, validation, variables): shown as they are. */
const CALLER_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  SERVICE_UNAVAILABLE,
  SERVICE_TIMEOUT,
  RATE_LIMITED,
  OPERATION_TOO_LARGE,
  OPERATION_TOO_COSTLY,
  OPERATION_NOT_TRUSTED,
  PAYLOAD_TOO_LARGE,
  ...Object.values(ErrorCode),
]);

const INTERNAL_MESSAGE: Bilingual = {
  fr: 'Une erreur interne est survenue ; elle a été consignée. Citez la référence de la requête au support.',
  en: 'An internal error occurred and was logged. Quote the request id to support.',
};

/**
 * Apollo `formatError` for a service: domain refusals in the caller's language with their code,
 * field and reason; the caller's own mistakes as they are; anything else masked for the caller
 * and logged in full with the request id, which every error carries.
 */
export function errorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const requestId = currentRequest()?.requestId;
    const unwrapped = unwrapResolverError(error);
    const original = domainErrorOfDatabase(unwrapped) ?? unwrapped;
    if (original instanceof DomainError) {
      const { message, extensions } = toGraphQLError(original);
      return { ...formatted, message, extensions: { ...extensions, requestId } };
    }
    const code = formatted.extensions?.code;
    // At the gateway, a subgraph's error was already formatted (and an unexpected one logged and masked) by that subgraph.
    const fromSubgraph = formatted.extensions?.serviceName !== undefined;
    if (fromSubgraph || (typeof code === 'string' && CALLER_ERROR_CODES.has(code)))
      return { ...formatted, extensions: { ...formatted.extensions, requestId } };
    // What the caller reads of a failure that is not its own: a message and a code, never the cause.
    const answer = (message: string, code: string, withLocations = false): GraphQLFormattedError => ({
      message,
      ...(withLocations && formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code, requestId },
    });
    if (original instanceof AbandonedRequest) {
      logger.debug({ requestId, path: formatted.path }, 'field not resolved: its request was abandoned');
      return answer(original.message, 'CLIENT_CLOSED_REQUEST');
    }
    if (isOverload(original)) {
      logger.warn({ err: original, requestId, path: formatted.path }, 'overloaded');
      return answer(BUSY_MESSAGE[localeNow()], SERVICE_UNAVAILABLE);
    }
    logger.error({ err: original, requestId, path: formatted.path }, 'unexpected error');
    return answer(INTERNAL_MESSAGE[localeNow()], INTERNAL_SERVER_ERROR, true);
  };
}

/**
 * Declares the payload type of mutations on a noun: the noun as it now stands under `field`, or
 * the refusal in `errors`. Every mutation answers with such a payload: a refusal (FORBIDDEN
 * included) comes in `errors`, never as a top-level error.
 */
export function MutationPayload<T extends object>(node: ClassType<T>, name: string, field: string, noun: string) {
  @ObjectType(name, {
    description: `The outcome of a change to a ${noun}: the ${noun}, or why the change was refused.`,
  })
  class Payload {
    @Field(() => node, { name: field, nullable: true, description: `The ${noun} as it now stands; null when refused.` })
    result!: T | null;

    @Field(() => [UserError], {
      description: 'Why it was refused; empty on success. When not empty, nothing was changed.',
    })
    errors!: UserError[];
  }
  return Payload;
}

/** The payload of a mutation that changes many things at once (marks messages read…): how many, or why not. */
export function CountPayload(name: string, what: string) {
  @ObjectType(name, { description: `How many ${what}, or why the change was refused.` })
  class Payload {
    @Field(() => Int, { name: 'count', nullable: true, description: `How many ${what}; null when refused.` })
    result!: number | null;

    @Field(() => [UserError], {
      description: 'Why it was refused; empty on success. When not empty, nothing was changed.',
    })
    errors!: UserError[];
  }
  return Payload;
}

/** What a mutation resolver returns on success: the payload with no errors. */
export const succeeded = <T>(result: T) => ({ result, errors: [] as UserError[] });
