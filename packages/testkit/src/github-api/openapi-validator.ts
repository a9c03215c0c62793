/**
 * Checks requests and responses against GitHub's OpenAPI description with ajv, so that the
 * stand-in can never drift into answering shapes that the real api.github.com would not.
 */
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { loadGitHubSpec } from './openapi-spec.ts';
import type { GitHubSpec, OpenApiOperation, OpenApiParameter } from './openapi-spec.ts';

type Json = Record<string, unknown>;

/** Statuses GitHub answers on any endpoint, documented or not (auth, permissions, missing things). */
const UNIVERSAL_ERROR_STATUSES = new Set([401, 403, 404, 422]);
const BASIC_ERROR = { $ref: '#/components/schemas/basic-error' };

export interface RequestToCheck {
  method: string;
  template: string;
  params: Record<string, string>;
  query: URLSearchParams;
  contentType: string | undefined;
  /** Parsed JSON body, or undefined when there is none or it is not JSON. */
  body: unknown;
  hasBody: boolean;
}

export interface ResponseToCheck {
  status: number;
  /** Parsed JSON body, or undefined when the response has no JSON body. */
  body: unknown;
}

export interface CheckResult {
  operationId: string | undefined;
  problems: string[];
}

/** One ajv instance and one compiled validator per schema, shared by every server in the process. */
export class OpenApiValidator {
  private readonly spec: GitHubSpec;
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(spec: GitHubSpec) {
    this.spec = spec;
    this.ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false, formats: checkedFormats() });
  }

  /** The operation a path template names, if GitHub documents it. */
  operation(method: string, template: string): OpenApiOperation | undefined {
    return this.spec.operation(method, template);
  }

  /** Path parameters, query parameters and the JSON body against the operation's description. */
  checkRequest(request: RequestToCheck): CheckResult {
    const operation = this.spec.operation(request.method, request.template);
    if (operation === undefined) {
      return {
        operationId: undefined,
        problems: [`${request.method} ${request.template} is not in GitHub's description`],
      };
    }
    const problems: string[] = [];
    const known = new Set<string>();
    for (const parameter of operation.parameters) {
      if (parameter.in === 'path') {
        const value = request.params[parameter.name];
        if (value === undefined) problems.push(`path parameter ${parameter.name} is missing`);
        else problems.push(...this.checkParameter(operation, parameter, value));
      } else if (parameter.in === 'query') {
        known.add(parameter.name);
        const values = request.query.getAll(parameter.name);
        if (values.length === 0) {
          if (parameter.required === true) problems.push(`query parameter ${parameter.name} is required`);
        } else {
          for (const value of values) problems.push(...this.checkParameter(operation, parameter, value));
        }
      }
    }
    for (const name of new Set(request.query.keys())) {
      // GitHub silently ignores unknown parameters; we flag them, as they are usually a caller's typo.
      if (!known.has(name)) problems.push(`query parameter ${name} is not documented for this operation`);
    }
    problems.push(...this.checkRequestBody(operation, request));
    return { operationId: operation.operationId, problems };
  }

  /** The status is documented for the operation and the JSON body matches that status's schema. */
  checkResponse(method: string, template: string, response: ResponseToCheck): CheckResult {
    const operation = this.spec.operation(method, template);
    if (operation === undefined) {
      return { operationId: undefined, problems: [`${method} ${template} is not in GitHub's description`] };
    }
    const status = String(response.status);
    const documented = operation.responses.get(status) ?? operation.responses.get('default');
    let schema: Json | undefined;
    if (documented !== undefined) {
      schema = documented.content['application/json'];
      if (schema === undefined && Object.keys(documented.content).length > 0 && response.body !== undefined) {
        return { operationId: operation.operationId, problems: [`status ${status} is documented without a JSON body`] };
      }
    } else if (UNIVERSAL_ERROR_STATUSES.has(response.status)) {
      schema = BASIC_ERROR;
    } else {
      const statuses = [...operation.responses.keys()].join(', ');
      return {
        operationId: operation.operationId,
        problems: [`status ${status} is not documented (documented: ${statuses})`],
      };
    }
    if (schema === undefined) return { operationId: operation.operationId, problems: [] };
    if (response.body === undefined) {
      return { operationId: operation.operationId, problems: [`status ${status} must have a JSON body`] };
    }
    const validate = this.validator(`response ${operation.operationId} ${status}`, schema);
    return {
      operationId: operation.operationId,
      problems: validate(response.body) ? [] : describe(validate.errors, 'body'),
    };
  }

  private checkParameter(operation: OpenApiOperation, parameter: OpenApiParameter, raw: string): string[] {
    if (parameter.schema === undefined) return [];
    const where = `${parameter.in} parameter ${parameter.name}`;
    const validate = this.validator(`${operation.operationId} ${parameter.in} ${parameter.name}`, parameter.schema);
    const value = coerce(raw, this.spec.deref<Json>(parameter.schema));
    if (value === undefined)
      return [`${where} must be ${String(this.spec.deref<Json>(parameter.schema).type)}, got ${JSON.stringify(raw)}`];
    return validate(value) ? [] : describe(validate.errors, where);
  }

  private checkRequestBody(operation: OpenApiOperation, request: RequestToCheck): string[] {
    const spec = operation.requestBody;
    if (spec === undefined) return [];
    if (!request.hasBody) return spec.required ? ['the request body is required'] : [];
    const schema = spec.content['application/json'];
    // Uploads (octet-stream) and other media types carry bytes we do not look into.
    if (schema === undefined) return [];
    if (request.body === undefined)
      return [`the request body must be JSON (content-type ${request.contentType ?? 'missing'})`];
    const validate = this.validator(`request ${operation.operationId}`, schema);
    return validate(request.body) ? [] : describe(validate.errors, 'body');
  }

  private validator(key: string, schema: Json): ValidateFunction {
    let validate = this.compiled.get(key);
    if (validate === undefined) {
      validate = this.ajv.compile(this.spec.jsonSchema(schema));
      this.compiled.set(key, validate);
    }
    return validate;
  }
}

