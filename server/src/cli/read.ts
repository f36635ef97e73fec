import { decodeArticle } from '../node/configFiles';

/** The text the engine sees (no BOM, as in the editor) and whether the file had one to write back. */
export function decodeFile(bytes: Buffer): { text: string; bom: boolean; binary: boolean } {
  return decodeArticle(bytes);
}

/** False for invalid UTF-8: the decoder replaced bytes with U+FFFD, so writing the text back would lose them. */
export function roundTrips(text: string, bom: boolean, bytes: Buffer): boolean {
  return Buffer.from((bom ? '\ufeff' : '') + text, 'utf8').equals(bytes);
}
