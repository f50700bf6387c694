import { describe, expect, it } from "vitest";
import { roles, type Role } from "@/lib/auth/roles";
import {
  REVIEW_STATUSES,
  availableTransitions,
  canApprove,
  canComment,
  canEdit,
  canTransition,
  checkVersion,
  countedApprovals,
  effectsOf,
  type ReviewStatus,
  type ReviewSubject,
} from "./review";

const pm = (status: ReviewStatus, approvals: string[] = [], authorIds = ["author"]): ReviewSubject => ({ status, authorIds, approvals: approvals.map((userId) => ({ userId })) });
const actor = (role: Role, userId = "someone") => ({ userId, role });

// The rules written out independently: may `role` (author or not) move from → to, given approvals and unwritten sections?
function expected(from: ReviewStatus, to: ReviewStatus, role: Role, approvals: number, need: number, unwritten: number): boolean {
  if (from === to || from === "published") return false;
  if (role === "viewer") return false;
  if (from === "draft") return to === "in_review";
  if (to === "draft") return true;
  return approvals >= need && unwritten === 0; // in_review → published
}

describe("canTransition", () => {
  it("allows exactly the moves the rules allow, for every status, role, approval count and requirement", () => {
    for (const from of REVIEW_STATUSES)
      for (const to of REVIEW_STATUSES)
        for (const role of roles)
          for (const isAuthor of [true, false])
            for (const approvals of [0, 1, 2, 3])
              for (const need of [0, 1, 2])
                for (const unwritten of [0, 1]) {
                  const subject = pm(from, Array.from({ length: approvals }, (_, i) => `r${i}`));
                  const d = canTransition(subject, to, actor(role, isAuthor ? "author" : "x"), { config: { requiredApprovals: need }, unwritten: unwritten ? ["Summary"] : [] });
                  expect(d.ok, `${from}→${to} ${role} author=${isAuthor} approvals=${approvals}/${need} unwritten=${unwritten}`).toBe(expected(from, to, role, approvals, need, unwritten));
                  if (!d.ok) expect(d.message.length).toBeGreaterThan(10);
                }
  });

  it("explains each refusal", () => {
    const r = actor("responder");
    expect(canTransition(pm("draft"), "draft", r)).toEqual({ ok: false, code: "conflict", message: "The postmortem is already draft." });
    expect(canTransition(pm("published"), "draft", actor("admin"))).toEqual({ ok: false, code: "conflict", message: "A published postmortem is final; an admin can still correct it, giving a reason." });
    expect(canTransition(pm("draft"), "in_review", actor("viewer"))).toEqual({ ok: false, code: "forbidden", message: "Changing a postmortem's status needs the responder role; you are viewer." });
    expect(canTransition(pm("draft"), "published", r)).toEqual({ ok: false, code: "conflict", message: "Send the postmortem for review first; it can be published once approved." });
    expect(canTransition(pm("in_review"), "published", r)).toEqual({ ok: false, code: "conflict", message: "Publishing needs 1 approval from someone other than its authors; it has 0." });
    expect(canTransition(pm("in_review", ["a"]), "published", r, { config: { requiredApprovals: 2 } })).toEqual({
      ok: false,
      code: "conflict",
      message: "Publishing needs 2 approvals from someone other than its authors; it has 1.",
    });
    expect(canTransition(pm("in_review", ["a"]), "published", r, { unwritten: ["Summary", "Root cause"] })).toEqual({ ok: false, code: "conflict", message: "Write the required sections first: Summary, Root cause." });
    expect(canTransition(pm("in_review", ["a"]), "published", r, { unwritten: ["Summary"] }).ok).toBe(false);
    expect(canTransition(pm("in_review", ["a"]), "published", r)).toEqual({ ok: true });
  });

  it("counts only distinct approvals from people who are not authors", () => {
    expect(countedApprovals(pm("in_review", ["author", "a", "a", "b"]))).toBe(2);
    expect(countedApprovals(pm("in_review", ["author", "co"], ["author", "co"]))).toBe(0);
    expect(canTransition(pm("in_review", ["author"]), "published", actor("responder")).ok).toBe(false);
  });

  it("tells the caller to clear approvals when a postmortem goes back to draft, and to stamp publication", () => {
    expect(effectsOf("in_review", "draft")).toEqual({ clearApprovals: true, setPublishedAt: false });
    expect(effectsOf("in_review", "published")).toEqual({ clearApprovals: false, setPublishedAt: true });
    expect(effectsOf("draft", "in_review")).toEqual({ clearApprovals: false, setPublishedAt: false });
  });

  it("lists the moves offered from each status with their decision", () => {
    expect(availableTransitions(pm("draft"), actor("responder"))).toEqual([{ to: "in_review", decision: { ok: true } }]);
    expect(availableTransitions(pm("in_review"), actor("responder")).map((t) => [t.to, t.decision.ok])).toEqual([
      ["draft", true],
      ["published", false],
    ]);
    expect(availableTransitions(pm("published"), actor("admin"))).toEqual([]);
  });
});

