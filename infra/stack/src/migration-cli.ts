import { readdirSync, writeFileSync } from 'node:fs';
import { MikroORM } from '@mikro-orm/postgresql';
import { databaseName, ensureDatabases, entitiesOf, ormConfig } from '@nuage/platform';
import { loadDefinition } from './definitions.js';
import { startEmbeddedPostgres } from './postgres.js';
import { dataDir, SUBGRAPHS, type SubgraphName } from './paths.js';

/**
 * `npm run migration:create -- <subgraph>`: writes the migration that brings the subgraph's database
 * (with the committed migrations applied) to its entities, and lists it in `migrations/index.ts`.
 */
const name = process.argv[2] as SubgraphName;
if (!SUBGRAPHS.includes(name)) {
  console.error(`usage: npm run migration:create -- <${SUBGRAPHS.join('|')}>`);
  process.exit(2);
}
const definition = await loadDefinition(name);
const postgres = process.env.DATABASE_URL
  ? undefined
  : await startEmbeddedPostgres(`${dataDir}/postgres`, Number(process.env.PG_PORT ?? 54320));
const serverUrl = process.env.DATABASE_URL ?? postgres!.url;
const options = {
  service: name,
  serverUrl,
  databasePrefix: 'migrations',
  entities: entitiesOf(definition),
  migrations: definition.migrations,
  migrationsPath: definition.migrationsPath,
};
try {
  await ensureDatabases(serverUrl, [databaseName(options)]);
  const orm = await MikroORM.init(ormConfig(options));
  await orm.migrator.up();
  const result = await orm.migrator.create(definition.migrationsPath, false, false);
  await orm.close();
  if (!result.fileName) console.log(`${name}: entities and migrations agree; nothing to write.`);
  else {
    const files = readdirSync(definition.migrationsPath!)
      .filter((f) => /^Migration\d+.*\.ts$/.test(f))
      .sort();
    const classes = files.map((f) => f.replace(/\.ts$/, ''));
    writeFileSync(
      `${definition.migrationsPath}/index.ts`,
      `import type { MigrationObject } from '@mikro-orm/core';\n${classes.map((c) => `import { ${c} } from './${c}.js';`).join('\n')}\n\n` +
        `/** The committed migrations, in order (an explicit list behaves the same under tsx and vitest). */\n` +
        `export const migrations: MigrationObject[] = [\n${classes.map((c) => `  { name: '${c}', class: ${c} },`).join('\n')}\n];\n`,
    );
    console.log(`${name}: wrote ${result.fileName}`);
  }
} finally {
  await postgres?.stop();
}
