/**
 * GitHub's own OpenAPI description (from @octokit/openapi), loaded once per process on first use.
 * We read the 13 MB file that keeps its `$ref`s and resolve them on demand, never the 73 MB
 * dereferenced one, and turn OpenAPI 3.0 schemas into plain JSON Schema that ajv understands.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type Json = Record<string, unknown>;

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Json;
}

export interface OpenApiResponse {
  /** Media type -> schema (still OpenAPI, with `$ref`s). */
  content: Record<string, Json | undefined>;
}

export interface OpenApiOperation {
  operationId: string;
  method: string;
  template: string;
  parameters: OpenApiParameter[];
  /** Media type -> schema of the request body, when the operation takes one. */
  requestBody: { required: boolean; content: Record<string, Json | undefined> } | undefined;
  responses: Map<string, OpenApiResponse>;
}

/** Formats we can check cheaply; every other `format` is dropped (GitHub uses many ad-hoc ones). */
export const CHECKED_FORMATS = new Set(['date-time', 'uri', 'email']);

/** JSON Schema keywords kept when converting; OpenAPI-only ones (example, xml, x-*...) are dropped. */
const PLAIN_KEYWORDS = new Set([
  'type',
  'enum',
  'const',
  'required',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'multipleOf',
]);

export class GitHubSpec {
  private readonly document: Json;
  private readonly operations = new Map<string, OpenApiOperation | null>();

  constructor(document: Json) {
    this.document = document;
  }

  /** Whether the description has this path template at all (any method). */
  hasPath(template: string): boolean {
    return template in this.paths();
  }

  /** The operation for a method and a path template exactly as the description spells it. */
  operation(method: string, template: string): OpenApiOperation | undefined {
    const key = `${method.toUpperCase()} ${template}`;
    const cached = this.operations.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const item = this.paths()[template] as Json | undefined;
    const raw = item?.[method.toLowerCase()] as Json | undefined;
    const operation =
      raw === undefined ? undefined : this.buildOperation(method.toUpperCase(), template, item ?? {}, raw);
    this.operations.set(key, operation ?? null);
    return operation;
  }

  /**
   * A self-contained JSON Schema for an OpenAPI schema: referenced component schemas are
   * converted once each into `definitions`, so recursive schemas stay finite.
   */
  jsonSchema(schema: Json): Json {
    const definitions: Record<string, Json> = {};
    const root = this.convert(schema, definitions);
    return Object.keys(definitions).length === 0 ? root : { ...root, definitions };
  }

  /** Follows a `$ref` (to a parameter, response, header or schema) until a real object. */
  deref<T extends Json>(node: Json): T {
    let current = node;
    for (let hops = 0; typeof current.$ref === 'string'; hops++) {
      if (hops > 20) throw new Error(`OpenAPI $ref chain too long at ${String(current.$ref)}`);
      current = this.pointer(current.$ref);
    }
    return current as T;
  }

  private paths(): Json {
    return this.document.paths as Json;
  }

  private pointer(ref: string): Json {
    if (!ref.startsWith('#/')) throw new Error(`unsupported OpenAPI $ref ${ref}`);
    let node: unknown = this.document;
    for (const raw of ref.slice(2).split('/')) {
      const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
      node = (node as Json | undefined)?.[key];
    }
    if (node === undefined || node === null || typeof node !== 'object')
      throw new Error(`OpenAPI $ref ${ref} points nowhere`);
    return node as Json;
  }

  private buildOperation(method: string, template: string, item: Json, raw: Json): OpenApiOperation {
    // Path-level parameters apply too, unless the operation redefines one with the same name and place.
    const parameters = new Map<string, OpenApiParameter>();
    for (const list of [item.parameters, raw.parameters]) {
      for (const node of (list as Json[] | undefined) ?? []) {
        const parameter = this.deref<Json>(node) as unknown as OpenApiParameter;
        parameters.set(`${parameter.in}:${parameter.name}`, parameter);
      }
    }
    let requestBody: OpenApiOperation['requestBody'];
    if (raw.requestBody !== undefined) {
      const body = this.deref<Json>(raw.requestBody as Json);
      requestBody = {
        required: body.required === true,
        content: this.schemasByMediaType(body.content as Json | undefined),
      };
    }
    const responses = new Map<string, OpenApiResponse>();
    for (const [status, node] of Object.entries((raw.responses as Json | undefined) ?? {})) {
      const response = this.deref<Json>(node as Json);
      responses.set(status, { content: this.schemasByMediaType(response.content as Json | undefined) });
    }
    return {
      operationId: String(raw.operationId),
      method,
      template,
      parameters: [...parameters.values()],
      requestBody,
      responses,
    };
  }

  private schemasByMediaType(content: Json | undefined): Record<string, Json | undefined> {
    const out: Record<string, Json | undefined> = {};
    for (const [mediaType, media] of Object.entries(content ?? {}))
      out[mediaType] = (media as Json).schema as Json | undefined;
    return out;
  }

  private convert(node: Json, definitions: Record<string, Json>): Json {
    let out: Json;
    if (typeof node.$ref === 'string') {
      const name = definitionName(node.$ref);
      if (!(name in definitions)) {
        definitions[name] = {}; // placeholder first: a schema may refer to itself
        definitions[name] = this.convert(this.pointer(node.$ref), definitions);
      }
      out = { $ref: `#/definitions/${name}` };
    } else {
      out = {};
      for (const [key, value] of Object.entries(node)) {
        if (PLAIN_KEYWORDS.has(key)) out[key] = value;
        else if (key === 'format' && typeof value === 'string' && CHECKED_FORMATS.has(value)) out.format = value;
        else if (key === 'pattern' && typeof value === 'string' && isJsRegExp(value)) out.pattern = value;
        else if (key === 'properties') out.properties = mapValues(value as Json, (s) => this.convert(s, definitions));
        else if (key === 'items' || key === 'not') out[key] = this.convert(value as Json, definitions);
        else if (key === 'additionalProperties')
          out[key] = typeof value === 'boolean' ? value : this.convert(value as Json, definitions);
        else if (key === 'allOf' || key === 'anyOf')
          out[key] = (value as Json[]).map((s) => this.convert(s, definitions));
        // GitHub uses oneOf for alternatives that overlap (private-user is also a valid public-user),
        // which JSON Schema's "exactly one" would reject although GitHub itself sends such bodies.
        else if (key === 'oneOf') out.anyOf = (value as Json[]).map((s) => this.convert(s, definitions));
      }
    }
    if (node.nullable !== true) return out;
    const composite = ['$ref', 'allOf', 'anyOf'].some((k) => k in out);
    if (!composite && typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null];
      return out;
    }
    return { anyOf: [out, { type: 'null' }] };
  }
}

function definitionName(ref: string): string {
  return ref.replace(/^#\/components\//, '').replace(/[^A-Za-z0-9_-]/g, '_');
}

function mapValues(object: Json, convert: (schema: Json) => Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(object)) out[key] = convert(value as Json);
  return out;
}

function isJsRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false; // a pattern in another regex dialect: not worth a false alarm
  }
}

let loading: Promise<GitHubSpec> | undefined;

/** The description, read and parsed the first time anyone asks in this process. */
export function loadGitHubSpec(): Promise<GitHubSpec> {
  loading ??= (async () => {
    const entry = createRequire(import.meta.url).resolve('@octokit/openapi');
    const text = await readFile(join(dirname(entry), 'generated', 'api.github.com.json'), 'utf8');
    return new GitHubSpec(JSON.parse(text) as Json);
  })();
  return loading;
}
