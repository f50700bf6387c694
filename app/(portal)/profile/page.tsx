import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { timeZoneOf } from "@/lib/users/time-zone";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { TimeZoneForm } from "@/components/profile/time-zone-form";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const user = await requirePage();
  return (
    <>
      <PageHeader title="Profile" description={`${user.name} · ${user.email} · ${user.role}`} />
      <Card title="Time zone">
        <TimeZoneForm current={await timeZoneOf(user)} />
      </Card>
    </>
  );
}
