/**
 * Maps a method and a raw path onto a route registered under GitHub's own path template, so the
 * template doubles as the key into the OpenAPI description.
 */
import type { RouteHandler } from './http-exchange.ts';

/** Parameters whose values may contain slashes (git refs, `base...head`, tag names, file paths). */
const SLASHED_PARAMS = new Set(['ref', 'basehead', 'tag', 'path']);

export interface Route {
  method: string;
  template: string;
  handler: RouteHandler;
}

interface CompiledRoute extends Route {
  pattern: RegExp;
  names: string[];
  /** More literal segments win when two templates match (`commits/{ref}/check-runs` over `commits/{ref}`). */
  literals: number;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export class Router {
  private readonly routes: CompiledRoute[] = [];

  /** Registers (or replaces) the handler for a method and template; returns a function that removes it. */
  add(method: string, template: string, handler: RouteHandler): () => void {
    const upper = method.toUpperCase();
    this.remove(upper, template);
    const names: string[] = [];
    const source = template
      .split('/')
      .map((segment) =>
        segment.replace(/\{([^}]+)\}|[^{}]+/g, (part, name: string | undefined) => {
          if (name === undefined) return escapeRegExp(part);
          names.push(name);
          return SLASHED_PARAMS.has(name) ? '(.+?)' : '([^/]+)';
        }),
      )
      .join('/');
    const literals = template.split('/').filter((segment) => segment !== '' && !segment.includes('{')).length;
    const route: CompiledRoute = {
      method: upper,
      template,
      handler,
      pattern: new RegExp(`^${source}$`),
      names,
      literals,
    };
    this.routes.push(route);
    return () => {
      const index = this.routes.indexOf(route);
      if (index >= 0) this.routes.splice(index, 1);
    };
  }

  /** The best route for a request, with its parameters percent-decoded. */
  match(method: string, rawPath: string): RouteMatch | undefined {
    let best: { route: CompiledRoute; values: string[] } | undefined;
    for (const route of this.routes) {
      if (route.method !== method.toUpperCase()) continue;
      const found = route.pattern.exec(rawPath);
      if (found === null) continue;
      if (best === undefined || route.literals > best.route.literals) best = { route, values: found.slice(1) };
    }
    if (best === undefined) return undefined;
    const params: Record<string, string> = {};
    try {
      best.route.names.forEach((name, index) => {
        params[name] = decodeURIComponent(best.values[index] ?? '');
      });
    } catch {
      return undefined; // malformed percent-encoding: no route can mean it
    }
    return { route: best.route, params };
  }

  private remove(method: string, template: string): void {
    const index = this.routes.findIndex((r) => r.method === method && r.template === template);
    if (index >= 0) this.routes.splice(index, 1);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
