// React 18's Node writer (renderToPipeableStream) packs text into 2,048-byte
// views and, when the next character does not fit in the last one or two bytes
// of a view, sends the whole view anyway: the unwritten bytes go out as NUL
// (facebook/react#24985; fixed only in React 19). Chinese is three bytes a
// character, so zh pages had a NUL at many 2 KB boundaries. The Web Streams
// writer of the same release encodes every string whole and has no such path,
// so the document is rendered with it.
import type { ReactNode } from "react";
import type { ReactDOMServerReadableStream } from "react-dom/server";
import { renderToReadableStream } from "react-dom/server.browser";

/**
 * Renders a document as a stream of UTF-8 bytes. `waitForAll` (bots) holds
 * the first byte back until everything has rendered; `onError` hears every
 * render error, with whether the shell had already gone out.
 */
export async function renderHtmlStream(
  element: ReactNode,
  options: {
    waitForAll: boolean;
    signal?: AbortSignal;
    nonce?: string;
    onError: (error: unknown, afterShell: boolean) => void;
  },
): Promise<ReactDOMServerReadableStream> {
  let shellSent = false;
  const stream = await renderToReadableStream(element, {
    signal: options.signal,
    // the CSP nonce, on React's own inline scripts (decision 0010)
    nonce: options.nonce,
    onError: (error) => options.onError(error, shellSent),
  });
  shellSent = true;
  if (options.waitForAll) await stream.allReady;
  return stream;
}
