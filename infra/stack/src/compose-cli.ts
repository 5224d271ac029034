import { mkdirSync, writeFileSync } from 'node:fs';
import { composeSupergraph, staleFiles } from './compose.js';
import { schemaDir } from './paths.js';

/** `npm run compose` writes schema/*.graphql; `npm run compose -- --check` fails if they are stale. */
const composition = await composeSupergraph();
if (process.argv.includes('--check')) {
  const stale = staleFiles(composition);
  if (stale.length) {
    console.error(`schema/ is out of date (${stale.join(', ')}): run npm run compose and commit.`);
    process.exit(1);
  }
  console.log('schema/ matches a fresh composition.');
} else {
  mkdirSync(schemaDir, { recursive: true });
  for (const [file, content] of Object.entries(composition.files)) writeFileSync(`${schemaDir}/${file}`, content);
  console.log(
    `wrote ${Object.keys(composition.files)
      .map((f) => `schema/${f}`)
      .join(', ')}`,
  );
}
