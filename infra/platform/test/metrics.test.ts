import { describe, expect, it } from 'vitest';
import { operationLabels } from '../src/metrics.js';

describe("metrics' operation labels", () => {
  it('name operations as clients named them, and unnamed ones anonymous', () => {
    const label = operationLabels();
    expect(label('BuyerDashboard')).toBe('BuyerDashboard');
    expect(label(undefined)).toBe('anonymous');
    expect(label('')).toBe('anonymous');
  });

  it('stay a bounded set whatever names clients invent: past the limit, or for an odd name, `other`', () => {
    const label = operationLabels(3);
    expect(['A', 'B', 'C', 'D', 'A'].map(label)).toEqual(['A', 'B', 'C', 'other', 'A']);
    expect(operationLabels()('x'.repeat(101))).toBe('other');
    expect(operationLabels()('drop table;')).toBe('other');
  });
});
