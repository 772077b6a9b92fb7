/**
 * tableXlsx in a worker thread of its own (xlsx-worker.ts), one for the whole build, so writing a few thousand
 * workbooks does not slow with the size of the site. The worker runs the source file itself (Node strips its
 * types), found from the project root the build runs in, as the content folder is.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { XlsxReply } from './xlsx-worker.ts';

let worker: Worker | undefined;
let next = 0;
const waiting = new Map<number, { resolve: (bytes: Uint8Array<ArrayBuffer>) => void; reject: (e: Error) => void }>();

function start(): Worker {
  const w = new Worker(join(process.cwd(), 'src', 'lib', 'data', 'xlsx-worker.ts'));
  w.on('message', (reply: XlsxReply) => {
    const request = waiting.get(reply.id);
    waiting.delete(reply.id);
    // Idle, the worker does not keep the process alive.
    if (waiting.size === 0) w.unref();
    if ('error' in reply) request?.reject(new Error(reply.error));
    else request?.resolve(reply.bytes);
  });
  w.on('error', (e) => {
    for (const request of waiting.values()) request.reject(e);
    waiting.clear();
    worker = undefined;
  });
  return w;
}

/** The workbook of one attachment table, written in the worker thread. */
export function tableXlsxInThread(sheet: string, header: readonly string[], rows: readonly (readonly (string | number)[])[]): Promise<Uint8Array<ArrayBuffer>> {
  const w = (worker ??= start());
  const id = next++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.ref();
    try {
      w.postMessage({ id, sheet, header, rows });
    } catch (e) {
      waiting.delete(id);
      if (waiting.size === 0) w.unref();
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
