import { afterAll, describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { documentRenderer } from '../src/index.js';

const renderer = documentRenderer<{ holdMs: number }>(new URL('./fixtures/slow-layout.worker', import.meta.url), 2_000);
afterAll(() => renderer.close());

describe('documents rendered in a worker thread', () => {
  it('leave the service answering while a slow one is laid out', async () => {
    const rendering = renderer.render({ holdMs: 1_000 });
    // The event loop stays free: timers fire on time while the worker is busy.
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(Date.now() - started).toBeLessThan(500);
    expect((await rendering).toString()).toBe('%PDF-slow');
  });

  it('give up on one that takes too long, and render the next', async () => {
    await expect(renderer.render({ holdMs: 10_000 })).rejects.toSatisfy(
      (error: unknown) => error instanceof GraphQLError && error.extensions.code === 'SERVICE_UNAVAILABLE',
    );
    expect((await renderer.render({ holdMs: 0 })).toString()).toBe('%PDF-slow');
  });
});
