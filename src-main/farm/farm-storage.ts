/**
 * Where a farm keeps what its jobs read and write, reachable by the submitter and every worker:
 * input files by content key, job bundles, and outputs. One interface, so a store other than a
 * shared folder (an S3-compatible bucket) is one more implementation.
 */
export interface FarmStorage {
  /** For messages: where the storage is ("the shared folder /mnt/farm"). */
  readonly description: string;
  /** Stores a file under its content key (the same bytes are stored once); returns the key. */
  putInput(localPath: string, label: string): Promise<string>;
  /** Stores a bundle's text under its content key; returns the key. */
  putBundle(text: string): Promise<string>;
  readBundle(key: string): Promise<string>;
  /**
   * A local path holding the input with this key, its bytes checked against the key (a shared
   * folder gives its own file; a remote store would download into `scratchDir`).
   */
  localInput(key: string, label: string, scratchDir: string): Promise<string>;
  /**
   * Publishes a finished local file as the output `name`: written beside it as a hidden .part
   * named after `attemptToken` (job id + attempt), renamed onto the output only when complete.
   */
  putOutput(name: string, localPath: string, attemptToken: string): Promise<void>;
  /** Removes the .part files that earlier attempts of job `jobId` left (a killed worker's). */
  removeStaleParts(name: string, jobId: string): Promise<number>;
  /** Where the output `name` is, for the user (a path or a URL). */
  outputLocation(name: string): string;
}