describe("canEdit", () => {
  it("drafts: any responder or admin; viewers never", () => {
    expect(canEdit(pm("draft"), actor("responder"))).toEqual({ ok: true });
    expect(canEdit(pm("draft"), actor("admin"))).toEqual({ ok: true });
    expect(canEdit(pm("draft"), actor("viewer", "author"))).toEqual({ ok: false, code: "forbidden", message: "Editing a postmortem needs the responder role; you are viewer." });
  });

  it("in review: frozen for everyone", () => {
    for (const role of ["responder", "admin"] as const) {
      expect(canEdit(pm("in_review"), actor(role, "author"))).toEqual({
        ok: false,
        code: "conflict",
        message: "The postmortem is in review and its text is frozen; move it back to draft to edit (this clears approvals).",
      });
    }
  });

  it("published: only admins, only with a reason, which the caller records", () => {
    expect(canEdit(pm("published"), actor("responder", "author"), "typo")).toEqual({ ok: false, code: "conflict", message: "The postmortem is published and read-only; an admin can correct it, giving a reason." });
    expect(canEdit(pm("published"), actor("admin"))).toEqual({ ok: false, code: "conflict", message: "Say why you are changing a published postmortem; the reason is recorded." });
    expect(canEdit(pm("published"), actor("admin"), "   ").ok).toBe(false);
    expect(canEdit(pm("published"), actor("admin"), "Fix the wrong service name")).toEqual({ ok: true, recordReason: true });
  });
});

describe("canApprove and canComment", () => {
  it("approving: a responder or admin other than the authors, once, while in review", () => {
    expect(canApprove(pm("in_review"), actor("responder", "rev"))).toEqual({ ok: true });
    expect(canApprove(pm("in_review"), actor("admin", "rev"))).toEqual({ ok: true });
    expect(canApprove(pm("in_review"), actor("viewer", "rev"))).toMatchObject({ ok: false, code: "forbidden" });
    expect(canApprove(pm("in_review"), actor("responder", "author"))).toEqual({ ok: false, code: "forbidden", message: "Authors cannot approve their own postmortem; ask a reviewer." });
    expect(canApprove(pm("in_review", ["rev"]), actor("responder", "rev"))).toEqual({ ok: false, code: "conflict", message: "You have already approved this postmortem." });
    expect(canApprove(pm("draft"), actor("responder", "rev"))).toEqual({ ok: false, code: "conflict", message: "Only a postmortem in review can be approved; this one is draft." });
    expect(canApprove(pm("published"), actor("responder", "rev")).ok).toBe(false);
  });

  it("commenting: responders and admins on drafts and reviews, never on published ones", () => {
    expect(canComment(pm("draft"), actor("responder")).ok).toBe(true);
    expect(canComment(pm("in_review"), actor("admin")).ok).toBe(true);
    expect(canComment(pm("in_review"), actor("viewer"))).toMatchObject({ ok: false, code: "forbidden" });
    expect(canComment(pm("published"), actor("admin"))).toEqual({ ok: false, code: "conflict", message: "A published postmortem takes no more comments." });
  });
});

describe("checkVersion", () => {
  it("passes when the versions match", () => {
    expect(checkVersion(4, 4)).toEqual({ ok: true });
  });

  it("refuses a stale save, saying who saved, that nothing was saved and that the text is kept", () => {
    expect(checkVersion(3, 5, { by: "Alice", at: "2025-03-02T10:15:42.000Z" })).toEqual({
      ok: false,
      code: "conflict",
      expected: 3,
      actual: 5,
      message:
        "Alice saved this postmortem at 2025-03-02 10:15 UTC after you opened it (you edited version 3; it is now version 5). Your changes were not saved and your text is kept here: copy it, reload to see their changes, then apply yours again.",
    });
    expect(checkVersion(3, 4)).toMatchObject({ ok: false, message: expect.stringMatching(/^Someone else saved this postmortem after you opened it \(you edited version 3; it is now version 4\)\./) });
  });

  it("refuses a save based on a version newer than the stored one", () => {
    const r = checkVersion(9, 5);
    expect(r).toMatchObject({ ok: false, code: "conflict", expected: 9, actual: 5 });
    expect(!r.ok && r.message).toBe("This postmortem is at version 5, older than the version 9 your edit was based on. Your changes were not saved and your text is kept here: reload the page and apply them again.");
  });
});
