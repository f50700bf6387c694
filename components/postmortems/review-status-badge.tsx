import { Badge } from "@/components/ui/badge";
import type { ReviewStatus } from "@/lib/postmortems/review";

const tones = { draft: "neutral", in_review: "accent", published: "ok" } as const;
export const reviewLabels: Record<ReviewStatus, string> = { draft: "Draft", in_review: "In review", published: "Published" };

export function ReviewStatusBadge({ status }: { status: ReviewStatus }) {
  return <Badge tone={tones[status]}>{reviewLabels[status]}</Badge>;
}
