import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { baseYamlFiles } from './yaml-files.js';

/** `npm run deploy:manifests`: writes the Kubernetes base from `manifests.ts` (a test fails while it is stale). */
const folder = fileURLToPath(new URL('../kubernetes/base/', import.meta.url));
mkdirSync(folder, { recursive: true });
for (const [name, text] of Object.entries(baseYamlFiles())) writeFileSync(`${folder}${name}`, text);
console.log(`Wrote ${Object.keys(baseYamlFiles()).length} files in infra/deploy/kubernetes/base/.`);
