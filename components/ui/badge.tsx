import type { ReactNode } from "react";

type Tone = "neutral" | "ok" | "warn" | "danger" | "accent";

const tones: Record<Tone, string> = {
  neutral: "border-line text-muted",
  ok: "border-ok text-ok",
  warn: "border-warn text-warn",
  danger: "border-danger text-danger",
  accent: "border-link text-link",
};

export function Badge({ tone = "neutral", children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>{children}</span>;
}

export function TierBadge({ tier }: { tier: number }) {
  return <Badge tone={tier === 1 ? "danger" : tier === 2 ? "warn" : "neutral"}>Tier {tier}</Badge>;
}
