import { writeFileSync } from 'node:fs';
import { openApiDocument } from './http/openapi/document.js';

/** `npm run openapi`: writes the document the service serves at /docs/openapi.json to the given file. */
const target = process.argv[2] ?? 'docs/openapi.json';
writeFileSync(target, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.log(`wrote ${target}`);
