import { describe, expect, it } from 'vitest';
import { withoutUrlSecrets } from '../src/text/url-secrets.ts';

describe('withoutUrlSecrets', () => {
  it('removes userinfo, query and fragment from every URL in the text', () => {
    expect(
      withoutUrlSecrets(
        'Request cannot be constructed from a URL that includes credentials: https://bot:ghp_SECRET@api.example.com/repos/a/b?token=T2 see http://x.test/a#sig=F',
      ),
    ).toBe(
      'Request cannot be constructed from a URL that includes credentials: https://api.example.com/repos/a/b?*** see http://x.test/a?***',
    );
    expect(withoutUrlSecrets('upload to https://blob.test/c/x.zip?sv=2024&sig=abc%3D failed')).toBe(
      'upload to https://blob.test/c/x.zip?*** failed',
    );
  });

  it('leaves URLs without secrets, and an @ in a path, as they are', () => {
    expect(withoutUrlSecrets('see https://github.com/acme/ml/actions/runs/1 and https://h.test/u/@me')).toBe(
      'see https://github.com/acme/ml/actions/runs/1 and https://h.test/u/@me',
    );
    expect(withoutUrlSecrets('no url here: user:pass@host')).toBe('no url here: user:pass@host');
  });
});
