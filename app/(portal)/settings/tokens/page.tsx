import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { listTokens } from "@/lib/tokens/queries";
import { listUsers } from "@/lib/users/queries";
import { revokeTokenAction } from "@/lib/users/actions";
import { Card, EmptyState } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { ActionForm } from "@/components/ui/action-form";
import { CreateTokenForm } from "@/components/settings/create-token-form";

export const metadata: Metadata = { title: "API tokens" };

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "never");

export default async function TokensPage() {
  const admin = await requirePage("admin");
  const [tokens, users] = await Promise.all([listTokens(admin), listUsers(admin)]);
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted">
        Tokens authenticate the REST API as <code>Authorization: Bearer &lt;token&gt;</code>. Only a hash is stored.
      </p>
      {tokens.length === 0 ? (
        <EmptyState title="No API tokens yet." />
      ) : (
        <Table caption="API tokens" head={["Name", "User", "Role", "Created", "Last used", ""]}>
          {tokens.map((t) => (
            <tr key={t.id}>
              <td>
                <div className="font-medium">{t.name}</div>
                <div className="font-mono text-xs text-muted">{t.prefix}…</div>
              </td>
              <td>{t.userEmail}</td>
              <td>{t.role}</td>
              <td>{day(t.createdAt)}</td>
              <td>{day(t.lastUsedAt)}</td>
              <td>
                {t.revokedAt ? (
                  <Badge tone="danger">Revoked {day(t.revokedAt)}</Badge>
                ) : (
                  <ActionForm action={revokeTokenAction} hidden={{ tokenId: t.id }} label="Revoke" variant="danger" confirm={`Revoke token ${t.name}? Anything using it stops working.`} />
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Card title="Create a token">
        <CreateTokenForm users={users.filter((u) => !u.disabled).map((u) => ({ email: u.email, role: u.role }))} />
      </Card>
    </div>
  );
}
