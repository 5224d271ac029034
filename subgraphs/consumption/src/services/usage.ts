import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { sqlBound, formatDay, invalid, notFound, paginate, type Identity, type PageArgs } from '@nuage/platform';
import type { Bilingual } from '@nuage/contracts';
import { Commitment, UsageLine } from '../entities/index.js';
import { assertMay, mayReadCommitment } from './access.js';
import { raiseAlerts } from './alerts.js';

/** One usage line as a supplier pushes it (FOCUS column names in comments). */
export interface UsageInput {
  /** The supplier's own id of the line: a line pushed twice is kept once. */
  lineId: string;
  orderLineId: string;
  chargePeriodStart: string; // ChargePeriodStart (ISO 8601)
  chargePeriodEnd: string; // ChargePeriodEnd
  serviceName: string; // ServiceName
  serviceCategory: string; // ServiceCategory
  resourceId?: string | null; // ResourceId
  skuId?: string | null; // SkuId
  consumedQuantity: string; // ConsumedQuantity
  consumedUnit: string; // ConsumedUnit
  billedCost: string; // BilledCost
  effectiveCost: string; // EffectiveCost
  currency: string; // BillingCurrency
  tags?: Record<string, string> | null; // Tags
}

export interface Rejection {
  index: number;
  lineId: string;
  field: string;
  reason: Bilingual;
}

export interface IngestionResult {
  accepted: number;
  duplicates: number;
  rejected: Rejection[];
  /** The order lines whose figures changed, for the alerts. */
  orderLineIds: string[];
}

export const MAX_BATCH = 10_000;
const DECIMAL = /^-?\d{1,14}(\.\d{1,6})?$/;
const DAY_MS = 86_400_000;

/** Checks one line; the reason it is rejected, or null. */
function problem(line: UsageInput, commitment: Commitment | undefined, caller: Identity): [string, Bilingual] | null {
  if (!line.lineId || line.lineId.length > 200)
    return [
      'lineId',
      {
        fr: 'Donnez à la ligne un identifiant de 1 à 200 caractères.',
        en: 'Give the line an id of 1 to 200 characters.',
      },
    ];
  if (!commitment || commitment.brandId !== caller.brandId)
    return [
      'orderLineId',
      {
        fr: "Aucune ligne de commande en cours de votre marque n'a cet identifiant.",
        en: 'No running order line of your brand has this id.',
      },
    ];
  if (line.currency !== 'EUR')
    return [
      'currency',
      {
        fr: `La consommation est en EUR sur ce marché, pas en ${line.currency}.`,
        en: `Usage is in EUR on this market, not ${line.currency}.`,
      },
    ];
  for (const field of ['consumedQuantity', 'billedCost', 'effectiveCost'] as const) {
    if (!DECIMAL.test(line[field]))
      return [
        field,
        {
          fr: 'Un nombre décimal écrit comme une chaîne, par exemple "12.50".',
          en: 'A decimal number written as a string, e.g. "12.50".',
        },
      ];
  }
  // A decimal string (checked above) is negative when it starts with a minus sign.
  if (line.consumedQuantity.startsWith('-'))
    return [
      'consumedQuantity',
      { fr: "Une quantité consommée n'est pas négative.", en: 'A consumed quantity is not negative.' },
    ];
  const start = Date.parse(line.chargePeriodStart);
  const end = Date.parse(line.chargePeriodEnd);
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start)
    return [
      'chargePeriodEnd',
      {
        fr: 'La période facturée finit après son début (instants ISO 8601).',
        en: 'The charge period ends after it starts (ISO 8601 instants).',
      },
    ];
  if (
    start < Date.parse(`${commitment.startDate}T00:00:00+01:00`) - DAY_MS ||
    end > Date.parse(`${commitment.dueDate}T00:00:00+01:00`) + 2 * DAY_MS
  ) {
    return [
      'chargePeriodStart',
      {
        fr: `La période facturée sort de l'abonnement (du ${formatDay(commitment.startDate, 'fr')} au ${formatDay(commitment.dueDate, 'fr')}).`,
        en: `The charge period falls outside the subscription (${formatDay(commitment.startDate, 'en')} to ${formatDay(commitment.dueDate, 'en')}).`,
      },
    ];
  }
  if (!line.serviceName?.trim() || !line.serviceCategory?.trim() || !line.consumedUnit?.trim())
    return [
      'serviceName',
      { fr: 'Nommez le service, sa catégorie et son unité.', en: 'Name the service, its category and the unit.' },
    ];
  return null;
}

