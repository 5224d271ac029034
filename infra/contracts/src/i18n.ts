/** The languages people read labels in; French by default, as the portal. */
export type Locale = 'fr' | 'en';

/** A text written in both languages; people read the one of their locale. */
export interface Bilingual {
  fr: string;
  en: string;
}
