import { describe, expect, it } from "vitest";
import { z } from "zod";
import { allMessagesOf, parseForm } from "../../app/utils/forms";

const schema = z.object({ name: z.string(), departments: z.array(z.string()).default([]) });
const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe("parseForm", () => {
  it("parses a plain submission", () => {
    expect(
      parseForm(
        form([
          ["name", "Ada"],
          ["departments", "a"],
          ["departments", "b"],
        ]),
        schema,
        { messages: "x" },
      ),
    ).toMatchObject({ status: "success", value: { name: "Ada", departments: ["a", "b"] } });
  });

  it("never reads conform's requests as a submission, however they are written", () => {
    for (const intent of [
      JSON.stringify({ type: "validate", payload: { name: "name" } }),
      JSON.stringify({ type: "update", payload: { name: "name", value: "Eve" } }),
      JSON.stringify({ type: "insert", payload: { name: "departments", defaultValue: "x" } }),
      JSON.stringify({ type: "remove", payload: { name: "departments", index: 0 } }),
      "' OR 1=1 --",
      "",
    ]) {
      const submission = parseForm(
        form([
          ["name", "Ada"],
          ["departments", "a"],
          ["__intent__", intent],
        ]),
        schema,
        { messages: "x" },
      );
      expect(submission.status, intent).toBeUndefined();
      expect(submission.payload).toMatchObject({ name: "Ada" });
    }
  });

  it("keeps a list change of a known list, within the index bound", () => {
    const insert = parseForm(
      form([
        ["name", "Ada"],
        ["departments[0]", "a"],
        ["__intent__", JSON.stringify({ type: "insert", payload: { name: "departments" } })],
      ]),
      schema,
      { messages: "x" },
    );
    expect(insert.payload).toMatchObject({ departments: ["a", undefined] });
    const far = parseForm(
      form([
        ["name", "Ada"],
        ["departments[100]", "a"],
      ]),
      schema,
      { messages: "x", maxIndex: 9 },
    );
    expect(far.payload).toEqual({ name: "Ada" });
  });

  it("gives keys, never zod's English, for what the schema did not name", () => {
    const submission = parseForm(form([]), schema, { messages: "feature.errors" });
    expect(submission.status).toBe("error");
    expect(submission.status === "error" && submission.error).toEqual({ name: ["feature.errors.required"] });
  });
});

describe("allMessagesOf", () => {
  it("lists the form's and every field's messages of an answer, and none before a submit", () => {
    const submission = parseForm(form([]), schema, { messages: "feature.errors" });
    const lastResult = submission.reply({ formErrors: ["feature.errors.stale"] });
    expect(allMessagesOf(lastResult).sort()).toEqual(["feature.errors.required", "feature.errors.stale"]);
    expect(allMessagesOf(undefined)).toEqual([]);
    expect(allMessagesOf({ error: { name: null } })).toEqual([]);
  });
});
