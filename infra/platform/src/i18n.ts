import { Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root, type ClassType } from 'type-graphql';

import type { Locale } from '@nuage/contracts';

/** The caller's language from `Accept-Language`: English only when preferred over French. */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'fr';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.split('-')[0], q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.lang === 'fr' || entry.lang === 'en')
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.lang === 'en' ? 'en' : 'fr';
}

/** A text people read, in both languages. */
@Directive('@shareable')
@ObjectType({ description: 'A text people read, in French and English.' })
export class LocalizedText {
  @Field(() => String, { description: 'French text.' })
  fr!: string;

  @Field(() => String, { description: 'English text.' })
  en!: string;

  static of(fr: string, en: string): LocalizedText {
    return Object.assign(new LocalizedText(), { fr, en });
  }
}

/** The text in the caller's language. */
export const pick = (text: { fr: string; en: string }, locale: Locale) => text[locale];

/** A row with a name people read in both languages (`labelFr`, `labelEn` columns). */
export interface Labelled {
  labelFr: string;
  labelEn: string;
}

/**
 * The `label` (caller's language) and `labels` (both) fields of a labelled type, written once:
 * add the returned class to the subgraph's resolvers.
 */
export function LabelFields<T extends Labelled>(type: ClassType<T>, noun: string) {
  @Resolver(() => type)
  class LabelFieldsResolver {
    @FieldResolver(() => String, { description: `Name of the ${noun} in the caller's language (Accept-Language).` })
    label(@Root() row: T, @Ctx() { locale }: { locale: Locale }) {
      return row[locale === 'en' ? 'labelEn' : 'labelFr'];
    }

    @FieldResolver(() => LocalizedText, { description: `Name of the ${noun} in French and English.` })
    labels(@Root() row: T) {
      return LocalizedText.of(row.labelFr, row.labelEn);
    }
  }
  return LabelFieldsResolver;
}
