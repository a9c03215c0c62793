import { UserError } from '@ml-actions/core';

/** Where an MLflow tracking server is and how requests to it are authenticated. */
export interface TrackingConnection {
  /** The REST API's base, ending in `/api/2.0/mlflow` (no trailing slash). */
  apiBase: string;
  /** The server's web UI base, for links to runs and model versions. */
  uiBase: string;
  /** The `Authorization` header value, when the server wants one. */
  authorization: string | undefined;
  /** Values that must never be printed (tokens, passwords): the caller masks them. */
  secrets: string[];
  /** Which kind of server this is: links are laid out differently on Databricks and Azure ML. */
  flavour: 'mlflow' | 'databricks' | 'azureml';
  /** The setting the URI came from, for error messages (`input "mlflow-tracking-uri"`). */
  origin: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Resolves a tracking URI as MLflow's own clients do: an http(s) address (with
 * MLFLOW_TRACKING_TOKEN as a bearer token, else MLFLOW_TRACKING_USERNAME and
 * MLFLOW_TRACKING_PASSWORD as basic auth), `databricks` (DATABRICKS_HOST and DATABRICKS_TOKEN), or
 * an `azureml://` URI (its https REST base, with MLFLOW_TRACKING_TOKEN). `origin` names the setting
 * the URI came from in every error.
 */
export function resolveTrackingConnection(uri: string, env: Env, origin: string): TrackingConnection {
  const text = uri.trim();
  if (text === 'databricks' || text.startsWith('databricks://')) return databricks(env, origin);
  if (text.startsWith('azureml://')) return azureMl(text, env, origin);
  if (text.startsWith('file:') || text.startsWith('sqlite:') || text.startsWith('/') || text.startsWith('.')) {
    throw new UserError(
      `${origin} must be the address of an MLflow tracking server (http(s)://, databricks or azureml://), got a local store ${JSON.stringify(text)}: read an mlruns folder with input "metrics" instead`,
    );
  }
  const url = parseHttpUrl(text, origin);
  if (url.username !== '' || url.password !== '') {
    throw new UserError(
      `${origin} must not hold a user name or password: set MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD (from secrets) instead`,
    );
  }
  const base = withoutTrailingSlash(`${url.origin}${url.pathname}`);
  const token = nonEmpty(env['MLFLOW_TRACKING_TOKEN']);
  const user = nonEmpty(env['MLFLOW_TRACKING_USERNAME']);
  const password = nonEmpty(env['MLFLOW_TRACKING_PASSWORD']);
  if (token === undefined && (user === undefined) !== (password === undefined)) {
    throw new UserError(
      `MLflow basic authentication needs both MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD; only ${user === undefined ? 'the password' : 'the user name'} is set`,
    );
  }
  let authorization: string | undefined;
  const secrets: string[] = [];
  if (token !== undefined) {
    authorization = `Bearer ${token}`;
    secrets.push(token);
  } else if (user !== undefined && password !== undefined) {
    const encoded = Buffer.from(`${user}:${password}`).toString('base64');
    authorization = `Basic ${encoded}`;
    secrets.push(password, encoded);
  }
  return { apiBase: `${base}/api/2.0/mlflow`, uiBase: base, authorization, secrets, flavour: 'mlflow', origin };
}

function databricks(env: Env, origin: string): TrackingConnection {
  const host = nonEmpty(env['DATABRICKS_HOST']);
  const token = nonEmpty(env['DATABRICKS_TOKEN']);
  if (host === undefined || token === undefined) {
    throw new UserError(
      `${origin} is "databricks", which needs DATABRICKS_HOST and DATABRICKS_TOKEN in the environment; ${host === undefined ? 'DATABRICKS_HOST' : 'DATABRICKS_TOKEN'} is not set`,
    );
  }
  // Databricks workspace addresses are often written without their scheme.
  const url = parseHttpUrl(/^https?:\/\//.test(host) ? host : `https://${host}`, 'DATABRICKS_HOST');
  const base = withoutTrailingSlash(url.origin);
  return {
    apiBase: `${base}/api/2.0/mlflow`,
    uiBase: base,
    authorization: `Bearer ${token}`,
    secrets: [token],
    flavour: 'databricks',
    origin,
  };
}

/**
 * `azureml://<region>.api.azureml.ms/mlflow/v1.0/subscriptions/...` is served at the same path over
 * https; the token is an Azure access token, passed as MLFLOW_TRACKING_TOKEN.
 */
function azureMl(text: string, env: Env, origin: string): TrackingConnection {
  const url = parseHttpUrl(`https://${text.slice('azureml://'.length)}`, origin);
  if (!/\/mlflow\/v\d+(\.\d+)?\/subscriptions\//.test(url.pathname)) {
    throw new UserError(
      `${origin} is not an Azure ML tracking URI (azureml://<region>.api.azureml.ms/mlflow/v1.0/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.MachineLearningServices/workspaces/<workspace>), got ${JSON.stringify(text)}`,
    );
  }
  const token = nonEmpty(env['MLFLOW_TRACKING_TOKEN']);
  if (token === undefined) {
    throw new UserError(
      `${origin} is an Azure ML workspace, which needs an Azure access token in MLFLOW_TRACKING_TOKEN (after azure/login: az account get-access-token --resource https://management.azure.com --query accessToken -o tsv)`,
    );
  }
  const base = withoutTrailingSlash(`${url.origin}${url.pathname}`);
  return {
    apiBase: `${base}/api/2.0/mlflow`,
    uiBase: 'https://ml.azure.com',
    authorization: `Bearer ${token}`,
    secrets: [token],
    flavour: 'azureml',
    origin,
  };
}

function parseHttpUrl(text: string, origin: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UserError(`${origin} is not a valid address: ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError(`${origin} must be an http(s) address, databricks or azureml://, got ${JSON.stringify(text)}`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new UserError(`${origin} must not have a query or fragment, got ${JSON.stringify(text)}`);
  }
  return url;
}

function withoutTrailingSlash(text: string): string {
  return text.replace(/\/+$/, '');
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
}

/** The web UI's address of a run. */
export function runUrl(connection: TrackingConnection, experimentId: string, runId: string): string {
  const ids = `${encodeURIComponent(experimentId)}/runs/${encodeURIComponent(runId)}`;
  if (connection.flavour === 'databricks') return `${connection.uiBase}/ml/experiments/${ids}`;
  if (connection.flavour === 'azureml') return `${connection.uiBase}/experiments/id/${ids}`;
  return `${connection.uiBase}/#/experiments/${ids}`;
}

/** The web UI's address of a registered model's version. */
export function modelVersionUrl(connection: TrackingConnection, name: string, version: string): string {
  const path = `models/${encodeURIComponent(name)}/versions/${encodeURIComponent(version)}`;
  if (connection.flavour === 'databricks') return `${connection.uiBase}/ml/${path}`;
  if (connection.flavour === 'azureml') return `${connection.uiBase}/model/${encodeURIComponent(name)}:${version}`;
  return `${connection.uiBase}/#/${path}`;
}
