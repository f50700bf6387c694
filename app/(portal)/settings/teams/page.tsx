import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { listTeams } from "@/lib/teams/queries";
import { deleteTeamAction } from "@/lib/users/actions";
import { Card, EmptyState } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { ActionForm } from "@/components/ui/action-form";
import { CreateTeamForm } from "@/components/settings/create-team-form";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const admin = await requirePage("admin");
  const teams = await listTeams(admin);
  return (
    <div className="space-y-4">
      {teams.length === 0 ? (
        <EmptyState title="No teams yet." />
      ) : (
        <Table caption="Teams" head={["Team", "Members", "Services", ""]}>
          {teams.map((t) => (
            <tr key={t.id}>
              <td>
                <div className="font-medium">{t.name}</div>
                <div className="text-xs text-muted">{t.description || t.slug}</div>
              </td>
              <td>{t.members}</td>
              <td>{t.services}</td>
              <td>
                <ActionForm action={deleteTeamAction} hidden={{ slug: t.slug }} label="Delete" variant="danger" confirm={`Delete team ${t.name}? Its services and members keep existing, without a team.`} />
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Card title="Add a team">
        <CreateTeamForm />
      </Card>
    </div>
  );
}
