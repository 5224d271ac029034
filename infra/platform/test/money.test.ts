import { describe, expect, it } from 'vitest';
import { Dec, Money, parseDecimal, toCents } from '../src/index.js';

describe('money', () => {
  it("computes the guide's example exactly: 9 690,00 net, VAT 20 % 1 938,00, total 11 628,00", () => {
    const net = new Dec('10000.00').times(new Dec(1).minus('0.031'));
    const vat = toCents(net.times('0.20'));
    expect(toCents(net).toFixed(2)).toBe('9690.00');
    expect(vat.toFixed(2)).toBe('1938.00');
    expect(toCents(net).plus(vat).toFixed(2)).toBe('11628.00');
  });

  it('rounds half away from zero to the cent, where floats would drift', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(new Dec('0.1').plus('0.2').toFixed()).toBe('0.3');
    expect(toCents('2.675').toFixed(2)).toBe('2.68');
    expect(toCents('-2.675').toFixed(2)).toBe('-2.68');
  });

  it('formats for people in French and English', () => {
    expect(Money.of('11628', 'fr').formatted.replace(/\s/g, ' ')).toBe('11 628,00 €');
    expect(Money.of('11628', 'en').formatted).toBe('€11,628.00');
  });

  it('accepts decimals only as strings', () => {
    expect(parseDecimal('9690.00').toFixed(2)).toBe('9690.00');
    expect(() => parseDecimal(9690.0)).toThrow(/string/);
    expect(() => parseDecimal('1e3')).toThrow();
  });
});
