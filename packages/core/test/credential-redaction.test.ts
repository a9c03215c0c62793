import { describe, expect, it } from 'vitest';
import { isCredentialName, redactCommand, redactParams } from '../src/params/index.ts';

describe('credential-like names', () => {
  it.each([
    'api_key',
    'apiKey',
    'HF_TOKEN',
    'hftoken',
    'wandb.api-key',
    'dbPassword',
    'DB_PASSWD',
    'aws_secret_access_key',
    'client_secret',
    'credentials.json',
    'auth',
    'authToken',
    'authorization',
    'mlflow/auth',
    'private_key',
  ])('redacts %s', (name) => {
    expect(isCredentialName(name)).toBe(true);
  });

  it.each(['keyword', 'tokenizer', 'max_tokens', 'author', 'authors', 'monkey', 'learning_rate', 'keystone', 'seed'])(
    'keeps %s visible',
    (name) => {
      expect(isCredentialName(name)).toBe(false);
    },
  );

  it('adds names and globs from the redact input, case-insensitively', () => {
    expect(isCredentialName('hub_home', ['HUB_HOME'])).toBe(true);
    expect(isCredentialName('db.url', ['db.*'])).toBe(true);
    expect(isCredentialName('dbxurl', ['db.*'])).toBe(false);
    expect(isCredentialName('lr', ['db.*'])).toBe(false);
  });
});

describe('redactParams', () => {
  it('replaces the values, keeps the names and every other param', () => {
    expect(redactParams({ lr: 0.1, api_key: 'sk-live-123', 'model.token': 42, auth: null, tokenizer: 'bpe' })).toEqual({
      lr: 0.1,
      api_key: '***',
      'model.token': '***',
      auth: null,
      tokenizer: 'bpe',
    });
  });
});

describe('redactCommand', () => {
  it.each([
    ['python train.py --token abc123 --epochs 3', 'python train.py --token *** --epochs 3'],
    ['python train.py --api-key=sk-1 --lr=0.1', 'python train.py --api-key=*** --lr=0.1'],
    ['HF_TOKEN=hf_abc python train.py', 'HF_TOKEN=*** python train.py'],
    ['python t.py --password "two words" -k x', 'python t.py --password *** -k x'],
    ["env DB_PASSWORD='p w' make train && run --secret=$S", 'env DB_PASSWORD=*** make train && run --secret=***'],
    ['python t.py --use-auth --epochs 3', 'python t.py --use-auth --epochs 3'],
    ['python t.py --tokenizer bpe max_tokens=512 keyword=x', 'python t.py --tokenizer bpe max_tokens=512 keyword=x'],
  ])('%s', (command, expected) => {
    expect(redactCommand(command)).toBe(expected);
  });

  it('redacts names from the redact input', () => {
    expect(redactCommand('python t.py --hub-url https://u:p@hub --lr 1', ['hub-url'])).toBe(
      'python t.py --hub-url *** --lr 1',
    );
  });
});
