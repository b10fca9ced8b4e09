// The document is rendered with React 18's Node writer (renderToPipeableStream),
// which encodes text straight into 2,048-byte views. Its Web Streams writer
// (renderToReadableStream) encodes every string into a fresh array first and
// sends a separate chunk per 512 bytes: on the planner page that was ~10 % of
// the server's busy time in TextEncoder.encode plus the compression of many
// small chunks (measured with --cpu-prof; decision 0020).
//
// The Node writer has one bug (facebook/react#24985; fixed only in React 19):
// when the next character does not fit in the last one to three bytes of a
// view, it sends the whole view anyway, its unwritten bytes as NUL, and starts
// the next view with that character. Chinese is three bytes a character, so zh
// pages had a NUL at many 2 KB boundaries. `ViewTailRepair` below takes those
// unwritten bytes off again, so the bytes sent are exactly the rendered HTML.
import { Transform, type TransformCallback } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import type { ReactNode } from "react";
import { renderToPipeableStream } from "react-dom/server";

/** The size of React 18's Node writer's views (react-dom-server.node: VIEW_SIZE). */
export const VIEW_SIZE = 2048;

/** How many bytes the UTF-8 sequence that starts with `lead` has (1 for anything that is not a lead byte). */
function sequenceLength(lead: number): number {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

/**
 * Drops the unwritten tail of a view React sent too early. Such a view is a
 * whole VIEW_SIZE long, ends in zero bytes, and the very next chunk starts
 * with the character that did not fit: a lead byte of a sequence longer than
 * the gap. A full view is held back until the next chunk shows whether that is
 * so. (A U+0000 the page itself renders just before such a cut would go too;
 * browsers drop NUL from an HTML page's text anyway.)
 */
export class ViewTailRepair extends Transform {
  private held: Buffer | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    if (chunk.length === 0) return callback();
    if (this.held) {
      this.push(trimmedBefore(this.held, chunk));
      this.held = null;
    }
    if (chunk.length === VIEW_SIZE && chunk[VIEW_SIZE - 1] === 0) this.held = chunk;
    else this.push(chunk);
    callback();
  }

  override _flush(callback: TransformCallback) {
    if (this.held) this.push(this.held);
    this.held = null;
    callback();
  }
}

function trimmedBefore(view: Buffer, next: Buffer): Buffer {
  const longest = sequenceLength(next[0]) - 1;
  let zeros = 0;
  while (zeros < longest && view[view.length - 1 - zeros] === 0) zeros += 1;
  return zeros > 0 ? view.subarray(0, view.length - zeros) : view;
}

export type HtmlStream = ReadableStream<Uint8Array> & { allReady: Promise<void> };

/**
 * Renders a document as a stream of UTF-8 bytes. `waitForAll` (bots) holds
 * the first byte back until everything has rendered; `onError` hears every
 * render error, with whether the shell had already gone out. Aborting
 * `signal` stops the render (what is still pending renders on the client).
 */
export function renderHtmlStream(
  element: ReactNode,
  options: {
    waitForAll: boolean;
    signal?: AbortSignal;
    nonce?: string;
    onError: (error: unknown, afterShell: boolean) => void;
  },
): Promise<HtmlStream> {
  return new Promise<HtmlStream>((resolve, reject) => {
    let shellSent = false;
    let failed = false;
    let settleAllReady: () => void = () => {};
    const allReady = new Promise<void>((done) => (settleAllReady = done));
    const start = () => {
      shellSent = true;
      const body = new ViewTailRepair();
      const stream = createReadableStreamFromReadable(body) as HtmlStream;
      stream.allReady = allReady;
      resolve(stream);
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(element, {
      // the CSP nonce, on React's own inline scripts (decision 0010)
      nonce: options.nonce,
      onShellReady() {
        if (!options.waitForAll) start();
      },
      onAllReady() {
        settleAllReady();
        if (options.waitForAll && !failed) start();
      },
      onShellError(error) {
        failed = true;
        settleAllReady();
        reject(error);
      },
      onError(error) {
        options.onError(error, shellSent);
      },
    });
    if (options.signal?.aborted) abort(options.signal.reason);
    else options.signal?.addEventListener("abort", () => abort(options.signal?.reason), { once: true });
  });
}
