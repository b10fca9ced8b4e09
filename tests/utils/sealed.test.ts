import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { forgetDataKeys, isSealed, seal, unseal } from "../../app/utils/sealed.server";

const key = () => randomBytes(32).toString("base64");
const before = process.env.DATA_KEY;

afterEach(() => {
  if (before === undefined) delete process.env.DATA_KEY;
  else process.env.DATA_KEY = before;
  forgetDataKeys();
});

describe("sealed secrets (AES-256-GCM at rest)", () => {
  it("opens what it sealed, and seals the same value differently each time", () => {
    process.env.DATA_KEY = key();
    forgetDataKeys();
    const a = seal("JBSWY3DPEHPK3PXP");
    const b = seal("JBSWY3DPEHPK3PXP");
    expect(isSealed(a)).toBe(true);
    expect(a).not.toBe(b);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(unseal(a)).toBe("JBSWY3DPEHPK3PXP");
    expect(unseal(b)).toBe("JBSWY3DPEHPK3PXP");
  });

  it("refuses a changed value or another key's, instead of answering garbage", () => {
    process.env.DATA_KEY = key();
    forgetDataKeys();
    const sealed = seal("secret");
    const parts = sealed.split(":");
    const body = Buffer.from(parts[5], "base64url");
    body[0] ^= 1;
    parts[5] = body.toString("base64url");
    expect(unseal(parts.join(":"))).toBeNull();
    process.env.DATA_KEY = key();
    forgetDataKeys();
    expect(unseal(sealed)).toBeNull();
  });

  it("rotates: a new key first seals, the old one still opens", () => {
    const old = key();
    process.env.DATA_KEY = old;
    forgetDataKeys();
    const sealedBefore = seal("before");
    const fresh = key();
    process.env.DATA_KEY = `${fresh},${old}`;
    forgetDataKeys();
    expect(unseal(sealedBefore)).toBe("before");
    const sealedAfter = seal("after");
    process.env.DATA_KEY = fresh;
    forgetDataKeys();
    expect(unseal(sealedAfter)).toBe("after");
    expect(unseal(sealedBefore)).toBeNull();
  });

  it("reads a value stored before sealing as it is", () => {
    expect(unseal("JBSWY3DPEHPK3PXP")).toBe("JBSWY3DPEHPK3PXP");
  });

  it("refuses a key that is not 32 bytes", () => {
    process.env.DATA_KEY = Buffer.from("short").toString("base64");
    forgetDataKeys();
    expect(() => seal("x")).toThrow(/32 random bytes/);
  });
});
