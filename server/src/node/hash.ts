import { createHash } from 'node:crypto';

/** Hex SHA-1 of bytes or text: what the CLI's cache and the workspace scan key files by. */
export function sha1(data: Buffer | string): string {
  return createHash('sha1').update(data).digest('hex');
}
