import { describe, expect, it } from "vitest";
import { action, loader } from "../../app/routes/language";
import { callRoute, post } from "../utils/route";

describe("POST /language", () => {
  it("remembers the language in a cookie and goes back, dropping any ?lang= override", async () => {
    const result = await callRoute(
      action,
      post("/language", { lang: "en", redirectTo: "/planner?model=b2b&stage=growth" }),
    );
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/planner?model=b2b&stage=growth");
    const cookie = result.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^lang=/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
  });

  it("never redirects off the site", async () => {
    for (const target of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "/\t/evil.example/",
      "/\n/x",
      "/\u3000/x",
    ]) {
      const result = await callRoute(action, post("/language", { lang: "zh", redirectTo: target }));
      expect(result.headers.get("Location")).toBe("/");
    }
  });

  it("answers 400, not 500, to a body that is not a form", async () => {
    const request = new Request("http://localhost/language", {
      method: "POST",
      body: "--x\r\nbroken",
      headers: { "Content-Type": "multipart/form-data; boundary=x" },
    });
    const result = await callRoute(action, request);
    expect(result.status).toBe(400);
  });

  it("answers 400 naming the field for an unknown language", async () => {
    const result = await callRoute<{ errors: { lang: string } }>(
      action,
      post("/language", { lang: "fr", redirectTo: "/" }),
    );
    expect(result.status).toBe(400);
    expect(result.data.errors.lang).toContain("zh, en");
  });

  it("changes nothing on GET", async () => {
    const result = await callRoute(loader, new Request("http://localhost/language?lang=en"));
    expect(result.status).toBe(302);
    expect(result.headers.get("Set-Cookie")).toBeNull();
  });
});
