/**
 * The artifact bytes in Azurite, reached the way GitHub hands them out: through short-lived
 * SAS URLs signed with the account key. The service itself talks to Azurite directly.
 */
import { posix } from 'node:path';
import {
  BlobSASPermissions,
  BlobServiceClient,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
} from '@azure/storage-blob';
import type { ContainerClient } from '@azure/storage-blob';

export interface BlobAccount {
  blobUrl: string;
  accountName: string;
  accountKey: string;
}

const zipContentType = 'application/zip';

export class BlobStore {
  private readonly credential: StorageSharedKeyCredential;
  private readonly container: ContainerClient;

  constructor(account: BlobAccount, containerName = 'actions-results') {
    this.credential = new StorageSharedKeyCredential(account.accountName, account.accountKey);
    this.container = new BlobServiceClient(account.blobUrl, this.credential).getContainerClient(containerName);
  }

  /** Creates the container once; later calls are no-ops. */
  async ensureContainer(): Promise<void> {
    await this.container.createIfNotExists();
  }

  /** A URL that may create and write the blob (Put Block, Put Block List) for `validMinutes`. */
  uploadUrl(blobName: string, validMinutes = 60): string {
    return this.signedUrl(blobName, { permissions: BlobSASPermissions.parse('cw'), validMinutes });
  }

  /**
   * A read-only URL whose response names the file (Content-Disposition) and, for zipped artifacts
   * (blob names ending in `.zip`), says `application/zip` so the client unzips it.
   */
  downloadUrl(blobName: string, validMinutes = 60): string {
    const fileName = posix.basename(blobName);
    const zipped = fileName.toLowerCase().endsWith('.zip');
    return this.signedUrl(blobName, {
      permissions: BlobSASPermissions.parse('r'),
      validMinutes,
      contentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      ...(zipped ? { contentType: zipContentType } : {}),
    });
  }

  /** The committed size of a blob, or undefined when nothing was committed under that name. */
  async size(blobName: string): Promise<number | undefined> {
    try {
      const properties = await this.container.getBlobClient(blobName).getProperties();
      return properties.contentLength ?? 0;
    } catch (error) {
      if ((error as { statusCode?: unknown }).statusCode === 404) return undefined;
      throw error;
    }
  }

  async delete(blobName: string): Promise<void> {
    await this.container.getBlobClient(blobName).deleteIfExists();
  }

  private signedUrl(
    blobName: string,
    options: {
      permissions: BlobSASPermissions;
      validMinutes: number;
      contentDisposition?: string;
      contentType?: string;
    },
  ): string {
    const { permissions, validMinutes, ...headers } = options;
    const sas = generateBlobSASQueryParameters(
      {
        containerName: this.container.containerName,
        blobName,
        permissions,
        // A minute of slack for clocks that disagree, as GitHub's own URLs allow.
        startsOn: new Date(Date.now() - 60_000),
        expiresOn: new Date(Date.now() + validMinutes * 60_000),
        ...headers,
      },
      this.credential,
    );
    return `${this.container.getBlobClient(blobName).url}?${sas.toString()}`;
  }
}
