import { describe, expect, it } from 'vitest';
import { isValidSiret } from '../src/services/siret.js';
import { fileNumberOf } from '../src/services/requests.js';

describe('SIRET check digit', () => {
  it.each([
    ['13002526500013', true], // the seeded entity (DINUM)
    ['73282932000074', true],
    ['73282932000075', false], // last digit mistyped
    ['7328293200007', false], // 13 digits
    ['7328293200007A', false],
    ['35600000000048', true], // La Poste head office: Luhn
    ['35600000049837', true], // a La Poste establishment: digit sum multiple of 5
    ['35600000049838', false],
  ])('%s is %s', (siret, valid) => {
    expect(isValidSiret(siret)).toBe(valid);
  });
});

describe('file numbers', () => {
  it('carry a two-digit key, 97 minus the number modulo 97', () => {
    expect(fileNumberOf(168200)).toBe(`168200-${97 - (168200 % 97)}`);
    expect(fileNumberOf(97 * 1800)).toBe('174600-97');
    expect(fileNumberOf(97 * 1800 + 96)).toBe('174696-01');
  });
});
