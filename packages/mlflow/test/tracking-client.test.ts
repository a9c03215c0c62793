import { describe, expect, it } from 'vitest';
import { MlflowError, TrackingClient } from '../src/tracking-client.ts';
import { resolveTrackingConnection } from '../src/tracking-connection.ts';

const ORIGIN = 'input "mlflow-tracking-uri"';

/** A client over answers given in turn; each call's URL and headers are kept. */
function clientOver(answers: (Response | Error)[], env: Record<string, string> = {}) {
  const calls: { url: string; init: RequestInit }[] = [];
  const warnings: string[] = [];
  const fake = (url: string, init?: RequestInit): Promise<Response> => {
    calls.push({ url, init: init ?? {} });
    const next = answers.shift();
    if (next === undefined) throw new Error('no more answers');
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  };
  const client = new TrackingClient(resolveTrackingConnection('http://mlflow.test/base', env, ORIGIN), {
    waitScale: 0.001,
    log: { warn: (message) => warnings.push(message), debug: () => undefined },
    fetch: fake as unknown as typeof fetch,
  });
  return { client, calls, warnings };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('TrackingClient', () => {
  it('retries 5xx and 429 (after Retry-After), then answers; counts every request', async () => {
    const { client, calls, warnings } = clientOver(
      [
        json(503, { error_code: 'TEMPORARILY_UNAVAILABLE' }),
        json(429, { error_code: 'REQUEST_LIMIT_EXCEEDED' }, { 'retry-after': '2' }),
        json(200, { experiment_id: '7' }),
      ],
      { MLFLOW_TRACKING_TOKEN: 't0k' },
    );
    const answer = await client.post('experiments/create', { name: 'e' });
    expect(answer).toEqual({ experiment_id: '7' });
    expect(client.requests).toBe(3);
    expect(calls[0]?.url).toBe('http://mlflow.test/base/api/2.0/mlflow/experiments/create');
    expect((calls[0]?.init.headers as Record<string, string>)['authorization']).toBe('Bearer t0k');
    expect(warnings[0]).toContain('answered 503; retrying');
    // Retry-After 2 s, scaled by 0.001.
    expect(warnings[1]).toContain('answered 429; retrying in 2 ms');
  });

  it('gives up after three retries with a one-line error naming the call and status', async () => {
    const { client } = clientOver(Array.from({ length: 4 }, () => json(502, { message: 'bad gateway' })));
    await expect(client.get('runs/get', { run_id: 'r' })).rejects.toThrow(
      'MLflow GET runs/get answered 502: bad gateway after 4 tries',
    );
  });

  it('never retries what the server refused, and says what to check', async () => {
    const { client } = clientOver([json(401, { error_code: 'UNAUTHENTICATED', message: 'no' })]);
    const failure = await client.get('experiments/get-by-name', { experiment_name: 'x' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(MlflowError);
    expect((failure as MlflowError).message).toBe(
      'MLflow GET experiments/get-by-name answered 401 UNAUTHENTICATED: no (the server did not accept the credentials: check MLFLOW_TRACKING_TOKEN (or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD))',
    );
    expect(client.requests).toBe(1);
    const { client: notMlflow } = clientOver([new Response('<html><h1>Not Found</h1></html>', { status: 404 })]);
    await expect(notMlflow.get('runs/get')).rejects.toThrow(
      `answered 404: Not Found (is ${ORIGIN} the address of an MLflow tracking server?)`,
    );
  });

  it('retries a dropped connection, then names the setting to check', async () => {
    const refused = () =>
      Object.assign(new TypeError('fetch failed'), {
        cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
      });
    const { client, warnings } = clientOver([refused(), refused(), refused(), refused()]);
    await expect(client.get('runs/get')).rejects.toThrow(
      `MLflow GET runs/get: the tracking server at http://mlflow.test/base could not be reached (ECONNREFUSED) after 4 tries; check ${ORIGIN}`,
    );
    expect(warnings).toHaveLength(3);
  });

  it('refuses an answer that is not a JSON object', async () => {
    const { client } = clientOver([new Response('<html>proxy login</html>', { status: 200 })]);
    await expect(client.get('runs/get')).rejects.toThrow('answered with something that is not JSON');
  });
});
