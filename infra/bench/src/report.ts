/** Small helpers to print the benchmark's tables. */

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
export const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/** Columns padded to their widths: the first left-aligned, the others right-aligned. */
export const table = (widths: number[], rows: string[][]) =>
  rows
    .map((cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' '))
    .join('\n');
export const ratio = (ours: number, theirs: number) => `${(ours / theirs).toFixed(2)}×`;
export const mib = (bytes: number) => `${Math.round(bytes / 1048576)} MiB`;

/** A GraphQL request with a bearer token: its data (errors throw), its time and its Server-Timing header. */
export async function post(url: string, token: string, query: string, variables?: Record<string, unknown>) {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown[]; data?: any };
  if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
  return {
    data: body.data,
    ms: performance.now() - started,
    serverTiming: response.headers.get('server-timing') ?? '',
  };
}
