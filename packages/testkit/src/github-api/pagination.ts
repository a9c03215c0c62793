/**
 * GitHub's page-number pagination: `per_page` (default 30, at most 100) and `page`, with an
 * RFC 8288 `Link` header whose URLs point back at this server.
 */

export interface Page<T> {
  items: T[];
  /** The `Link` header, or undefined when everything fits on one page. */
  link: string | undefined;
  headers: Record<string, string>;
}

export interface PageOptions {
  defaultPerPage?: number;
  maxPerPage?: number;
}

/** Reads `per_page` and `page` as GitHub does: out-of-range values fall back or are capped. */
export function pageParameters(query: URLSearchParams, options: PageOptions = {}): { perPage: number; page: number } {
  const defaultPerPage = options.defaultPerPage ?? 30;
  const maxPerPage = options.maxPerPage ?? 100;
  const requested = Number.parseInt(query.get('per_page') ?? '', 10);
  const perPage = Number.isInteger(requested) && requested > 0 ? Math.min(requested, maxPerPage) : defaultPerPage;
  const askedPage = Number.parseInt(query.get('page') ?? '', 10);
  const page = Number.isInteger(askedPage) && askedPage > 0 ? askedPage : 1;
  return { perPage, page };
}

/** One page of `all`, plus the Link header built from `baseUrl + path` and the request's own query. */
export function paginate<T>(
  all: readonly T[],
  request: { baseUrl: string; path: string; query: URLSearchParams },
  options: PageOptions = {},
): Page<T> {
  const { perPage, page } = pageParameters(request.query, options);
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const items = all.slice((page - 1) * perPage, page * perPage);
  const url = (n: number): string => {
    const query = new URLSearchParams(request.query);
    query.set('page', String(n));
    // GitHub echoes per_page in its links only when the caller gave it; keep the caller's query as is.
    return `${request.baseUrl}${request.path}?${query.toString()}`;
  };
  const relations: string[] = [];
  if (page > 1) relations.push(`<${url(Math.min(page - 1, last))}>; rel="prev"`);
  if (page < last) relations.push(`<${url(page + 1)}>; rel="next"`, `<${url(last)}>; rel="last"`);
  if (page > 1) relations.push(`<${url(1)}>; rel="first"`);
  const link = relations.length === 0 ? undefined : relations.join(', ');
  return { items, link, headers: link === undefined ? {} : { link } };
}
