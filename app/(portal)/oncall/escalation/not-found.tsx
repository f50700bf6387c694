import Link from "next/link";

export default function EscalationPolicyNotFound() {
  return (
    <div className="rounded-lg border border-line bg-surface p-6">
      <h1 className="text-lg font-semibold">No such escalation policy</h1>
      <p className="mt-1 text-sm text-muted">It may have been deleted.</p>
      <Link href="/oncall/escalation" className="mt-3 inline-block text-link underline">
        All escalation policies
      </Link>
    </div>
  );
}
