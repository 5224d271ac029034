import { describe, expect, it } from 'vitest';
import { localeFrom } from '../src/index.js';

describe('the language of labels', () => {
  it('is French unless English is preferred', () => {
    expect(localeFrom(undefined)).toBe('fr');
    expect(localeFrom('en-GB,en;q=0.9')).toBe('en');
    expect(localeFrom('fr-FR,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(localeFrom('de-DE,en;q=0.5')).toBe('en');
    expect(localeFrom('de-DE')).toBe('fr');
    expect(localeFrom('en;q=0.4,fr;q=0.6')).toBe('fr');
  });
});
