import { PassThrough } from "node:stream";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { renderHtmlStream, VIEW_SIZE, ViewTailRepair } from "../../app/utils/html-stream.server";

/**
 * Many short Chinese text nodes (3 bytes a character, one 4-byte emoji), shifted
 * by 0 to 5 ASCII bytes so that characters straddle the renderer's 2,048-byte
 * views in every possible way.
 */
function page(shift: number) {
  return (
    <main>
      <p>{"x".repeat(shift)}</p>
      <ul>
        {Array.from({ length: 400 }, (_, i) => (
          <li key={i}>
            {`第${i}项：由王芳负责，能力差距${i % 5}级（熟练）`}
            {i % 37 === 0 ? "🙂" : null}
          </li>
        ))}
      </ul>
    </main>
  );
}
const SHIFTS = [0, 1, 2, 3, 4, 5];

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const utf8 = (bytes: Buffer) => new TextDecoder("utf-8", { fatal: true }).decode(bytes);

describe("the streamed HTML document", () => {
  it.each(SHIFTS)("has no NUL byte, is valid UTF-8 and is exactly the rendered HTML (shift %i)", async (shift) => {
    const errors: unknown[] = [];
    const stream = await renderHtmlStream(page(shift), { waitForAll: false, onError: (error) => errors.push(error) });
    const bytes = await bytesOf(stream);
    expect(bytes.length).toBeGreaterThan(8 * 2048);
    expect(bytes.indexOf(0)).toBe(-1);
    expect(utf8(bytes)).toBe(renderToString(page(shift)));
    expect(errors).toEqual([]);
  });

  it("waits for everything when asked (bots), and still streams the same bytes", async () => {
    const stream = await renderHtmlStream(page(1), { waitForAll: true, onError: () => {} });
    expect(utf8(await bytesOf(stream))).toBe(renderToString(page(1)));
  });
});

/** What the repair passes on for these chunks, written one by one. */
async function repaired(chunks: Buffer[]): Promise<Buffer> {
  const repair = new ViewTailRepair();
  const out: Buffer[] = [];
  repair.on("data", (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((resolve) => repair.on("end", resolve));
  for (const chunk of chunks) repair.write(chunk);
  repair.end();
  await ended;
  return Buffer.concat(out);
}

/** A view of VIEW_SIZE bytes: `text` and then `zeros` unwritten bytes. */
function view(text: string, zeros: number): Buffer {
  const bytes = Buffer.alloc(VIEW_SIZE);
  const written = bytes.write(text);
  expect(written).toBe(VIEW_SIZE - zeros);
  return bytes;
}

describe("ViewTailRepair: the unwritten tail of a view React sent too early", () => {
  it.each([1, 2])("drops %i unwritten bytes before the Chinese character that did not fit", async (zeros) => {
    const cut = view("a".repeat(VIEW_SIZE - zeros), zeros);
    const next = Buffer.from("中文</p>");
    expect(utf8(await repaired([cut, next]))).toBe(`${"a".repeat(VIEW_SIZE - zeros)}中文</p>`);
  });

  it("drops 3 unwritten bytes before a 4-byte emoji, and 1 before a 2-byte character", async () => {
    const emoji = await repaired([view("b".repeat(VIEW_SIZE - 3), 3), Buffer.from("🙂!")]);
    expect(utf8(emoji)).toBe(`${"b".repeat(VIEW_SIZE - 3)}🙂!`);
    const accent = await repaired([view("c".repeat(VIEW_SIZE - 1), 1), Buffer.from("é")]);
    expect(utf8(accent)).toBe(`${"c".repeat(VIEW_SIZE - 1)}é`);
  });

  it("passes everything else through unchanged: full views, short chunks, a NUL before ASCII, the last chunk", async () => {
    const full = Buffer.from("d".repeat(VIEW_SIZE));
    const nulThenAscii = view(`${"e".repeat(VIEW_SIZE - 1)}`, 1);
    const chunks = [Buffer.from("<p>"), full, nulThenAscii, Buffer.from("ascii"), view("f".repeat(VIEW_SIZE - 2), 2)];
    expect((await repaired(chunks)).equals(Buffer.concat(chunks))).toBe(true);
  });
});

describe("why the Node writer's output goes through ViewTailRepair", () => {
  // React 18's Node writer sends a whole 2,048-byte view when the next
  // character does not fit, unwritten bytes and all (facebook/react#24985).
  // Once React is upgraded past the bug this fails: then html-stream.server
  // can drop ViewTailRepair.
  it("React 18's Node writer puts NUL bytes into Chinese pages", async () => {
    const withNul = await Promise.all(
      SHIFTS.map(
        (shift) =>
          new Promise<Buffer>((resolve, reject) => {
            const { pipe } = renderToPipeableStream(page(shift), {
              onAllReady() {
                const body = new PassThrough();
                const chunks: Buffer[] = [];
                body.on("data", (chunk: Buffer) => chunks.push(chunk));
                body.on("end", () => resolve(Buffer.concat(chunks)));
                pipe(body);
              },
              onShellError: reject,
            });
          }),
      ),
    );
    expect(withNul.some((bytes) => bytes.includes(0))).toBe(true);
  });
});
