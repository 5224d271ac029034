import { randomUUID } from 'node:crypto';
import { consumption } from '@nuage/consumption';
import { SEED_ENTITY } from '@nuage/fixtures';
import { entitiesOf, openDatabase, stableId } from '@nuage/platform';

/** What the consumption benchmark reports. */
export interface ConsumptionFigures {
  /** Lines of each of the three ingestions. */
  linesThroughGateway: number;
  ingestionSeconds: number;
  /** The same number of lines again, as FOCUS CSV exports (`importUsageCsv`). */
  csvIngestionSeconds: number;
  /** And again as CSV, two batches in flight. */
  csvTwoInFlightSeconds: number;
  historyLines: number;
  apiAggregationMs: number[];
  rawAggregationMs: number;
}

const ORDER_LINES = 200;
const DAY = 86_400_000;
const BATCH = 5_000;
const CATEGORIES = ['Compute', 'Storage', 'Networking', 'Databases'];

/** A usage line as the bench pushes it (the API's `UsageLineInput`, every field given). */
type BenchLine = Record<
  | 'lineId'
  | 'orderLineId'
  | 'chargePeriodStart'
  | 'chargePeriodEnd'
  | 'serviceName'
  | 'serviceCategory'
  | 'resourceId'
  | 'skuId'
  | 'consumedQuantity'
  | 'consumedUnit'
  | 'billedCost'
  | 'effectiveCost'
  | 'currency',
  string
>;

/** A year of daily usage of each order line, `daysBefore` days before the latest year. */
function usageOfYear(orderLines: string[], today: number, daysBefore: number): BenchLine[] {
  const usage: BenchLine[] = [];
  for (let day = daysBefore + 365; day > daysBefore; day--) {
    for (const [i, orderLineId] of orderLines.entries()) {
      const start = new Date(today - day * DAY);
      usage.push({
        lineId: `bench-${i}-${day}`,
        orderLineId,
        chargePeriodStart: start.toISOString(),
        chargePeriodEnd: new Date(start.getTime() + DAY).toISOString(),
        serviceName: 'Compute instances',
        serviceCategory: CATEGORIES[i % CATEGORIES.length]!,
        resourceId: `vm-${i}`,
        skuId: 'B2-15',
        consumedQuantity: '24',
        consumedUnit: 'Hours',
        billedCost: `${(i % 50) + 10}.25`,
        effectiveCost: `${(i % 50) + 10}.25`,
        currency: 'EUR',
      });
    }
  }
  return usage;
}

const FOCUS_HEADER =
  'x_LineId,x_OrderLineId,ChargePeriodStart,ChargePeriodEnd,ServiceName,ServiceCategory,ResourceId,SkuId,ConsumedQuantity,ConsumedUnit,BilledCost,EffectiveCost,BillingCurrency';

/** Lines as a supplier's FOCUS export writes them (no field here needs quoting). */
const focusCsv = (usage: BenchLine[]) =>
  [
    FOCUS_HEADER,
    ...usage.map((l) =>
      [
        l.lineId,
        l.orderLineId,
        l.chargePeriodStart,
        l.chargePeriodEnd,
        l.serviceName,
        l.serviceCategory,
        l.resourceId,
        l.skuId,
        l.consumedQuantity,
        l.consumedUnit,
        l.billedCost,
        l.effectiveCost,
        l.currency,
      ].join(','),
    ),
  ].join('\n');

const PUSH_USAGE =
  'mutation($lines: [UsageLineInput!]!) { pushUsage(lines: $lines) { report { accepted duplicates rejected { reason } } } }';
const IMPORT_CSV =
  'mutation($csv: String!) { importUsageCsv(csv: $csv) { report { accepted duplicates rejected { reason } } } }';

interface UsageReport {
  accepted: number;
  duplicates: number;
  rejected: { reason: string }[];
}

