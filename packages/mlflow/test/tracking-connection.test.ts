import { describe, expect, it } from 'vitest';
import { UserError } from '@ml-actions/core';
import { modelVersionUrl, resolveTrackingConnection, runUrl } from '../src/tracking-connection.ts';

const ORIGIN = 'input "mlflow-tracking-uri"';

describe('resolveTrackingConnection', () => {
  it('takes a bearer token before basic authentication, and masks what it uses', () => {
    const bearer = resolveTrackingConnection(
      'https://mlflow.example.com/prefix/',
      { MLFLOW_TRACKING_TOKEN: 'tok', MLFLOW_TRACKING_USERNAME: 'u', MLFLOW_TRACKING_PASSWORD: 'p' },
      ORIGIN,
    );
    expect(bearer.apiBase).toBe('https://mlflow.example.com/prefix/api/2.0/mlflow');
    expect(bearer.authorization).toBe('Bearer tok');
    expect(bearer.secrets).toEqual(['tok']);
    const basic = resolveTrackingConnection(
      'http://127.0.0.1:5000',
      { MLFLOW_TRACKING_USERNAME: 'u', MLFLOW_TRACKING_PASSWORD: 'p' },
      ORIGIN,
    );
    expect(basic.authorization).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
    expect(basic.secrets).toContain('p');
    expect(resolveTrackingConnection('http://127.0.0.1:5000', {}, ORIGIN).authorization).toBeUndefined();
  });

  it('reads Databricks from DATABRICKS_HOST and DATABRICKS_TOKEN', () => {
    const connection = resolveTrackingConnection(
      'databricks',
      { DATABRICKS_HOST: 'adb-1.2.azuredatabricks.net', DATABRICKS_TOKEN: 'dapi' },
      ORIGIN,
    );
    expect(connection.apiBase).toBe('https://adb-1.2.azuredatabricks.net/api/2.0/mlflow');
    expect(connection.authorization).toBe('Bearer dapi');
    expect(runUrl(connection, '7', 'abc')).toBe('https://adb-1.2.azuredatabricks.net/ml/experiments/7/runs/abc');
    expect(() => resolveTrackingConnection('databricks', { DATABRICKS_HOST: 'h' }, ORIGIN)).toThrow(
      /DATABRICKS_TOKEN is not set/,
    );
  });

  it('turns an azureml:// URI into its https REST base', () => {
    const uri =
      'azureml://westeurope.api.azureml.ms/mlflow/v1.0/subscriptions/s/resourceGroups/g/providers/Microsoft.MachineLearningServices/workspaces/w';
    const connection = resolveTrackingConnection(uri, { MLFLOW_TRACKING_TOKEN: 'aad' }, ORIGIN);
    expect(connection.apiBase).toBe(`https://${uri.slice('azureml://'.length)}/api/2.0/mlflow`);
    expect(connection.flavour).toBe('azureml');
    expect(() => resolveTrackingConnection(uri, {}, ORIGIN)).toThrow(/MLFLOW_TRACKING_TOKEN/);
    expect(() =>
      resolveTrackingConnection('azureml://westeurope.api.azureml.ms/other', { MLFLOW_TRACKING_TOKEN: 'a' }, ORIGIN),
    ).toThrow(/not an Azure ML tracking URI/);
  });

  it('refuses what is not a server, naming the setting', () => {
    for (const uri of [
      'file:///tmp/mlruns',
      './mlruns',
      'sqlite:///db',
      'ftp://host',
      'not a url',
      'https://u:p@host',
      'https://host/?token=x',
    ]) {
      let caught: unknown;
      try {
        resolveTrackingConnection(uri, {}, ORIGIN);
      } catch (thrown: unknown) {
        caught = thrown;
      }
      expect(caught, uri).toBeInstanceOf(UserError);
      expect((caught as Error).message).toContain(uri.startsWith('https://u:p') ? 'MLFLOW_TRACKING_USERNAME' : ORIGIN);
    }
    expect(() => resolveTrackingConnection('http://h', { MLFLOW_TRACKING_USERNAME: 'u' }, ORIGIN)).toThrow(
      /only the user name is set/,
    );
  });

  it('links runs and model versions in the MLflow UI', () => {
    const connection = resolveTrackingConnection('http://127.0.0.1:5000/', {}, ORIGIN);
    expect(runUrl(connection, '1', 'r')).toBe('http://127.0.0.1:5000/#/experiments/1/runs/r');
    expect(modelVersionUrl(connection, 'churn model', '3')).toBe(
      'http://127.0.0.1:5000/#/models/churn%20model/versions/3',
    );
  });
});
