import { describe, expect, it } from 'vitest';
import { newJobId } from './job-id';

describe('newJobId', () => {
  it('has the shape the contract accepts', () => {
    expect(newJobId()).toMatch(/^[a-z0-9-]{8,64}$/);
    expect(newJobId((b) => b.fill(0xab))).toBe(`job-${'ab'.repeat(12)}`);
  });

  it('differs from call to call', () => {
    expect(new Set(Array.from({ length: 50 }, () => newJobId())).size).toBe(50);
  });
});
