import { describe, expect, it } from "vitest";
import { errorMeta, isUniqueViolation, prismaErrorCode } from "~/utils/db-errors";

describe("Prisma errors recognised by code (decision 0024)", () => {
  it("reads the code of any client's known request error, and nothing else", () => {
    // the PostgreSQL client's errors are another class: only their shape is shared
    class OtherClientsError extends Error {
      code = "P2002";
      meta = {
        modelName: "Member",
        driverAdapterError: { cause: { constraint: { fields: ["organisationId", "email"] } } },
      };
    }
    expect(prismaErrorCode(new OtherClientsError())).toBe("P2002");
    expect(isUniqueViolation(new OtherClientsError())).toBe(true);
    expect(errorMeta(new OtherClientsError())).toContain("email");
    expect(isUniqueViolation({ code: "P2025" })).toBe(false);
    expect(prismaErrorCode({ code: "23505" })).toBeNull(); // a driver's own code is not Prisma's
    expect(prismaErrorCode(new Error("plain"))).toBeNull();
    expect(prismaErrorCode(null)).toBeNull();
    expect(errorMeta("text")).toBe("{}");
  });
});
