// Sends every example pair of the contract (request and response of one name) to a server and
// checks the answer is the response example:
//   prism-mock      Prism's mock, asked for the example by name (Prefer: code=..., example=...)
//   specmatic-stub  Specmatic's stub, which matches the request to an example
//   prism-proxy     Prism's proxy in front of the revoke-earn mock: generated values (earnedBadgeId,
//                   accessToken) may differ, and Prism must find nothing that breaks the contract
// Usage: node contract-examples.mjs MODE CONTRACT BASE_URL EXTERNAL_EXAMPLES_DIR
// Needs js-yaml on NODE_PATH (it comes with @stoplight/prism-cli).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml');
const [mode, contractFile, base, externalDir] = process.argv.slice(2);
const spec = yaml.load(fs.readFileSync(contractFile, 'utf8'));
const DEMO = 'Basic ' + Buffer.from('demo.till:4b4d9529148d8d9440d7e20c78287f69').toString('base64');
const GENERATED = { earnBadge: 'earnedBadgeId', generateOAuthToken: 'accessToken' };

const deref = (node) => {
  if (Array.isArray(node)) return node.map(deref);
  if (node && typeof node === 'object') {
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#/')) {
      return deref(node.$ref.slice(2).split('/').reduce((n, key) => n[key], spec));
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, deref(v)]));
  }
  return node;
};

const cases = [];
for (const [route, item] of Object.entries(spec.paths)) {
  const op = deref(item.post);
  const requests = op.requestBody.content['application/json'].examples ?? {};
  for (const [status, response] of Object.entries(op.responses)) {
    for (const [name, example] of Object.entries(response.content?.['application/json']?.examples ?? {})) {
      if (!requests[name]) continue; // a response no request can produce: nothing to send
      const headers = { 'Content-Type': 'application/json' };
      for (const p of op.parameters ?? []) {
        if (p.examples?.[name]) headers[p.name] = p.examples[name].value;
      }
      const external = path.join(externalDir, name + '.json');
      if (fs.existsSync(external)) {
        headers.Authorization = JSON.parse(fs.readFileSync(external, 'utf8'))['http-request'].headers.Authorization;
      } else if (op.security === undefined) {
        headers.Authorization = DEMO;
      }
      cases.push({ op: op.operationId, route, name, status: Number(status), headers, body: requests[name].value, expected: example.value });
    }
  }
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
let failures = 0;
for (const c of cases) {
  const headers = { ...c.headers };
  if (mode === 'prism-mock') headers.Prefer = `code=${c.status}, example=${c.name}`;
  const res = await fetch(base + c.route, { method: 'POST', headers, body: JSON.stringify(c.body) });
  const text = await res.text();
  const problems = [];
  if (res.status !== c.status) problems.push(`status ${res.status}, the example says ${c.status}`);
  let body;
  try { body = JSON.parse(text); } catch { problems.push('the body is not JSON: ' + text.slice(0, 200)); }
  if (body && res.status === c.status) {
    const expected = structuredClone(c.expected);
    const field = GENERATED[c.op];
    if (mode === 'prism-proxy' && field && c.status === 200 && typeof body.data?.[field] === 'string') {
      expected.data[field] = body.data[field];
    }
    if (!same(body, expected)) problems.push(`answered ${JSON.stringify(body)}, the example says ${JSON.stringify(expected)}`);
  }
  const violations = JSON.parse(res.headers.get('sl-violations') ?? '[]')
    .filter((v) => v.location?.[0] === 'response');
  if (violations.length) problems.push('Prism: ' + violations.map((v) => v.message).join('; '));
  if (problems.length) failures++;
  console.log(`${problems.length ? 'FAIL' : 'ok  '} ${c.op} ${c.status} ${c.name}${problems.length ? ': ' + problems.join('; ') : ''}`);
}
console.log(`${mode}: ${cases.length - failures} of ${cases.length} example pairs answered as the contract says`);
process.exit(failures ? 1 : 0);
