import { describe, expect, it } from "vitest";
import { changeEvents, eventForChannel, inScope } from "./routing";

describe("which channels hear about an incident", () => {
  const incident = { serviceIds: ["svc-checkout", "svc-search"], teamIds: ["team-payments", null] };

  it("matches a channel for one of the incident's services, one of their teams, or every incident", () => {
    expect(inScope({ serviceId: null, teamId: null }, incident)).toBe(true);
    expect(inScope({ serviceId: "svc-search", teamId: null }, incident)).toBe(true);
    expect(inScope({ serviceId: null, teamId: "team-payments" }, incident)).toBe(true);
  });

  it("ignores channels for other services and teams, and incidents without services for scoped channels", () => {
    expect(inScope({ serviceId: "svc-billing", teamId: null }, incident)).toBe(false);
    expect(inScope({ serviceId: null, teamId: "team-growth" }, incident)).toBe(false);
    expect(inScope({ serviceId: "svc-checkout", teamId: null }, { serviceIds: [], teamIds: [] })).toBe(false);
    expect(inScope({ serviceId: null, teamId: null }, { serviceIds: [], teamIds: [] })).toBe(true);
  });

  it("sends only the events a channel asked for; a resolve reaches a status-change-only channel once, as a status change", () => {
    expect(eventForChannel(["declared"], "declared")).toBe("declared");
    expect(eventForChannel(["declared"], "severity_changed")).toBeNull();
    expect(eventForChannel(["resolved", "status_changed"], "resolved")).toBe("resolved");
    expect(eventForChannel(["status_changed"], "resolved")).toBe("status_changed");
    expect(eventForChannel(["resolved"], "status_changed")).toBeNull();
  });

  it("turns an update's changed fields into events", () => {
    expect(changeEvents(["title", "summary"])).toEqual([]);
    expect(changeEvents(["severity"])).toEqual(["severity_changed"]);
    expect(changeEvents(["status"], "identified")).toEqual(["status_changed"]);
    expect(changeEvents(["severity", "status", "commander"], "resolved")).toEqual(["severity_changed", "resolved"]);
  });
});
