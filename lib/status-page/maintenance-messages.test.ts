import { describe, expect, it } from "vitest";
import { maintenanceMessage, type MaintenanceMailInput } from "./maintenance-messages";

const input: MaintenanceMailInput = {
  baseUrl: "https://status.example.com",
  kind: "scheduled",
  id: "0b7a3c1e-5f2d-4c8b-9a6e-1d2f3a4b5c6d",
  title: "Database upgrade",
  description: "Orders may take longer to confirm.",
  startsMs: Date.parse("2026-03-03T23:00:00Z"),
  endsMs: Date.parse("2026-03-04T01:00:00Z"),
  componentNames: ["Checkout API", "Payments"],
  unsubscribeToken: "sub-id.mac",
};

describe("maintenance emails", () => {
  it("announce the window in UTC, the components, a link to /status and a one-click unsubscribe", () => {
    const mail = maintenanceMessage(input);
    expect(mail.subject).toBe("[Scheduled maintenance] Database upgrade");
    expect(mail.text.split("\n")).toEqual([
      "We have scheduled maintenance. Database upgrade",
      "",
      "Orders may take longer to confirm.",
      "",
      "Window: 3 Mar 2026, 23:00 UTC to 4 Mar 2026, 01:00 UTC (2 h)",
      "Affected: Checkout API, Payments",
      "Details: https://status.example.com/status#maintenance-0b7a3c1e-5f2d-4c8b-9a6e-1d2f3a4b5c6d",
      "",
      "You receive this because you subscribed to status updates. Unsubscribe: https://status.example.com/status/unsubscribe?token=sub-id.mac",
    ]);
    expect(mail.headers).toEqual({ "List-Unsubscribe": "<https://status.example.com/status/unsubscribe/one-click?token=sub-id.mac>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
  });

  it("say what changed: a new window (with the old one), other components, or a cancellation", () => {
    const moved = maintenanceMessage({ ...input, kind: "rescheduled", description: "", previous: { startsMs: Date.parse("2026-03-02T10:00:00Z"), endsMs: Date.parse("2026-03-02T11:00:00Z") } });
    expect(moved.subject).toBe("[Maintenance rescheduled] Database upgrade");
    expect(moved.text).toContain("Previously: 2 Mar 2026, 10:00 to 11:00 UTC (1 h)");
    expect(moved.text).not.toContain("\n\n\n");
    expect(maintenanceMessage({ ...input, kind: "updated" }).subject).toBe("[Maintenance updated] Database upgrade");
    const off = maintenanceMessage({ ...input, kind: "cancelled", previous: { startsMs: 0, endsMs: 1 } });
    expect(off.subject).toBe("[Maintenance cancelled] Database upgrade");
    expect(off.text).toContain("is cancelled");
    expect(off.text).not.toContain("Previously");
  });
});
