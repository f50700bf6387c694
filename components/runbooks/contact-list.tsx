import type { RunbookContact } from "@/db/schema";

/** Whom to call and how; shown on the runbook and on each incident it is attached to. */
export function ContactList({ contacts }: { contacts: RunbookContact[] }) {
  if (!contacts.length) return <p className="text-sm text-muted">No contacts listed.</p>;
  return (
    <ul className="space-y-1 text-sm">
      {contacts.map((c, i) => (
        <li key={i}>
          <span className="font-medium">{c.name}</span>: <span className="break-words">{c.how}</span>
        </li>
      ))}
    </ul>
  );
}