/**
 * Takes a batch of usage lines from a supplier: each line is checked on its own (the bad ones are
 * rejected with their reason, the rest accepted); accepted lines are inserted and the monthly
 * totals updated in one statement, lines already known (same supplier line id) skipped. Lines and
 * monthly totals are written in the order of their keys: batches pushed at the same time over the
 * same lines or months wait for each other instead of deadlocking.
 */
async function ingestUsage(em: EntityManager, caller: Identity, lines: UsageInput[]): Promise<IngestionResult> {
  if (lines.length === 0) throw invalid('lines', { fr: 'Envoyez au moins une ligne.', en: 'Send one line at least.' });
  if (lines.length > MAX_BATCH)
    throw invalid('lines', {
      fr: `Envoyez au plus ${MAX_BATCH} lignes par appel.`,
      en: `Send ${MAX_BATCH} lines at most per call.`,
    });
  const commitments = new Map(
    (await em.find(Commitment, { orderLineId: { $in: [...new Set(lines.map((l) => l.orderLineId))] } })).map((c) => [
      c.orderLineId,
      c,
    ]),
  );
  const rejected: Rejection[] = [];
  const valid: UsageInput[] = [];
  lines.forEach((line, index) => {
    const found = problem(line, commitments.get(line.orderLineId), caller);
    if (found) rejected.push({ index, lineId: line.lineId ?? '', field: found[0], reason: found[1] });
    else valid.push(line);
  });
  if (valid.length === 0) return { accepted: 0, duplicates: 0, rejected, orderLineIds: [] };
  const rows = valid.map((l) => ({
    line_id: l.lineId,
    order_line_id: l.orderLineId,
    charge_period_start: new Date(l.chargePeriodStart).toISOString(),
    charge_period_end: new Date(l.chargePeriodEnd).toISOString(),
    service_name: l.serviceName.trim(),
    service_category: l.serviceCategory.trim(),
    resource_id: l.resourceId ?? null,
    sku_id: l.skuId ?? null,
    consumed_quantity: l.consumedQuantity,
    consumed_unit: l.consumedUnit.trim(),
    billed_cost: l.billedCost,
    effective_cost: l.effectiveCost,
    currency: l.currency,
    tags: l.tags ?? null,
  }));
  const [result] = await sqlBound<{ inserted: string }>(
    em,
    `with input as (
       select * from jsonb_to_recordset($1::jsonb) as x(line_id text, order_line_id uuid, charge_period_start timestamptz, charge_period_end timestamptz,
         service_name text, service_category text, resource_id text, sku_id text, consumed_quantity numeric, consumed_unit text,
         billed_cost numeric, effective_cost numeric, currency text, tags jsonb)
     ), inserted as (
       insert into usage_line (brand_id, line_id, order_line_id, charge_period_start, charge_period_end, service_name, service_category, resource_id, sku_id,
                               consumed_quantity, consumed_unit, billed_cost, effective_cost, currency, tags)
       select $2::uuid, line_id, order_line_id, charge_period_start, charge_period_end, service_name, service_category, resource_id, sku_id,
              consumed_quantity, consumed_unit, billed_cost, effective_cost, currency, tags
         from input order by line_id
       on conflict (brand_id, line_id) do nothing
       returning order_line_id, charge_period_start, service_category, effective_cost, billed_cost
     ), months as (
       insert into usage_month (order_line_id, month, service_category, entity_id, brand_id, effective_cost, billed_cost, lines)
       select i.order_line_id, date_trunc('month', i.charge_period_start at time zone 'Europe/Paris')::date, i.service_category, c.entity_id, c.brand_id,
              sum(i.effective_cost), sum(i.billed_cost), count(*)
         from inserted i join commitment c on c.order_line_id = i.order_line_id
        group by 1, 2, 3, 4, 5
        order by 1, 2, 3
       on conflict (order_line_id, month, service_category) do update
         set effective_cost = usage_month.effective_cost + excluded.effective_cost,
             billed_cost = usage_month.billed_cost + excluded.billed_cost,
             lines = usage_month.lines + excluded.lines
       returning 1
     )
     select (select count(*) from inserted) as inserted`,
    [JSON.stringify(rows), caller.brandId],
  );
  const accepted = Number(result!.inserted);
  return {
    accepted,
    duplicates: valid.length - accepted,
    rejected,
    orderLineIds: [...new Set(valid.map((l) => l.orderLineId))],
  };
}

