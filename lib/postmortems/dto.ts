import type { Severity } from "@/lib/incidents/severity";
import type { Status } from "@/lib/incidents/lifecycle";
import type { ActionItem } from "./action-items";
import type { PostmortemDocument } from "./document";
import type { PostmortemMeta } from "./prefill";
import type { ReviewStatus } from "./review";
import type { SloImpactSnapshot } from "./slo-impact";

export type PersonRef = { id: string; name: string; email: string };

/** An action item as lists and the API show it. */
export type ActionItemDto = ActionItem & {
  ownerId: string | null;
  ownerEmail: string | null;
  version: number;
  postmortem: { id: string; title: string; incidentRef: string };
  overdue: boolean;
};

/** A postmortem in lists. */
export type PostmortemSummaryDto = {
  id: string;
  title: string;
  status: ReviewStatus;
  incident: { id: string; ref: string; title: string; severity: Severity; status: Status };
  services: { slug: string; name: string }[];
  tags: string[];
  dueAt: string | null;
  overdue: boolean;
  openActionItems: number;
  updatedAt: string;
  publishedAt: string | null;
};

export type ReviewerDto = PersonRef & { approvedAt: string | null };
export type CommentDto = { id: number; section: string; author: PersonRef | null; body: string; createdAt: string; resolvedAt: string | null };
export type PostmortemEventDto = { id: number; kind: string; actor: PersonRef | null; reason: string | null; at: string };

/** One postmortem with everything its page and the API show. */
export type PostmortemDto = PostmortemSummaryDto & {
  meta: PostmortemMeta;
  document: PostmortemDocument;
  sloImpact: SloImpactSnapshot | null;
  author: PersonRef | null;
  contributors: PersonRef[];
  lastSavedBy: PersonRef | null;
  reviewers: ReviewerDto[];
  actionItems: ActionItemDto[];
  comments: CommentDto[];
  events: PostmortemEventDto[];
  submittedAt: string | null;
  version: number;
  createdAt: string;
};
