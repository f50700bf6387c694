import { describe, expect, it } from "vitest";
import { actionItemsHref, isActionItemFiltered, isPostmortemFiltered, postmortemsHref, readActionItemQuery, readPostmortemQuery, toActionItemFilter, toPostmortemFilter } from "./list-query";

describe("postmortem list query", () => {
  it("reads the URL's filters, first value of each, trimmed", () => {
    const q = readPostmortemQuery({ status: ["in_review", "draft"], q: "  pool exhausted ", service: "checkout-api", tag: "DB", overdue: "1", other: "x" });
    expect(q).toEqual({ status: "in_review", q: "pool exhausted", service: "checkout-api", tag: "db", overdue: "1" });
    expect(toPostmortemFilter(q)).toEqual({ ok: true, filter: { status: ["in_review"], q: "pool exhausted", service: "checkout-api", tag: "db", overdue: true } });
    expect(isPostmortemFiltered(q)).toBe(true);
  });

  it("maps 'open' to draft and in review, and 'all' or nothing to every status", () => {
    expect(toPostmortemFilter(readPostmortemQuery({ status: "open" })).filter.status).toEqual(["draft", "in_review"]);
    expect(toPostmortemFilter(readPostmortemQuery({ status: "all" }))).toEqual({ ok: true, filter: {} });
    expect(toPostmortemFilter(readPostmortemQuery({}))).toEqual({ ok: true, filter: {} });
    expect(isPostmortemFiltered(readPostmortemQuery({ status: "all" }))).toBe(false);
  });

  it("ignores and reports values that are not valid", () => {
    const r = toPostmortemFilter(readPostmortemQuery({ status: "closed", service: "Not A Slug", tag: "a b", overdue: "maybe", q: "ok" }));
    expect(r).toEqual({ ok: false, filter: { q: "ok" } });
  });

  it("builds the list's URL with a filter changed", () => {
    const q = readPostmortemQuery({ q: "pool", tag: "db" });
    expect(postmortemsHref(q, { tag: "network" })).toBe("/postmortems?q=pool&tag=network");
    expect(postmortemsHref(readPostmortemQuery({}))).toBe("/postmortems");
  });
});

describe("action item query", () => {
  it("reads owner, team, service, category, status and overdue", () => {
    const q = readActionItemQuery({ owner: "rory@keel.example", team: "payments", service: "checkout-api", category: "detect", status: "open", overdue: "on" });
    expect(toActionItemFilter(q)).toEqual({
      ok: true,
      filter: { owner: "rory@keel.example", team: "payments", service: "checkout-api", category: "detect", status: ["open", "in_progress"], overdue: true },
    });
    expect(isActionItemFiltered(q)).toBe(true);
    expect(toActionItemFilter(readActionItemQuery({ status: "wont_do" })).filter.status).toEqual(["wont_do"]);
  });

  it("ignores and reports values that are not valid", () => {
    expect(toActionItemFilter(readActionItemQuery({ category: "blame", status: "lost", team: "No Team" }))).toEqual({ ok: false, filter: {} });
    expect(isActionItemFiltered(readActionItemQuery({}))).toBe(false);
  });

  it("builds the page's URL", () => {
    expect(actionItemsHref({ owner: "a@b.c", status: "" })).toBe("/postmortems/action-items?owner=a%40b.c");
    expect(actionItemsHref({})).toBe("/postmortems/action-items");
  });
});
