import { describe, expect, it } from "vitest";
import {
  actionItemInputSchema,
  actionItemPatchSchema,
  closedAtAfter,
  closureRate,
  dueDayEnd,
  isCalendarDay,
  isOverdue,
  medianTimeToClose,
  statusCounts,
  type ActionItem,
  type ActionStatus,
} from "./action-items";

const errors = (input: unknown, schema: typeof actionItemInputSchema | typeof actionItemPatchSchema = actionItemInputSchema) => {
  const r = schema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("action item input", () => {
  it("accepts the API's shape and fills the defaults", () => {
    expect(actionItemInputSchema.parse({ title: "  Add a retry budget ", category: "prevent", priority: "P1" })).toEqual({ title: "Add a retry budget", category: "prevent", priority: "P1", status: "open" });
    expect(
      actionItemInputSchema.parse({ title: "Alert", category: "detect", priority: "P0", owner: "bob@example.com", dueDate: "2024-02-29", status: "in_progress", link: "https://tracker.example.com/T-1" }),
    ).toMatchObject({ owner: "bob@example.com", dueDate: "2024-02-29", link: "https://tracker.example.com/T-1" });
  });

  it("reads empty form fields as not given", () => {
    expect(actionItemInputSchema.parse({ title: "x", category: "recover", priority: "P2", owner: "", dueDate: " ", link: "" })).toEqual({
      title: "x",
      category: "recover",
      priority: "P2",
      owner: null,
      dueDate: null,
      link: null,
      status: "open",
    });
  });

  it.each([
    [{ category: "prevent", priority: "P1" }, "title", "Title is required."],
    [{ title: "  ", category: "prevent", priority: "P1" }, "title", "Title is required."],
    [{ title: "x".repeat(301), category: "prevent", priority: "P1" }, "title", "A title is at most 300 characters."],
    [{ title: "x", category: "fix", priority: "P1" }, "category", "Category is prevent, detect or recover."],
    [{ title: "x", category: "prevent", priority: "P3" }, "priority", "Priority is P0, P1 or P2."],
    [{ title: "x", category: "prevent", priority: "P1", status: "closed" }, "status", "Status is open, in_progress, done or wont_do."],
    [{ title: "x", category: "prevent", priority: "P1", dueDate: "2025-02-29" }, "dueDate", "Give the due date as a calendar day, e.g. 2025-03-14."],
    [{ title: "x", category: "prevent", priority: "P1", dueDate: "14/03/2025" }, "dueDate", "Give the due date as a calendar day, e.g. 2025-03-14."],
    [{ title: "x", category: "prevent", priority: "P1", link: "javascript:alert(1)" }, "link", "Give an http or https URL, e.g. https://grafana.example.com/d/abc."],
    [{ title: "x", category: "prevent", priority: "P1", link: "ftp://files.example.com" }, "link", "Give an http or https URL, e.g. https://grafana.example.com/d/abc."],
    [{ title: "x", category: "prevent", priority: "P1", extra: 1 }, "", 'Unrecognized key: "extra"'],
  ])("refuses %j", (input, path, message) => {
    expect(errors(input)[path]).toBe(message);
  });

  it("patch: changes only what is sent (no default status), null clears, and needs the version", () => {
    expect(actionItemPatchSchema.parse({ version: 2, title: "New" })).toEqual({ version: 2, title: "New" });
    expect(actionItemPatchSchema.parse({ version: 2, owner: null, dueDate: "", link: null })).toEqual({ version: 2, owner: null, dueDate: null, link: null });
    expect(errors({ title: "x" }, actionItemPatchSchema)).toEqual({ version: "The version the edit was based on is required." });
    expect(errors({ version: 1, status: "nope" }, actionItemPatchSchema)).toEqual({ status: "Status is open, in_progress, done or wont_do." });
  });
});

describe("isCalendarDay", () => {
  it.each([
    ["2024-02-29", true],
    ["2025-02-29", false],
    ["2025-04-31", false],
    ["2025-12-31", true],
    ["2025-13-01", false],
    ["2025-1-01", false],
    ["2025-01-01T00:00:00Z", false],
  ])("%s → %s", (v, ok) => expect(isCalendarDay(v)).toBe(ok));
});

const ai = (status: ActionStatus, createdAt: string, closedAt: string | null = null): Pick<ActionItem, "status" | "createdAt" | "closedAt"> => ({ status, createdAt, closedAt });
const H = 3_600_000;

describe("closure figures", () => {
  it("closure rate counts done and won't do as closed; null without items", () => {
    expect(closureRate([])).toBeNull();
    const items = [ai("done", "2025-03-01T00:00:00Z"), ai("wont_do", "2025-03-01T00:00:00Z"), ai("open", "2025-03-01T00:00:00Z"), ai("in_progress", "2025-03-01T00:00:00Z")];
    expect(closureRate(items)).toBe(2 / 4);
    expect(closureRate(items.slice(0, 2))).toBe(1);
    expect(statusCounts(items)).toEqual({ open: 1, in_progress: 1, done: 1, wont_do: 1 });
  });

  it("median time to close: done items only, odd and even counts, null without any", () => {
    const t0 = "2025-03-01T00:00:00.000Z";
    const at = (h: number) => new Date(Date.parse(t0) + h * H).toISOString();
    expect(medianTimeToClose([])).toBeNull();
    expect(medianTimeToClose([ai("wont_do", t0, at(1)), ai("open", t0)])).toBeNull();
    // Done after 10 h, 30 h, 2 h → sorted 2, 10, 30 → 10 h. The won't-do closed after 1 h is not counted.
    const odd = [ai("done", t0, at(10)), ai("done", t0, at(30)), ai("done", t0, at(2)), ai("wont_do", t0, at(1))];
    expect(medianTimeToClose(odd)).toBe(10 * H);
    // Plus 40 h → 2, 10, 30, 40 → (10 + 30) / 2 = 20 h.
    expect(medianTimeToClose([...odd, ai("done", t0, at(40))])).toBe(20 * H);
  });

  it("median: a done item without a close time is skipped; a close before creation counts as zero", () => {
    const t0 = "2025-03-01T00:00:00.000Z";
    expect(medianTimeToClose([ai("done", t0, null), ai("done", t0, "2025-02-28T00:00:00.000Z")])).toBe(0);
  });

  it("matches a brute-force median over random data", () => {
    let seed = 3;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let run = 0; run < 100; run++) {
      const items = Array.from({ length: 1 + Math.floor(rnd() * 9) }, () => {
        const created = Date.parse("2025-01-01T00:00:00Z") + Math.floor(rnd() * 1000) * H;
        const status = (["open", "in_progress", "done", "wont_do"] as const)[Math.floor(rnd() * 4)];
        return ai(status, new Date(created).toISOString(), status === "done" || status === "wont_do" ? new Date(created + Math.floor(rnd() * 500) * H).toISOString() : null);
      });
      const spans = items.filter((i) => i.status === "done").map((i) => Date.parse(i.closedAt!) - Date.parse(i.createdAt));
      // Brute force: the value with at least half the spans on each side, averaged over the candidates.
      const candidates = spans.filter((v) => spans.filter((x) => x <= v).length >= spans.length / 2 && spans.filter((x) => x >= v).length >= spans.length / 2);
      const expected = spans.length ? (Math.min(...candidates) + Math.max(...candidates)) / 2 : null;
      expect(medianTimeToClose(items)).toBe(expected);
    }
  });
});

