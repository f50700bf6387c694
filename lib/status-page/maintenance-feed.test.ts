import { describe, expect, it } from "vitest";
import type { PublicMaintenance } from "./maintenance-dto";
import { atomFeed, type FeedEntry } from "./feed";
import { maintenanceAtomEntry, maintenanceUpdatedMs } from "./maintenance-feed";

const H = 3_600_000;
const NOW = Date.parse("2026-03-10T12:00:00Z");
const m = (p: Partial<PublicMaintenance> = {}): PublicMaintenance => ({
  id: "0b7a3c1e-5f2d-4c8b-9a6e-1d2f3a4b5c6d",
  title: "Database <upgrade> & more",
  description: "Checkout may be slow.",
  startsMs: NOW + 24 * H,
  endsMs: NOW + 26 * H,
  cancelledMs: null,
  phase: "scheduled",
  components: [{ id: "c1", name: "Checkout API" }, { id: "c2", name: "Search" }],
  createdMs: NOW - 48 * H,
  updatedMs: NOW - 47 * H,
  ...p,
});

describe("maintenance in the Atom feed", () => {
  it("dates an entry by its last edit, start or end that has happened", () => {
    expect(maintenanceUpdatedMs(m(), NOW)).toBe(NOW - 47 * H);
    expect(maintenanceUpdatedMs(m({ startsMs: NOW - H, endsMs: NOW + H }), NOW)).toBe(NOW - H);
    expect(maintenanceUpdatedMs(m({ startsMs: NOW - 3 * H, endsMs: NOW - 2 * H }), NOW)).toBe(NOW - 2 * H);
    expect(maintenanceUpdatedMs(m({ cancelledMs: NOW - 5 * H, updatedMs: NOW - 5 * H, startsMs: NOW - 3 * H, endsMs: NOW - 2 * H }), NOW)).toBe(NOW - 5 * H);
  });

  it("has a fixed id on /status, the state in the title and the window in UTC, escaped", () => {
    const e = maintenanceAtomEntry("https://status.example.com", m({ phase: "in_progress" }), NOW);
    expect(e.url).toBe("https://status.example.com/status#maintenance-0b7a3c1e-5f2d-4c8b-9a6e-1d2f3a4b5c6d");
    expect(e.title).toBe("Scheduled maintenance: Database <upgrade> & more — In progress");
    expect(e.content).toBe("Status: In progress\nCheckout may be slow.\n\nWindow: 11 Mar 2026, 12:00 to 14:00 UTC (2 h)\nAffected: Checkout API, Search");
    expect(e.publishedMs).toBe(NOW - 48 * H);

    const update: FeedEntry = { id: 5, incidentNumber: 7, title: "Partial outage: Search", status: "Investigating", body: "Slow.", atMs: NOW - 46 * H };
    const xml = atomFeed({ baseUrl: "https://status.example.com", title: "System status", entries: [update], announcements: [e], nowMs: NOW });
    const entries = [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((x) => x[1]);
    // Newest first: the maintenance was last edited before the update was posted.
    expect(entries[0]).toContain("#update-5</id>");
    expect(entries[1]).toContain("<title>Scheduled maintenance: Database &lt;upgrade&gt; &amp; more — In progress</title>");
    expect(entries[1]).toContain(`<published>${new Date(NOW - 48 * H).toISOString()}</published>`);
    expect(xml).toContain(`<updated>${new Date(NOW - 46 * H).toISOString()}</updated>`);
  });
});