const FOCUS_COLUMNS: Record<string, keyof UsageInput> = {
  x_lineid: 'lineId',
  lineid: 'lineId',
  x_orderlineid: 'orderLineId',
  orderlineid: 'orderLineId',
  chargeperiodstart: 'chargePeriodStart',
  chargeperiodend: 'chargePeriodEnd',
  servicename: 'serviceName',
  servicecategory: 'serviceCategory',
  resourceid: 'resourceId',
  skuid: 'skuId',
  consumedquantity: 'consumedQuantity',
  consumedunit: 'consumedUnit',
  billedcost: 'billedCost',
  effectivecost: 'effectiveCost',
  billingcurrency: 'currency',
  tags: 'tags',
};

/** Splits CSV text (RFC 4180: quotes, doubled quotes, commas and newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/**
 * Reads a FOCUS CSV export: FOCUS column names (ChargePeriodStart, ServiceName, BilledCost,
 * BillingCurrency, Tags…) plus x_LineId and x_OrderLineId, the extension columns FOCUS prescribes
 * for provider-specific data. Unknown columns are ignored.
 */
export function usageFromFocusCsv(csv: string): UsageInput[] {
  const [header, ...rows] = parseCsv(csv);
  if (!header) throw invalid('csv', { fr: 'Le fichier est vide.', en: 'The file is empty.' });
  const columns = header.map((name) => FOCUS_COLUMNS[name.trim().toLowerCase()]);
  for (const required of [
    'lineId',
    'orderLineId',
    'chargePeriodStart',
    'chargePeriodEnd',
    'billedCost',
    'effectiveCost',
    'currency',
  ] as const) {
    if (!columns.includes(required))
      throw invalid('csv', {
        fr: `L'en-tête n'a pas de colonne pour ${required} (nom FOCUS ou extension x_).`,
        en: `The header lacks the column for ${required} (FOCUS name or x_ extension).`,
      });
  }
  return rows.map((cells) => {
    const line: Record<string, unknown> = {};
    columns.forEach((key, i) => {
      if (!key) return;
      const value = cells[i]?.trim() ?? '';
      if (key === 'tags') line.tags = value ? (JSON.parse(value) as Record<string, string>) : null;
      else line[key] = value === '' && (key === 'resourceId' || key === 'skuId') ? null : value;
    });
    return line as unknown as UsageInput;
  });
}

export interface UsageOutcome extends IngestionResult {
  /** Alerts the batch raised. */
  alertsRaised: number;
}

const record = (em: EntityManager, caller: Identity, lines: UsageInput[]): Promise<UsageOutcome> =>
  em.transactional(async (tx) => {
    const result = await ingestUsage(tx, caller, lines);
    return { ...result, alertsRaised: await raiseAlerts(tx, result.orderLineIds) };
  });

/** Records a supplier's batch of usage lines and raises the alerts it crosses, in one transaction. */
export function recordUsage(em: EntityManager, caller: Identity, lines: UsageInput[]): Promise<UsageOutcome> {
  assertMay(caller, 'usage:push');
  return record(em, caller, lines);
}

/** Records a FOCUS CSV export, as `recordUsage` (the role is checked before the file is read). */
export function importUsage(em: EntityManager, caller: Identity, csv: string): Promise<UsageOutcome> {
  assertMay(caller, 'usage:push');
  return record(em, caller, usageFromFocusCsv(csv));
}

/**
 * The usage lines of one order line, a page at a time, latest charge period first: read by the
 * parties of its order and market-wide staff (NOT_FOUND for others, as for a line they cannot see).
 */
export async function listUsageLines(
  em: EntityManager,
  caller: Identity,
  orderLineId: string,
  period: { from?: Date; to?: Date },
  page: PageArgs,
) {
  const commitment = await em.findOne(Commitment, { orderLineId });
  if (!commitment || !mayReadCommitment(caller, commitment))
    throw notFound({ fr: 'La ligne de commande', en: 'The order line' }, 'orderLineId');
  const where: FilterQuery<UsageLine>[] = [{ orderLineId }];
  if (period.from) where.push({ chargePeriodStart: { $gte: period.from } });
  if (period.to) where.push({ chargePeriodStart: { $lt: period.to } });
  return paginate(em, UsageLine, { $and: where }, [{ chargePeriodStart: 'desc' }, { id: 'desc' }], page);
}