/** Sends `usage` in batches, `inFlight` at a time; the seconds it took. Every line must be accepted. */
async function ingest(
  usage: BenchLine[],
  send: (batch: BenchLine[]) => Promise<UsageReport>,
  inFlight: number,
): Promise<number> {
  const batches = Array.from({ length: Math.ceil(usage.length / BATCH) }, (_, i) =>
    usage.slice(i * BATCH, (i + 1) * BATCH),
  );
  const started = performance.now();
  const worker = async () => {
    for (let batch = batches.shift(); batch; batch = batches.shift()) {
      const report = await send(batch);
      if (report.accepted !== batch.length) throw new Error(`batch not recorded whole: ${JSON.stringify(report)}`);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return (performance.now() - started) / 1000;
}

/**
 * Consumption at volume: 200 running order lines; one year of daily usage pushed through the
 * gateway as the supplier would (batches of 5,000), then the two years before completed in SQL,
 * to three years and 1,000,000 lines; then the analysts' monthly aggregation through the gateway.
 */
export async function benchConsumption(options: {
  databaseUrl: string;
  databasePrefix: string;
  gatewayUrl: string;
  token: (key: string) => Promise<string>;
}): Promise<ConsumptionFigures> {
  const orm = await openDatabase({
    service: 'consumption',
    serverUrl: options.databaseUrl,
    databasePrefix: options.databasePrefix,
    entities: entitiesOf(consumption),
    migrations: consumption.migrations,
  });
  const connection = orm.em.getConnection();
  const brandId = stableId('brand', 'OVHCLOUD');
  const lines = Array.from({ length: ORDER_LINES }, () => randomUUID());
  await connection.execute(
    `insert into commitment (order_line_id, order_id, order_reference, request_id, entity_id, brand_id, project_name, designation, committed_amount, start_date, due_date)
     select line, gen_random_uuid(), 'CCBENCH', null, ?, ?, 'Projet ' || (n % 12), 'Ligne ' || n, 5000000, current_date - 1100, current_date + 365
       from unnest(?::uuid[]) with ordinality as t(line, n)`,
    [SEED_ENTITY.id, brandId, `{${lines.join(',')}}`],
  );
  const supplierToken = await options.token('supplier:ovhcloud');
  const post = async (query: string, variables: unknown, token: string) => {
    const response = await fetch(options.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
    return body.data;
  };

  // A year of daily lines (200 × 365 = 73,000) through the gateway, in batches of 5,000, three
  // ways: typed lines one batch at a time, the year before as FOCUS CSV exports, and the year
  // before that as CSV again with two batches in flight, as a supplier's two workers would.
  const today = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const pushLines = async (batch: BenchLine[]) =>
    (await post(PUSH_USAGE, { lines: batch }, supplierToken)).pushUsage.report as UsageReport;
  const importCsv = async (batch: BenchLine[]) =>
    (await post(IMPORT_CSV, { csv: focusCsv(batch) }, supplierToken)).importUsageCsv.report as UsageReport;
  const ingestionSeconds = await ingest(usageOfYear(lines, today, 0), pushLines, 1);
  const csvIngestionSeconds = await ingest(usageOfYear(lines, today, 365), importCsv, 1);
  const csvTwoInFlightSeconds = await ingest(usageOfYear(lines, today, 730), importCsv, 2);

  // The two years before, in SQL, up to 1,000,000 lines: several lines a day per order line (one per
  // service category, some days more), as a supplier's detailed export would give.
  const [pushed] = await connection.execute<{ count: string }[]>('select count(*) as count from usage_line');
  const missing = 1_000_000 - Number(pushed!.count);
  await connection.execute(
    `with generated as (
       select ?::uuid as brand_id, 'hist-' || g as line_id, (?::uuid[])[1 + g % ${ORDER_LINES}] as order_line_id,
              (current_date - 366 - ((g / (${ORDER_LINES} * 4)) % 730))::timestamptz as start, g
         from generate_series(0, ? - 1) as g
     ), inserted as (
       insert into usage_line (brand_id, line_id, order_line_id, charge_period_start, charge_period_end, service_name, service_category, consumed_quantity, consumed_unit, billed_cost, effective_cost, currency)
       select brand_id, line_id, order_line_id, start, start + interval '1 day', 'Compute instances', (array['Compute','Storage','Networking','Databases'])[1 + g % 4], 24, 'Hours', 10 + g % 50 + 0.25, 10 + g % 50 + 0.25, 'EUR'
         from generated
       returning order_line_id, charge_period_start, service_category, effective_cost, billed_cost
     )
     insert into usage_month (order_line_id, month, service_category, entity_id, brand_id, effective_cost, billed_cost, lines)
     select i.order_line_id, date_trunc('month', i.charge_period_start at time zone 'Europe/Paris')::date, i.service_category, c.entity_id, c.brand_id, sum(i.effective_cost), sum(i.billed_cost), count(*)
       from inserted i join commitment c on c.order_line_id = i.order_line_id group by 1, 2, 3, 4, 5
     on conflict (order_line_id, month, service_category) do update
       set effective_cost = usage_month.effective_cost + excluded.effective_cost, billed_cost = usage_month.billed_cost + excluded.billed_cost, lines = usage_month.lines + excluded.lines`,
    [brandId, `{${lines.join(',')}}`, missing],
  );
  await connection.execute('analyze usage_line; analyze usage_month');
  const [history] = await connection.execute<{ total: string }[]>('select count(*) as total from usage_line');

  // The analysts' aggregation through the gateway, three dimensions, median of 5 runs each.
  const analyst = await options.token('analyst');
  const apiAggregationMs: number[] = [];
  for (const dimension of ['BRAND', 'ENTITY', 'SERVICE_CATEGORY']) {
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const t = performance.now();
      await post(`{ spendByMonth(dimension: ${dimension}) { key month effectiveCost { amount } lines } }`, {}, analyst);
      times.push(performance.now() - t);
    }
    apiAggregationMs.push(times.sort((a, b) => a - b)[2]!);
  }
  // For comparison, the same aggregation computed from the raw lines.
  const t = performance.now();
  await connection.execute(
    "select brand_id, date_trunc('month', charge_period_start) as month, sum(effective_cost) from usage_line group by 1, 2",
  );
  const rawAggregationMs = performance.now() - t;
  await orm.close();
  return {
    linesThroughGateway: ORDER_LINES * 365,
    ingestionSeconds,
    csvIngestionSeconds,
    csvTwoInFlightSeconds,
    historyLines: Number(history!.total),
    apiAggregationMs,
    rawAggregationMs,
  };
}
