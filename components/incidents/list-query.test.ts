import { describe, expect, it } from "vitest";
import { isFiltered, listHref, readListQuery, toIncidentFilter } from "./list-query";

const q = (raw: Record<string, string | string[] | undefined>) => readListQuery(raw);

describe("incident list query", () => {
  it("reads the URL's filters, first value of a repeated one, trimmed", () => {
    expect(q({ status: ["open", "all"], q: "  db  " })).toEqual({ status: "open", severity: "", service: "", from: "", to: "", q: "db", limit: "", cursor: "" });
  });

  it("maps open to the unresolved statuses and all to no status filter", () => {
    expect(toIncidentFilter(q({ status: "open" })).filter.status).toEqual(["triaging", "investigating", "identified", "monitoring"]);
    expect(toIncidentFilter(q({ status: "all" })).filter.status).toBeUndefined();
    expect(toIncidentFilter(q({ status: "resolved" })).filter.status).toEqual(["resolved"]);
  });

  it("takes dates as whole UTC days, the end day included", () => {
    const { filter, ok } = toIncidentFilter(q({ from: "2025-03-01", to: "2025-03-31" }));
    expect(ok).toBe(true);
    expect(filter.from).toBe("2025-03-01T00:00:00.000Z");
    expect(filter.to).toBe("2025-04-01T00:00:00.000Z");
  });

  it("ignores every filter when one is not valid, and says so", () => {
    for (const raw of [{ status: "bogus" }, { severity: "SEV9" }, { from: "yesterday" }, { to: "2025-02-30x" }, { limit: "0" }]) {
      const { filter, ok } = toIncidentFilter(q({ ...raw, q: "db" }));
      expect(ok).toBe(false);
      expect(filter).toEqual({ limit: 25 });
    }
  });

  it("knows when the list is narrowed, and keeps filters across pages", () => {
    expect(isFiltered(q({ status: "all", cursor: "abc" }))).toBe(false);
    expect(isFiltered(q({ severity: "SEV1" }))).toBe(true);
    const query = q({ severity: "SEV2", q: "db pool", cursor: "old" });
    expect(listHref(query, "next")).toBe("/incidents?severity=SEV2&q=db+pool&cursor=next");
    expect(listHref(query, null)).toBe("/incidents?severity=SEV2&q=db+pool");
    expect(listHref(q({}), null)).toBe("/incidents");
  });
});