describe("closedAtAfter", () => {
  const now = Date.parse("2025-03-05T12:00:00Z");
  it("sets the close time on closing, keeps it between closed states, clears it on reopening", () => {
    expect(closedAtAfter("open", "done", null, now)).toBe("2025-03-05T12:00:00.000Z");
    expect(closedAtAfter("in_progress", "wont_do", null, new Date(now))).toBe("2025-03-05T12:00:00.000Z");
    expect(closedAtAfter("done", "wont_do", "2025-03-04T00:00:00.000Z", now)).toBe("2025-03-04T00:00:00.000Z");
    expect(closedAtAfter("done", "open", "2025-03-04T00:00:00.000Z", now)).toBeNull();
    expect(closedAtAfter("open", "in_progress", null, now)).toBeNull();
  });
});

describe("isOverdue (action items)", () => {
  const item = (status: ActionStatus, dueDate: string | null) => ({ status, dueDate });

  it("is overdue from the end of the due day (UTC by default), while open or in progress", () => {
    expect(isOverdue(item("open", "2025-03-14"), Date.parse("2025-03-14T23:59:59Z"))).toBe(false);
    expect(isOverdue(item("open", "2025-03-14"), Date.parse("2025-03-15T00:00:00Z"))).toBe(true);
    expect(isOverdue(item("in_progress", "2025-03-14"), new Date("2025-04-01T00:00:00Z"))).toBe(true);
    expect(isOverdue(item("done", "2025-03-14"), Date.parse("2025-04-01T00:00:00Z"))).toBe(false);
    expect(isOverdue(item("wont_do", "2025-03-14"), Date.parse("2025-04-01T00:00:00Z"))).toBe(false);
    expect(isOverdue(item("open", null), Date.parse("2099-01-01T00:00:00Z"))).toBe(false);
    expect(isOverdue(item("open", "garbage"), Date.parse("2099-01-01T00:00:00Z"))).toBe(false);
  });

  it("uses the given time zone's midnight", () => {
    // Europe/Berlin is UTC+1 in March before the switch: the 14th ends at 23:00 UTC.
    expect(dueDayEnd("2025-03-14", "Europe/Berlin")).toBe(Date.parse("2025-03-14T23:00:00Z"));
    expect(isOverdue(item("open", "2025-03-14"), Date.parse("2025-03-14T23:30:00Z"), "Europe/Berlin")).toBe(true);
    // America/New_York on 2025-03-09 (DST starts): the day ends at 2025-03-10 00:00 EDT = 04:00 UTC.
    expect(dueDayEnd("2025-03-09", "America/New_York")).toBe(Date.parse("2025-03-10T04:00:00Z"));
    // Month end rolls over.
    expect(dueDayEnd("2025-03-31")).toBe(Date.parse("2025-04-01T00:00:00Z"));
    expect(dueDayEnd("2024-12-31")).toBe(Date.parse("2025-01-01T00:00:00Z"));
  });
});
