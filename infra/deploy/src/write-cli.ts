import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { settingsReference, withReference } from './settings-reference.js';
import { baseYamlFiles } from './yaml-files.js';

/**
 * `npm run deploy:manifests`: writes the Kubernetes base from `manifests.ts` and the README's
 * settings reference from the services' settings modules (tests fail while either is stale).
 */
const folder = fileURLToPath(new URL('../kubernetes/base/', import.meta.url));
mkdirSync(folder, { recursive: true });
const files = baseYamlFiles();
for (const [name, text] of Object.entries(files)) writeFileSync(`${folder}${name}`, text);
const readme = fileURLToPath(new URL('../../../README.md', import.meta.url));
writeFileSync(readme, withReference(readFileSync(readme, 'utf8'), await settingsReference()));
console.log(
  `Wrote ${Object.keys(files).length} files in infra/deploy/kubernetes/base/ and the README's settings reference.`,
);
