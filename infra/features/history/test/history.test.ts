import { describe, expect, it } from 'vitest';
import { changesBetween } from '../src/index.js';

describe('what an edit changed', () => {
  it.each([
    ['nothing', { a: 'x', b: 1 }, { a: 'x', b: 1 }, []],
    ['a value set', { ref: null }, { ref: 'MARCHE-17' }, [{ field: 'ref', from: null, to: 'MARCHE-17' }]],
    [
      'a value removed (empty counts as none)',
      { ref: 'MARCHE-17' },
      { ref: '' },
      [{ field: 'ref', from: 'MARCHE-17', to: null }],
    ],
    ['a number, compared as text', { months: 12 }, { months: 36 }, [{ field: 'months', from: '12', to: '36' }]],
    [
      'only the fields that changed, in order',
      { a: 1, b: 2, c: 3 },
      { a: 1, b: 5, c: 4 },
      [
        { field: 'b', from: '2', to: '5' },
        { field: 'c', from: '3', to: '4' },
      ],
    ],
  ] as const)('%s', (_case, before, after, expected) => {
    expect(changesBetween(before, after).map((change) => ({ ...change }))).toEqual(expected);
  });
});
