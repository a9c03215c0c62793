/**
 * The environment a job step needs for `@actions/artifact` to reach the local services.
 */

export interface ArtifactEnvOptions {
  /** The artifact service's URL (only its origin is used by the client). */
  serviceUrl: string;
  /** A runtime token, e.g. from `runtimeToken(...)`. */
  token: string;
  /** The repository's maximum retention (GITHUB_RETENTION_DAYS); default 90. */
  retentionDays?: number;
  /** How long an upload may make no progress before the client gives up; default 30 s (the client's own is 5 min). */
  uploadTimeoutMs?: number;
  /** Parallel block uploads (ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY); unset keeps the client's default of 5. */
  uploadConcurrency?: number;
}

/**
 * ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN, retention and upload-timeout variables, plus NO_PROXY
 * for loopback. GITHUB_SERVER_URL must stay unset or github.com: the client refuses other hosts.
 */
export function artifactEnv(options: ArtifactEnvOptions): Record<string, string> {
  const noProxy = ['127.0.0.1', 'localhost', ...(process.env['NO_PROXY'] ?? '').split(',').map((e) => e.trim())]
    .filter((e, i, all) => e !== '' && all.indexOf(e) === i)
    .join(',');
  return {
    ACTIONS_RESULTS_URL: `${new URL(options.serviceUrl).origin}/`,
    ACTIONS_RUNTIME_TOKEN: options.token,
    GITHUB_RETENTION_DAYS: String(options.retentionDays ?? 90),
    ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS: String(options.uploadTimeoutMs ?? 30_000),
    ...(options.uploadConcurrency === undefined
      ? {}
      : { ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY: String(options.uploadConcurrency) }),
    NO_PROXY: noProxy,
    no_proxy: noProxy,
  };
}
