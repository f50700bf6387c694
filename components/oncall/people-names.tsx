import type { PersonDto } from "@/lib/oncall/dto";

/** "Ada Admin, Rory Responder", or "Nobody" flagged as a warning. */
export function PeopleNames({ users, email = false }: { users: PersonDto[]; email?: boolean }) {
  if (!users.length) return <span className="font-medium text-warn">Nobody</span>;
  return (
    <span className="font-medium">
      {users.map((u, i) => (
        <span key={`${u.id}-${i}`}>
          {i > 0 && ", "}
          {u.name}
          {email && u.email && <span className="font-normal text-muted"> ({u.email})</span>}
        </span>
      ))}
    </span>
  );
}
