// The browsable docs page, rendered on the server from the OpenAPI document: no script and no
// CDN (the machines have no internet), so it works under a CSP that allows inline styles only.

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const esc = (s: unknown) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const pretty = (v: unknown) => `<pre>${JSON.stringify(v, null, 2).replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)}</pre>`;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const nameOf = (schema: Obj) => (typeof schema.$ref === 'string' ? schema.$ref.split('/').pop()! : undefined);
const link = (name: string) => `<a href="#schema-${esc(name)}"><code>${esc(name)}</code></a>`;

/** A request body: the component, expandable in place. */
function schemaBlock(schema: Obj, components: Obj): string {
  const name = nameOf(schema);
  return `<details><summary>${name ? link(name) : '<code>schema</code>'}</summary>${pretty(name ? components[name] : schema)}</details>`;
}

const rolesOf = (roles: unknown) =>
  Array.isArray(roles) ? roles.join(', ') : roles === 'public' ? '公开 public, no token' : '任何已认证角色 any authenticated role';

function operationHtml(path: string, method: string, op: Obj, components: Obj): string {
  const params = (op.parameters ?? []) as Obj[];
  const paramRows = params
    .map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? '是 yes' : ''}</td><td><code>${esc(JSON.stringify(p.schema))}</code></td></tr>`)
    .join('');
  const body = op.requestBody?.content?.['application/json']?.schema;
  const responses = Object.entries(op.responses as Obj)
    .map(([status, r]) => {
      const content = Object.entries((r.content ?? {}) as Obj)
        // Response bodies are shared by many operations: a link to the schema, printed once below.
        .map(([type, c]) => `<div><span class="type">${esc(type)}</span> ${nameOf(c.schema) ? link(nameOf(c.schema)!) : schemaBlock(c.schema, components)}</div>`)
        .join('');
      return `<li><b>${esc(status)}</b> ${esc(r.description)}${content}</li>`;
    })
    .join('');
  return `<section class="op" id="${esc(op.operationId)}">
<h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p>${esc(op.summary)}</p>
<p class="roles">角色 Roles: ${esc(rolesOf(op['x-roles']))}</p>
${op.description ? `<p class="desc">${esc(op.description.replace(/^Roles: [^\n]*\n*/, ''))}</p>` : ''}
${paramRows ? `<h4>参数 Parameters</h4><table><tr><th>name</th><th>in</th><th>required</th><th>schema</th></tr>${paramRows}</table>` : ''}
${body ? `<h4>请求体 Request body (application/json)</h4>${schemaBlock(body, components)}` : ''}
<h4>响应 Responses</h4><ul>${responses}</ul>
</section>`;
}

const rendered = new WeakMap<object, string>();

/** The page of an OpenAPI document (openApiDocument's); rendered once for each document. */
export function docsPage(document: object): string {
  const done = rendered.get(document);
  if (done) return done;
  const doc = document as Obj;
  const components = doc.components.schemas as Obj;
  const byTag = new Map<string, string[]>();
  for (const [path, item] of Object.entries(doc.paths as Obj)) {
    for (const method of METHODS.filter((m) => item[m])) {
      const op = item[method];
      for (const tag of op.tags ?? ['Other']) byTag.set(tag, [...(byTag.get(tag) ?? []), operationHtml(path, method, op, components)]);
    }
  }
  const toc = [...byTag.keys(), 'Schemas'].map((t) => `<a href="#tag-${slug(t)}">${esc(t)}</a>`).join(' · ');
  const sections = [...byTag].map(([tag, ops]) => `<h2 id="tag-${slug(tag)}">${esc(tag)}</h2>${ops.join('')}`).join('');
  const schemas = Object.entries(components)
    .map(([name, schema]) => `<details id="schema-${esc(name)}"><summary><code>${esc(name)}</code></summary>${pretty(schema)}</details>`)
    .join('');
  const page = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>绿色通道接口文档 · Greenlane API documentation</title>
<style>
body{font:14px/1.5 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:1100px;padding:1rem 2rem;color:#222}
h1{margin-bottom:.2rem}h2{border-bottom:2px solid #2e7d32;padding-top:1rem}
.op{border:1px solid #ddd;border-radius:6px;padding:.3rem 1rem;margin:1rem 0}
.m{display:inline-block;min-width:3.5rem;text-align:center;border-radius:4px;color:#fff;font-size:12px;padding:2px 6px}
.get{background:#1565c0}.post{background:#2e7d32}.put{background:#ef6c00}.patch{background:#6a1b9a}.delete{background:#c62828}
.roles{color:#555}.desc{white-space:pre-line;color:#444}.type{color:#666;font-family:monospace}
pre{background:#f6f8fa;padding:.6rem;overflow:auto;max-height:28rem}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:2px 8px;text-align:left}
</style></head><body>
<h1>绿色通道接口文档 <small>Greenlane API documentation</small></h1>
<p>${esc(doc.info.description)}</p>
<p>机器可读契约 Machine-readable contract: <a href="openapi.json">/api/v1/openapi.json</a> (OpenAPI ${esc(doc.openapi)}). 认证 Authentication: <code>Authorization: Bearer &lt;JWT&gt;</code>.</p>
<nav>${toc}</nav>
${sections}
<h2 id="tag-schemas">数据结构 Schemas</h2>${schemas}
</body></html>`;
  rendered.set(document, page);
  return page;
}
