// Measures the JavaScript the browser loads for the first page: the entry scripts of
// dist/desk/index.html and every chunk they import statically (not the lazy pages), gzipped.
// Writes dist/desk/size.json and fails the build above the budget.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';

const BUDGET_KB = 250;
const root = fileURLToPath(new URL('../../../dist/desk/', import.meta.url));
const html = readFileSync(join(root, 'index.html'), 'utf8');
const entries = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g)].map((m) =>
  join(root, m[1]),
);
const seen = new Set();
const visit = (file) => {
  if (seen.has(file)) return;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  // Static imports only: `import … from "./x.js"` and `import "./x.js"`, not `import("./x.js")`.
  for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g))
    visit(join(dirname(file), m[1]));
};
entries.forEach(visit);
const files = [...seen].map((file) => ({
  file: relative(root, file),
  bytes: readFileSync(file).length,
  gzip: gzipSync(readFileSync(file), { level: 9 }).length,
}));
const total = files.reduce((sum, f) => sum + f.gzip, 0);
writeFileSync(join(root, 'size.json'), JSON.stringify({ budgetKb: BUDGET_KB, firstPageGzipBytes: total, files }, null, 2));
console.log(`desk first page: ${(total / 1024).toFixed(1)} KB of JavaScript gzipped in ${files.length} files (budget ${BUDGET_KB} KB)`);
for (const f of files) console.log(`  ${f.file}: ${(f.bytes / 1024).toFixed(1)} KB, ${(f.gzip / 1024).toFixed(1)} KB gzipped`);
if (total > BUDGET_KB * 1024) {
  console.error(`the first page's JavaScript is over the budget of ${BUDGET_KB} KB gzipped`);
  process.exit(1);
}
