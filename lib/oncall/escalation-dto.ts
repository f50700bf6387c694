/** What the escalation-policy API and pages show. Plain data. */
import type { EscalationTarget } from "./escalation";

/** A target with the names it points at; `missing` when its schedule, layer or person is gone. */
export type TargetDto = EscalationTarget & { label: string; missing?: boolean };

export type EscalationPolicyDto = {
  id: string;
  name: string;
  description: string;
  steps: { delayMinutes: number; targets: TargetDto[] }[];
  repeat: number;
  services: { slug: string; name: string }[];
  version: number;
  createdAt: string;
  updatedAt: string;
};
