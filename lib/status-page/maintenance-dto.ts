/** What Keel shows of a scheduled maintenance: inside (the admin list and the API) and on /status. */
import type { MaintenancePhase } from "./maintenance-state";

/** A maintenance for signed-in users and API clients. */
export type MaintenanceDto = {
  id: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  phase: MaintenancePhase;
  cancelledAt: string | null;
  /** When subscribers were last emailed about it; null: never. */
  announcedAt: string | null;
  /** The affected services, by name; `public` false for one made private since. */
  services: { slug: string; name: string; public: boolean }[];
  version: number;
  createdBy: { name: string; email: string } | null;
  createdAt: string;
  updatedAt: string;
};

/** A maintenance on the public status page: public text, window and public components only. */
export type PublicMaintenance = {
  id: string;
  title: string;
  description: string;
  startsMs: number;
  endsMs: number;
  cancelledMs: number | null;
  phase: MaintenancePhase;
  components: { id: string; name: string }[];
  createdMs: number;
  updatedMs: number;
};
