import { createCoalescer } from './coalesce';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('createCoalescer', () => {
  it('never runs inside push, and runs a burst once', async () => {
    const batches: number[][] = [];
    const c = createCoalescer<number>(async (items) => {
      batches.push(items);
    }, 5);
    for (let i = 0; i < 200; i++) c.push(i);
    expect(batches).toEqual([]);
    await c.idle();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(200);
  });

  it('keeps one run in flight and merges everything that arrives meanwhile into one more', async () => {
    const batches: number[][] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const c = createCoalescer<number>(async (items) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      batches.push(items);
      await tick(20);
      inFlight--;
    }, 1);
    c.push(1);
    await tick(5); // the first run is in flight now
    for (let i = 2; i <= 50; i++) c.push(i);
    await c.idle();
    expect(maxInFlight).toBe(1);
    expect(batches).toEqual([[1], Array.from({ length: 49 }, (_, i) => i + 2)]);
    expect(c.runs()).toBe(2);
  });

  it('survives a failing run and reports the error', async () => {
    const errors: unknown[] = [];
    let n = 0;
    const c = createCoalescer<number>(
      async () => {
        n++;
        if (n === 1) throw new Error('boom');
      },
      1,
      undefined,
      (e) => errors.push(e),
    );
    c.push(1);
    await c.idle();
    c.push(2);
    await c.idle();
    expect(n).toBe(2);
    expect(errors).toHaveLength(1);
  });

  it('drops pending work when cancelled', async () => {
    let n = 0;
    const c = createCoalescer<number>(async () => {
      n++;
    }, 5);
    c.push(1);
    c.cancel();
    c.push(2);
    await c.idle();
    await tick(10);
    expect(n).toBe(0);
  });
});
