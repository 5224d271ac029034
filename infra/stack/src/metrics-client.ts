/** Each metric's value in a Prometheus text exposition, summed over its series (a strict line reading: `name{labels} value`). */
export function prometheusTotals(text: string): Map<string, number> {
  const totals = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(\{.*\})? (\S+)$/.exec(line);
    if (match) totals.set(match[1]!, (totals.get(match[1]!) ?? 0) + Number(match[3]));
  }
  return totals;
}

/** A service's `/metrics` (next to its `/graphql`), summed by metric. */
export async function readPrometheus(serviceUrl: string, token: string): Promise<Map<string, number>> {
  const response = await fetch(new URL('/metrics', serviceUrl), { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${serviceUrl} /metrics: HTTP ${response.status}`);
  return prometheusTotals(await response.text());
}
