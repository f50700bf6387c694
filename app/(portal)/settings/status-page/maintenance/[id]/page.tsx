import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getMaintenance, maintenanceComponentChoices } from "@/lib/status-page/maintenance-queries";
import { cancelMaintenanceAction, updateMaintenanceAction } from "@/lib/status-page/maintenance-actions";
import { isChangeable, maintenancePhaseLabels } from "@/lib/status-page/maintenance-state";
import { ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { LocalTime, LocalWindow } from "@/components/status-page/local-time";
import { MaintenanceForm } from "@/components/status-page/maintenance-form";

export const metadata: Metadata = { title: "Maintenance" };

async function load(id: string) {
  const admin = await requirePage("admin");
  try {
    const [maintenance, components] = await Promise.all([getMaintenance(admin, id), maintenanceComponentChoices(admin)]);
    return { maintenance, components };
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}

/** One maintenance: its form while scheduled or in progress, with a Cancel button; the record once completed or cancelled. */
export default async function MaintenancePage({ params }: { params: Promise<{ id: string }> }) {
  const { maintenance: m, components } = await load((await params).id);
  if (!isChangeable(m.phase)) {
    return (
      <Card title={m.title}>
        <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-muted">State</dt>
          <dd>{maintenancePhaseLabels[m.phase]}</dd>
          <dt className="text-muted">Window</dt>
          <dd>
            <LocalWindow startsAt={m.startsAt} endsAt={m.endsAt} />
          </dd>
          {m.cancelledAt && (
            <>
              <dt className="text-muted">Cancelled</dt>
              <dd>
                <LocalTime iso={m.cancelledAt} />
              </dd>
            </>
          )}
          <dt className="text-muted">Components</dt>
          <dd>{m.services.map((s) => s.name).join(", ")}</dd>
          <dt className="text-muted">Description</dt>
          <dd className="whitespace-pre-wrap">{m.description || "—"}</dd>
        </dl>
        <p className="mt-4 text-sm text-muted">
          A {m.phase} maintenance is kept as the record and can no longer be changed.{" "}
          <Link href="/settings/status-page" className="text-link underline">
            Back to the list
          </Link>
        </p>
      </Card>
    );
  }
  // A component made private since keeps its tick, so saving does not drop it silently: the save is refused and says why.
  const choices = [...components, ...m.services.filter((s) => !s.public).map(({ slug, name }) => ({ slug, name: `${name} (now private)` }))];
  return (
    <div className="space-y-4">
      <Card title={`Edit ${m.title}`}>
        <MaintenanceForm
          action={updateMaintenanceAction}
          mode="edit"
          backHref="/settings/status-page"
          components={choices}
          initial={{ id: m.id, version: m.version, title: m.title, description: m.description, startsAt: m.startsAt, endsAt: m.endsAt, services: m.services.map((s) => s.slug) }}
        />
      </Card>
      <Card title="Cancel this maintenance">
        <p className="mb-3 text-sm text-muted">It stays on the status page as cancelled; subscribers who were told about it are emailed that it is off.</p>
        <ActionForm action={cancelMaintenanceAction} hidden={{ id: m.id }} label="Cancel maintenance" variant="danger" confirm={`Cancel “${m.title}”?`} />
      </Card>
    </div>
  );
}
