/**
 * The thread that writes the attachment workbooks (started by xlsx-thread.ts). It has a small heap of its own: in
 * the build's own thread, whose heap holds the whole site (gigabytes at 100,000 items), the compressor's buffers
 * made the collector sweep that heap again and again, and a workbook took seconds instead of tens of milliseconds.
 */
import { parentPort } from 'node:worker_threads';
import { tableXlsx } from './xlsx.ts';

export interface XlsxRequest {
  id: number;
  sheet: string;
  header: readonly string[];
  rows: readonly (readonly (string | number)[])[];
}
export type XlsxReply = { id: number; bytes: Uint8Array<ArrayBuffer> } | { id: number; error: string };

parentPort?.on('message', async ({ id, sheet, header, rows }: XlsxRequest) => {
  try {
    // A copy that owns its memory, handed over to the build's thread without another copy.
    const bytes = new Uint8Array(await tableXlsx(sheet, header, rows));
    parentPort!.postMessage({ id, bytes } satisfies XlsxReply, [bytes.buffer]);
  } catch (e) {
    parentPort!.postMessage({ id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies XlsxReply);
  }
});
