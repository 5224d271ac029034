import {
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { invalid } from './errors.js';

/**
 * The longest text each input field or argument takes, by its name (the same name means the same
 * thing everywhere in the API); any other text takes {@link DEFAULT_TEXT_LIMIT} characters. The
 * schema states each field's maximum in its description.
 */
export const TEXT_LIMITS: Readonly<Record<string, number>> = {
  body: 10_000,
  description: 5_000,
  text: 5_000,
  derogationReason: 5_000,
  comment: 2_000,
  reason: 2_000,
  note: 2_000,
  answer: 2_000,
  shortDescription: 500,
  address: 500,
  designation: 255,
  tagline: 255,
  legalCountry: 2,
  currency: 3,
  siret: 20, // 14 digits, perhaps written in groups
  // A CSV of usage lines: bounded by the batch size (10 000 lines) and the gateway's body cap.
  csv: 8_000_000,
};
export const DEFAULT_TEXT_LIMIT = 200;

/**
 * The most items a list input takes, by the type of its items; any other list takes
 * {@link DEFAULT_LIST_LIMIT}. Usage lines come in batches; everything else is typed by people.
 */
export const LIST_LIMITS: Readonly<Record<string, number>> = { UsageLineInput: 10_000 };
export const DEFAULT_LIST_LIMIT = 200;
const listLimit = (type: GraphQLInputType) => LIST_LIMITS[getNamedType(type).name] ?? DEFAULT_LIST_LIMIT;

/** Dates outside these years are a typing mistake, not a plausible purchase, delivery or period. */
export const DATE_RANGE = { from: '2000-01-01', to: '2099-12-31' } as const;

/** Every id of this API is a UUID: the canonical 8-4-4-4-12 hexadecimal form. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
// C0 control characters but tab, line feed and carriage return (NUL included): no text needs them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

export const textLimit = (name: string) => TEXT_LIMITS[name] ?? DEFAULT_TEXT_LIMIT;

type Check = (value: unknown, field: string) => void;

function checkText(value: unknown, field: string, limit: number): void {
  if (typeof value !== 'string') return;
  if (value.length > limit)
    throw invalid(field, {
      fr: `${limit} caractères au plus (${value.length} reçus).`,
      en: `${limit} characters at most (${value.length} received).`,
    });
  if (CONTROL.test(value))
    throw invalid(field, {
      fr: 'Ce texte contient un caractère de contrôle (NUL…).',
      en: 'This text contains a control character (NUL…).',
    });
  if (!value.isWellFormed())
    throw invalid(field, {
      fr: "Ce texte n'est pas de l'Unicode bien formé.",
      en: 'This text is not well-formed Unicode.',
    });
}

function checkId(value: unknown, field: string): void {
  if (!isUuid(value))
    throw invalid(field, {
      fr: "Cet identifiant n'est pas valide (un UUID est attendu).",
      en: 'This is not a valid id (a UUID is expected).',
    });
}

function checkDate(value: unknown, field: string): void {
  const day =
    value instanceof Date
      ? value.toISOString().slice(0, 10)
      : typeof value === 'string'
        ? value.slice(0, 10)
        : undefined;
  if (day !== undefined && (day < DATE_RANGE.from || day > DATE_RANGE.to)) {
    throw invalid(field, {
      fr: `Une date entre ${DATE_RANGE.from.slice(0, 4)} et ${DATE_RANGE.to.slice(0, 4)} est attendue.`,
      en: `A date between ${DATE_RANGE.from.slice(0, 4)} and ${DATE_RANGE.to.slice(0, 4)} is expected.`,
    });
  }
}

/** The check of a value of `type` named `name`, or undefined when nothing in it needs one. */
function checkOf(type: GraphQLInputType, name: string, seen: ReadonlySet<string> = new Set()): Check | undefined {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const item = checkOf(inner.ofType, name, seen);
    const max = listLimit(inner.ofType);
    return (value, field) => {
      if (!Array.isArray(value)) return;
      if (value.length > max)
        throw invalid(field, {
          fr: `${max} éléments au plus (${value.length} reçus).`,
          en: `${max} items at most (${value.length} received).`,
        });
      if (item) for (const [i, v] of value.entries()) item(v, `${field}.${i}`);
    };
  }
  const named = getNamedType(inner);
  if (isInputObjectType(named)) {
    if (seen.has(named.name)) return undefined;
    const fields = Object.values(named.getFields()).flatMap((f) => {
      const check = checkOf(f.type, f.name, new Set([...seen, named.name]));
      return check ? [[f.name, check] as const] : [];
    });
    return fields.length === 0
      ? undefined
      : (value, field) => {
          if (value === null || typeof value !== 'object') return;
          for (const [key, check] of fields) check((value as Record<string, unknown>)[key], `${field}.${key}`);
        };
  }
  const check = {
    ID: checkId,
    String: (v: unknown, f: string) => checkText(v, f, textLimit(name)),
    LocalDate: checkDate,
    DateTimeISO: checkDate,
  }[named.name];
  return check && ((value, field) => value !== null && value !== undefined && check(value, field));
}

/**
 * Bad input is the caller's mistake, refused as BAD_USER_INPUT with its field (`input.lines.0.designation`)
 * before any resolver runs: malformed ids, text too long, with control characters or lone surrogates,
 * dates out of range. Nothing of it reaches PostgreSQL, which would answer with its own text.
 */
export function checkInputsOnEntry(schema: GraphQLSchema, resolvers: GraphQLResolverMap<unknown>) {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!('getFields' in type) || type.name.startsWith('__') || isInputObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const args = 'args' in field ? field.args : [];
      const checks = args.flatMap((arg) => {
        const check = checkOf(arg.type, arg.name);
        return check ? [[arg.name, check] as const] : [];
      });
      const typeResolvers = resolvers[type.name] as Record<string, GraphQLFieldResolver<unknown, unknown>> | undefined;
      const resolve = typeResolvers?.[field.name];
      if (checks.length === 0 || typeof resolve !== 'function') continue;
      typeResolvers![field.name] = (source, values, context, info) => {
        for (const [arg, check] of checks) check(values[arg], arg);
        return resolve(source, values, context, info);
      };
    }
  }
}

/** The schema's descriptions of inputs, completed with their limits (characters of a text, items of a list). */
export function describeInputLimits<T extends { type: GraphQLInputType; description?: string | null | undefined }>(
  name: string,
  config: T,
): T {
  const inner = isNonNullType(config.type) ? config.type.ofType : config.type;
  const limits = [
    ...(isListType(inner) ? [`At most ${listLimit(inner.ofType)} items.`] : []),
    ...(getNamedType(config.type).name === 'String'
      ? [`At most ${textLimit(name)} characters${isListType(inner) ? ' each' : ''}.`]
      : []),
  ];
  if (limits.length === 0) return config;
  return { ...config, description: [config.description?.replace(/\s*$/, ''), ...limits].filter(Boolean).join(' ') };
}
