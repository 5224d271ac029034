import { describe, expect, it } from 'vitest';
import { fetchTimeOnCriticalPath } from '../src/timing.js';

describe('subgraph time on the critical path', () => {
  it.each([
    ['no fetch', [], 0],
    ['one fetch', [[10, 25]], 15],
    [
      'two fetches of one stage, overlapping',
      [
        [0, 10],
        [2, 12],
      ],
      12,
    ],
    [
      'a fetch inside another',
      [
        [0, 20],
        [5, 8],
      ],
      20,
    ],
    [
      'two stages one after the other, with planning time between',
      [
        [0, 10],
        [15, 30],
      ],
      25,
    ],
    [
      'stages given out of order',
      [
        [15, 30],
        [0, 10],
        [16, 18],
      ],
      25,
    ],
  ] as const)('%s', (_case, fetches, expected) => {
    expect(fetchTimeOnCriticalPath(fetches.map(([a, b]) => [a, b] as [number, number]))).toBe(expected);
  });
});
