import Link from "next/link";
import type { Principal } from "@/lib/auth/roles";
import { similarPostmortems } from "@/lib/postmortems/queries";
import { ReviewStatusBadge } from "./review-status-badge";

/** Postmortems of incidents on the same services or sharing a tag, newest first (own Suspense boundary). */
export async function SimilarPostmortems({ user, id }: { user: Principal; id: string }) {
  const items = await similarPostmortems(user, id, 5);
  if (!items.length) return <p className="text-sm text-muted">None yet: no other postmortem shares a service or a tag with this one.</p>;
  return (
    <ul className="space-y-2 text-sm">
      {items.map((p) => (
        <li key={p.id}>
          <Link href={`/postmortems/${p.id}`} className="text-link hover:underline">
            {p.title}
          </Link>
          <span className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-muted">
            <span className="font-mono">{p.incident.ref}</span>
            <ReviewStatusBadge status={p.status} />
            {p.tags.length > 0 && <span>{p.tags.join(", ")}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
