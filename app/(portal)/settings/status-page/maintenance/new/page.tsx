import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { maintenanceComponentChoices } from "@/lib/status-page/maintenance-queries";
import { createMaintenanceAction } from "@/lib/status-page/maintenance-actions";
import { Card } from "@/components/ui/card";
import { MaintenanceForm } from "@/components/status-page/maintenance-form";

export const metadata: Metadata = { title: "Schedule maintenance" };

export default async function NewMaintenancePage() {
  const admin = await requirePage("admin");
  const components = await maintenanceComponentChoices(admin);
  return (
    <Card title="Schedule maintenance">
      <MaintenanceForm action={createMaintenanceAction} mode="create" backHref="/settings/status-page" components={components} initial={{ title: "", description: "", startsAt: "", endsAt: "", services: [] }} />
    </Card>
  );
}
