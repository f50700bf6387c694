import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/queries";
import { listTeams } from "@/lib/teams/queries";
import { setDisabledAction, setRoleAction } from "@/lib/users/actions";
import { roles } from "@/lib/auth/roles";
import { Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { ActionForm } from "@/components/ui/action-form";
import { inputClass } from "@/components/ui/field";
import { CreateUserForm } from "@/components/settings/create-user-form";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const admin = await requirePage("admin");
  const [users, teams] = await Promise.all([listUsers(admin), listTeams(admin)]);
  return (
    <div className="space-y-4">
      <Table caption="Users" head={["User", "Team", "Role", "Sign-in", "Status"]}>
        {users.map((u) => (
          <tr key={u.id}>
            <td>
              <div className="font-medium">{u.name}</div>
              <div className="text-xs text-muted">{u.email}</div>
            </td>
            <td>{u.team ?? "—"}</td>
            <td>
              <ActionForm action={setRoleAction} hidden={{ userId: u.id }} label="Save">
                <label className="sr-only" htmlFor={`role-${u.id}`}>
                  Role of {u.email}
                </label>
                <select id={`role-${u.id}`} name="role" defaultValue={u.role} className={`${inputClass} w-auto py-1`}>
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </ActionForm>
            </td>
            <td className="text-xs text-muted">
              {u.hasPassword ? "password" : "single sign-on"}
              <br />
              {u.lastLoginAt ? `last ${u.lastLoginAt.slice(0, 16).replace("T", " ")} UTC` : "never signed in"}
            </td>
            <td>
              <div className="flex items-center gap-2">
                {u.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="ok">Active</Badge>}
                {u.id !== admin.userId && (
                  <ActionForm action={setDisabledAction} hidden={{ userId: u.id, disabled: String(!u.disabled) }} label={u.disabled ? "Enable" : "Disable"} variant={u.disabled ? "secondary" : "danger"} />
                )}
              </div>
            </td>
          </tr>
        ))}
      </Table>
      <Card title="Add a user">
        <CreateUserForm teams={teams} />
      </Card>
    </div>
  );
}
