import { SEED_ENTITY, seededIdentity } from '@nuage/fixtures';
import { requests } from '@nuage/requests';
import { entitiesOf, openDatabase, type Identity } from '@nuage/platform';
import { median, percentile, post } from './report.js';

const SEED_SQL = `insert into search_document (id, subject_type, reference, refs, refs_text, title, body, summary_fr, summary_en, file_id, entity_id, brand_ids, updated_at)
     select case when kind.subject_type = 'REQUEST' then file.id else gen_random_uuid() end, kind.subject_type, kind.reference, array[kind.reference] || kind.extra, ' ' || array_to_string(array[kind.reference] || kind.extra, ' '), file.title, file.body, 'Étape', 'Step', file.id, file.entity_id, array[file.brand_id], now() - (file.n || ' minutes')::interval
       from (select n, gen_random_uuid() as id,
                    case when n % 1000 = 0 then ?::uuid else md5('entity' || (n % 1000))::uuid end as entity_id,
                    md5('brand' || (n % 15))::uuid::text as brand_id,
                    'Projet ' || (?::text[])[1 + n % 15] || ' ' || n as title,
                    (?::text[])[1 + (n * 7) % 15] || ' ' || (?::text[])[1 + (n * 11) % 15] || ' pour ' || (?::text[])[1 + (n * 13) % 15] as body
               from generate_series(1, ?) as n) as file,
            lateral (values ('REQUEST'::history_subject, (200000 + file.n) || '-' || lpad((97 - (200000 + file.n) % 97)::text, 2, '0'), array[]::text[]),
                            ('PROPOSAL'::history_subject, 'DC' || lpad((300000 + file.n)::text, 6, '0'), array[]::text[]),
                            ('ORDER'::history_subject, 'CC' || lpad((400000 + file.n)::text, 6, '0'), array['UGAP-' || file.n])) as kind(subject_type, reference, extra)`;

const GIN_INDEXES = [
  'search_document_words',
  'search_document_refs',
  'search_document_refs_text',
  'search_document_brands',
];

const WORDS = [
  'hébergement',
  'sécurisé',
  'archives',
  'messagerie',
  'sauvegarde',
  'calcul',
  'stockage',
  'portail',
  'réseau',
  'données',
  'collaboratif',
  'santé',
  'éducation',
  'visioconférence',
  'identité',
];

/** Fills the search index with `files` files of three documents each (one in 1,000 the seeded entity's). */
export async function seedSearchIndex(
  connection: { execute: (sql: string, params?: unknown[]) => Promise<unknown> },
  files: number,
) {
  // A bulk load, as an operator would run one: the GIN indexes take the rows in their pending list
  // and merge it once at the end (the product writes documents one at a time, straight into them).
  for (const index of GIN_INDEXES) await connection.execute(`alter index ${index} set (fastupdate = on)`);
  await connection.execute(SEED_SQL, [
    SEED_ENTITY.id,
    `{${WORDS.join(',')}}`,
    `{${WORDS.join(',')}}`,
    `{${WORDS.join(',')}}`,
    `{${WORDS.join(',')}}`,
    files,
  ]);
  for (const index of GIN_INDEXES) {
    await connection.execute(`select gin_clean_pending_list('${index}'::regclass)`);
    await connection.execute(`alter index ${index} set (fastupdate = off)`);
  }
  await connection.execute('analyze search_document');
}

/**
 * The global search over 100,000 files: each a request, a proposal and an order in the search
 * index (300,000 documents over 1,000 entities), then queries through the gateway as a buyer and
 * as the market holder: an exact file number, an order reference, words.
 */
export async function benchSearch(options: {
  databaseUrl: string;
  databasePrefix: string;
  gatewayUrl: string;
  token: (identity: Identity) => Promise<string>;
}) {
  const files = 100_000;
  const orm = await openDatabase({
    service: 'requests',
    serverUrl: options.databaseUrl,
    databasePrefix: options.databasePrefix,
    entities: entitiesOf(requests),
    migrations: requests.migrations,
  });
  const connection = orm.em.getConnection();
  const started = performance.now();
  await seedSearchIndex(connection, files);
  const seedSeconds = (performance.now() - started) / 1000;
  await orm.close();

  const buyer = await options.token(seededIdentity('beneficiary'));
  const holder = await options.token(seededIdentity('market-holder'));
  const ownFile = 200_000 + 1000; // n = 1000 belongs to the seeded entity
  const cases: [string, string, string][] = [
    ['buyer, exact file number', buyer, `${ownFile}-${String(97 - (ownFile % 97)).padStart(2, '0')}`],
    ['market holder, exact order reference', holder, 'CC450000'],
    ["market holder, UGAP's reference", holder, 'ugap-77777'],
    ['buyer, an order of another entity (none)', buyer, 'CC450001'],
    ['buyer, a word ("hébergement")', buyer, 'hébergement'],
    ['market holder, a word ("securise": 1 file in 5)', holder, 'securise'],
    ['market holder, two words ("archives santé")', holder, 'archives santé'],
    ['market holder, reference prefix ("CC4500")', holder, 'CC4500'],
  ];
  const rows: string[][] = [];
  for (const [label, token, query] of cases) {
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < 25; i++) {
      const { data, ms } = await post(
        options.gatewayUrl,
        token,
        'query($q: String!) { search(query: $q, first: 20) { edges { node { kind reference exactMatch } } } }',
        { q: query },
      );
      if (i >= 5) times.push(ms);
      hits = data.search.edges.length;
    }
    times.sort((a, b) => a - b);
    rows.push([label, String(hits), median(times).toFixed(1), percentile(times, 95).toFixed(1)]);
  }
  return { files, documents: files * 3, seedSeconds, rows };
}