/** Query and path values arrive as text; the description types them. */
function coerce(raw: string, schema: Json): unknown {
  switch (schema.type) {
    case 'integer':
      return /^-?\d+$/.test(raw) ? Number(raw) : undefined;
    case 'number':
      return raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : undefined;
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : undefined;
    case 'array':
      return raw.split(',');
    default:
      return raw;
  }
}

function describe(errors: ErrorObject[] | null | undefined, where: string): string[] {
  const lines = (errors ?? []).map((error) => {
    const path = `${where}${error.instancePath}`;
    const extra =
      error.keyword === 'additionalProperties'
        ? ` (${String((error.params as { additionalProperty?: unknown }).additionalProperty)})`
        : error.keyword === 'enum'
          ? ` (${JSON.stringify((error.params as { allowedValues?: unknown }).allowedValues)})`
          : '';
    return `${path} ${error.message ?? 'is invalid'}${extra}`;
  });
  return [...new Set(lines)].slice(0, 4);
}

function checkedFormats(): Record<string, (value: string) => boolean> {
  return {
    'date-time': (value) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(value) &&
      !Number.isNaN(Date.parse(value)),
    uri: (value) => URL.canParse(value),
    email: (value) => /^[^\s@]+@[^\s@]+$/.test(value),
  };
}

let shared: Promise<OpenApiValidator> | undefined;

/** The process-wide validator; the description is loaded on the first call only. */
export function sharedValidator(): Promise<OpenApiValidator> {
  shared ??= loadGitHubSpec().then((spec) => new OpenApiValidator(spec));
  return shared;
}

/** Loads GitHub's description now rather than on the first request (for benchmarks that time requests). */
export async function preloadOpenApiDescription(): Promise<void> {
  await sharedValidator();
}
