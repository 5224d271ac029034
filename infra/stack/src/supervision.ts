/** What the stack runner says about the services it supervises, on its standard error. */
export const notice = (message: string) => console.error(`[stack] ${message}`);

/** How long to wait before the n-th restart of a service in a row: 0.5 s, doubling, at most 30 s. */
export const restartDelayMs = (restarts: number) => Math.min(500 * 2 ** restarts, 30_000);

/** A service that ran this long before exiting is restarted without delay growth (it was healthy). */
export const HEALTHY_AFTER_MS = 60_000;
