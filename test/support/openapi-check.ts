import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { openApiDocument } from '../../apps/registry/src/http/openapi/document.js';

/**
 * Checks a response of the real service against the OpenAPI document: the route and status must
 * be documented, the content type must be the documented one and a JSON body must match its
 * schema (whose objects are closed, so an undocumented field fails too).
 */
const document = openApiDocument();
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema(document, 'openapi');

const templates = Object.keys(document.paths).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));
const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

export interface CheckedResponse {
  method: string;
  path: string;
  status: number;
  contentType: string | null;
  body: unknown;
}

/** Returns what is wrong with the response, or undefined when the document describes it. */
export function undocumented({ method, path, status, contentType, body }: CheckedResponse): string | undefined {
  const where = `${method} ${path} -> ${status}`;
  const bare = path.split('?')[0];
  if (bare.startsWith('/docs')) return undefined;
  const route = templates.find((t) => t.pattern.test(bare));
  const operation = route && document.paths[route.template][method.toLowerCase()];
  if (!operation) {
    // A route the service does not have: only a problem (404, 405, 401 before routing) may answer.
    if (status >= 400 && /^application\/problem\+json/.test(contentType ?? ''))
      return validate('#/components/schemas/Problem', body, where);
    return `${where}: the route is not in the OpenAPI document`;
  }
  const answer = operation.responses[String(status)];
  if (!answer) return `${where}: status ${status} is not documented for ${route.template}`;
  const types = Object.keys(answer.content);
  const type = types.find((t) => (contentType ?? '').startsWith(t));
  if (!type) return `${where}: content type ${contentType}, documented ${types.join(' or ')}`;
  if (!answer.content[type].schema || !/json/.test(type)) return undefined;
  return validate(
    `openapi#/${pointer('paths', route.template, method.toLowerCase(), 'responses', String(status), 'content', type, 'schema')}`,
    body,
    where,
  );
}

function validate(ref: string, body: unknown, where: string): string | undefined {
  const check = ajv.getSchema(ref.startsWith('#') ? `openapi${ref}` : ref);
  if (!check) return `${where}: no schema at ${ref}`;
  if (check(body)) return undefined;
  return `${where}: body does not match the document: ${ajv.errorsText(check.errors, { separator: '; ' })}\n${JSON.stringify(body).slice(0, 800)}`;
}
