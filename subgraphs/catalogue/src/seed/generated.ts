import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '@nuage/platform';

const CATEGORIES = [
  'VM_STANDARD',
  'VM_OPTIMIZED',
  'BARE_METAL',
  'SERVERLESS',
  'MONITORING',
  'RESOURCE_OPTIMIZATION',
  'LOGS',
  'CMDB',
  'VDI',
  'TRAINING',
  'PROFESSIONAL_SERVICES',
  'MARKETPLACE',
];
const CERTIFICATIONS = [
  'HDS',
  'ISO_27001',
  'ISO_27017',
  'ISO_27018',
  'PCI_DSS',
  'SECNUMCLOUD',
  'ISAE_3402',
  'ISO_50001',
];

/**
 * Adds `count` synthetic solutions spread over the seeded brands, each covering a few service
 * categories with a few certifications and two products: a large catalogue for statement-count
 * tests and benchmarks. Written in set-based SQL so that 10,000 solutions take seconds.
 */
export async function addGeneratedSolutions(em: EntityManager, count: number): Promise<void> {
  await sql(
    em,
    `insert into solution (id, brand_id, name, description, service_categories)
     select gen_random_uuid(), b.id, 'Generated solution ' || g || ' of ' || b.name, 'Synthetic offer number ' || g,
            array(select c from unnest(?::text[]) with ordinality as t(c, i) where (g + i) % 3 = 0)
       from generate_series(1, ?) as g
       join lateral (select id, name from brand order by id offset (g % (select count(*) from brand)) limit 1) b on true`,
    [`{${CATEGORIES.join(',')}}`, count],
  );
  await sql(
    em,
    `insert into certification (id, solution_id, code, valid_from)
     select gen_random_uuid(), s.id, c, date '2020-01-01' + ((i * 97 + length(s.name)) % 2500)::int
       from solution s, unnest(?::text[]) with ordinality as t(c, i)
      where s.name like 'Generated solution %' and (length(s.name) + i) % 3 = 0`,
    [`{${CERTIFICATIONS.join(',')}}`],
  );
  await sql(
    em,
    `insert into product (id, code, designation, brand_id, solution_id, unit, billing_period, billing_timing, list_price, discount_percent, illustrative_price)
     select gen_random_uuid(), (900000000 + row_number() over () * 2 + k)::text, s.name || case k when 0 then ' — mensuel' else ' — annuel' end,
            s.brand_id, s.id, 'unité', case k when 0 then 'MONTHLY' else 'ANNUAL' end::billing_period, 'IN_ARREARS'::billing_timing,
            (100 + length(s.name) * 7 + k * 1000)::numeric(14,2), 5.00, true
       from solution s, generate_series(0, 1) as k
      where s.name like 'Generated solution %' and not exists (select 1 from product p where p.solution_id = s.id)`,
  );
}
