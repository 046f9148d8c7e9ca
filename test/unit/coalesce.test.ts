import { describe, expect, it } from 'vitest';
import { coalesced } from '../../src/library/coalesce.js';

describe('coalesced reloads', () => {
  it('never runs two rounds at once, and runs once more for calls made during a round', async () => {
    let active = 0;
    let most = 0;
    let rounds = 0;
    const reload = coalesced(
      async () => {
        active++;
        most = Math.max(most, active);
        rounds++;
        await new Promise((resolve) => setTimeout(resolve, 10));
        active--;
        return true;
      },
      () => {},
    );
    const results = await Promise.all([reload(), reload(), reload()]);
    expect(results).toEqual([true, true, true]);
    expect(most).toBe(1);
    expect(rounds).toBe(2);
    expect(await reload()).toBe(true);
    expect(rounds).toBe(3);
  });

  it('reports a failed round and goes on with the next', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const reload = coalesced(
      async () => {
        calls++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (calls === 1) throw new Error('disk went away');
        return false;
      },
      (error) => errors.push(error),
    );
    const [first, second] = await Promise.all([reload(), reload()]);
    expect(first).toBe(false);
    expect(second).toBe(false);
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(/disk went away/);
  });
});
