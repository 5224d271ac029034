import { readFileSync, writeFileSync } from 'node:fs';
import { manifestOf } from './limits/trusted-documents.js';

/** `npm run trusted-documents -- <manifest.json> <files.graphql…>`: a client's operations, registered by hash. */
const [output, ...files] = process.argv.slice(2);
if (!output || files.length === 0) {
  console.error('Usage: npm run trusted-documents -- <manifest.json> <files.graphql…>');
  process.exit(1);
}
const manifest = manifestOf(files.map((file) => readFileSync(file, 'utf8')));
writeFileSync(output, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`wrote ${manifest.operations.length} operations to ${output}`);
