import { GraphQLError } from 'graphql';
import {
  OPERATION_NOT_TRUSTED,
  OPERATION_TOO_COSTLY,
  OPERATION_TOO_LARGE,
  OperationLimit,
  type Bilingual,
  type Locale,
} from '@nuage/contracts';

const LIMIT_NAMES: Record<OperationLimit, Bilingual> = {
  [OperationLimit.TOKENS]: { fr: 'jetons du texte', en: 'tokens of text' },
  [OperationLimit.DEPTH]: { fr: 'niveaux de champs imbriqués', en: 'levels of nested fields' },
  [OperationLimit.ALIASES]: { fr: 'alias', en: 'aliases' },
  [OperationLimit.ROOT_FIELDS]: { fr: 'champs à la racine', en: 'root fields' },
  [OperationLimit.DIRECTIVES]: { fr: 'directives', en: 'directives' },
  [OperationLimit.INTROSPECTION_DEPTH]: {
    fr: "listes imbriquées d'introspection",
    en: 'nested introspection lists',
  },
};

/** Refusals are the caller's own doing: HTTP 400, never a retry. */
const badRequest = { status: 400 } as never;

export function operationTooLarge(limit: OperationLimit, maximum: number, actual: number | undefined, locale: Locale) {
  const name = LIMIT_NAMES[limit][locale];
  const message =
    locale === 'en'
      ? `The operation is too large: at most ${maximum} ${name}${actual === undefined ? '' : `, it has ${actual}`}.`
      : `L'opération est trop grande : ${maximum} ${name} au plus${actual === undefined ? '' : `, elle en a ${actual}`}.`;
  return new GraphQLError(message, {
    extensions: {
      code: OPERATION_TOO_LARGE,
      limit,
      maximum,
      ...(actual === undefined ? {} : { actual }),
      http: badRequest,
    },
  });
}

export function operationTooCostly(estimatedCost: number, maximumCost: number, costliestPath: string, locale: Locale) {
  const message =
    locale === 'en'
      ? `The operation's estimated cost, ${estimatedCost}, passes the limit of ${maximumCost}; most of it is at ${costliestPath}: ask for smaller pages (first/last) or fewer nested lists.`
      : `Le coût estimé de l'opération, ${estimatedCost}, dépasse la limite de ${maximumCost} ; l'essentiel est en ${costliestPath} : demandez des pages plus petites (first/last) ou moins de listes imbriquées.`;
  return new GraphQLError(message, {
    extensions: { code: OPERATION_TOO_COSTLY, estimatedCost, maximumCost, costliestPath, http: badRequest },
  });
}

export function operationNotTrusted(locale: Locale) {
  const message =
    locale === 'en'
      ? 'Only the operations registered for this application may run: send a registered document (persisted query hash).'
      : "Seules les opérations enregistrées pour cette application peuvent s'exécuter : envoyez un document enregistré (empreinte de requête persistée).";
  return new GraphQLError(message, { extensions: { code: OPERATION_NOT_TRUSTED, http: badRequest } });
}
