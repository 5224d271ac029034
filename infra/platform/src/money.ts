import Decimal from 'decimal.js';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { Directive, Field, ObjectType } from 'type-graphql';
import type { Locale } from '@nuage/contracts';

/**
 * Exact decimal arithmetic for money. Amounts are rounded to the cent half away from zero
 * (ROUND_HALF_UP), the rule French invoices use; intermediate results keep full precision.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

const DECIMAL_PATTERN = /^-?\d{1,13}(\.\d{1,6})?$/;

/** Parses a decimal written as a string ("9690.00"); throws on anything else (no floats). */
export function parseDecimal(value: unknown): Decimal {
  if (typeof value !== 'string' || !DECIMAL_PATTERN.test(value)) {
    throw new GraphQLError(`Decimal must be a string such as "9690.00", got ${JSON.stringify(value)}.`, {
      extensions: { code: 'BAD_USER_INPUT', reason: 'not a decimal string' },
    });
  }
  return new Dec(value);
}

/** Rounds to the cent. */
export const toCents = (value: Decimal.Value) => new Dec(value).toDecimalPlaces(2);

/** The `Decimal` scalar: exact numbers carried as strings, never as floats. */
export const DecimalScalar = new GraphQLScalarType<Decimal, string>({
  name: 'Decimal',
  description: 'An exact decimal number written as a string, e.g. "9690.00". Never a float.',
  serialize: (value) => {
    if (Decimal.isDecimal(value)) return (value as Decimal).toFixed();
    // A decimal string is already exact (e.g. "9690.00", an amount in cents) and kept as written.
    if (typeof value === 'string' && DECIMAL_PATTERN.test(value)) return value;
    throw new GraphQLError(`Cannot serialise ${JSON.stringify(value)} as a Decimal.`);
  },
  parseValue: parseDecimal,
  parseLiteral: (ast) => parseDecimal(ast.kind === Kind.STRING ? ast.value : undefined),
});

const formatters: Record<Locale, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
};

/** Formats an amount for people; Intl formats the decimal string exactly (no float conversion). */
export function formatEuros(amount: Decimal, locale: Locale): string {
  return formatters[locale].format(toCents(amount).toFixed(2) as unknown as number);
}

const quantityFormatters: Record<Locale, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};

/** A quantity for people ("1,5" in French), exact from its decimal string. */
export const formatQuantity = (quantity: Decimal, locale: Locale): string =>
  quantityFormatters[locale].format(quantity.toFixed(2) as unknown as number);

/** An amount of money in euros. */
@Directive('@shareable')
@ObjectType({ description: 'An amount of money: exact, in euros and cents.' })
export class Money {
  @Field(() => DecimalScalar, {
    description: 'The amount, exact to the cent and always with two decimals, e.g. "9690.00".',
  })
  amount!: string;

  @Field(() => String, { description: 'ISO 4217 currency code; always EUR on this market.' })
  currency!: string;

  private locale!: Locale;

  // Written for people only when asked: a list of totals asks for `amount`, and formatting
  // through Intl costs more than the exact arithmetic.
  @Field(() => String, { description: 'The amount written for people in the caller\'s language, e.g. "9 690,00 €".' })
  get formatted(): string {
    return formatEuros(new Dec(this.amount), this.locale);
  }

  static of(amount: Decimal.Value, locale: Locale): Money {
    return Object.assign(new Money(), { amount: toCents(amount).toFixed(2), currency: 'EUR', locale });
  }
}
