import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import type { LocalGitHub, StoredArtifact } from '@ml-actions/testkit';

/**
 * Registers a finalized artifact of a workflow run whose bytes are `zip`, stored in Azurite where
 * the artifact service serves it from: an artifact uploaded by someone else's (hostile) workflow.
 */
export async function plantArtifact(
  github: LocalGitHub,
  options: { runId: number; name: string; zip: Buffer },
): Promise<StoredArtifact> {
  const artifact = github.api.state.addArtifact({ runId: options.runId, name: options.name, size: options.zip.length });
  const credential = new StorageSharedKeyCredential(github.azurite.accountName, github.azurite.accountKey);
  const container = new BlobServiceClient(github.azurite.blobUrl, credential).getContainerClient('actions-results');
  await container.createIfNotExists();
  await container.getBlockBlobClient(artifact.blobName).uploadData(options.zip);
  return artifact;
}
