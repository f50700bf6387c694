import { describe, expect, it } from "vitest";
import { slugFromTitle } from "./slug";

describe("slugFromTitle", () => {
  it("lowercases, drops accents and joins words with single hyphens, at most 63 characters", () => {
    expect(slugFromTitle("Database connection exhaustion!")).toBe("database-connection-exhaustion");
    expect(slugFromTitle("  Café -- Paiement  ")).toBe("cafe-paiement");
    expect(slugFromTitle("")).toBe("");
    const long = slugFromTitle("word ".repeat(30));
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long.endsWith("-")).toBe(false);
  });
});
