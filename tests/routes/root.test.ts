import { describe, expect, it } from "vitest";
import { loader } from "../../app/root";

const call = (context: Record<string, unknown>) =>
  loader({ request: new Request("http://localhost/planner"), params: {}, context }) as Promise<{
    demoExposed: boolean;
  }>;

describe("root loader: the demo banner", () => {
  it("is on only when the server says demo accounts are reachable beyond this machine", async () => {
    expect((await call({ demo: { enabled: true, exposed: true } })).demoExposed).toBe(true);
    expect((await call({ demo: { enabled: true, exposed: false } })).demoExposed).toBe(false);
    expect((await call({})).demoExposed).toBe(false);
    expect((await call({ demo: { exposed: "yes" } })).demoExposed).toBe(false);
  });
});
