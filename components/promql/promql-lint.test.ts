import { describe, expect, it } from "vitest";
import { EditorState } from "@codemirror/state";
import { PromQLExtension } from "@prometheus-io/codemirror-promql";
import { ensureSyntaxTree } from "@codemirror/language";
import { trailingSyntaxError, unclosedAt } from "./promql-lint";

function lint(query: string) {
  const state = EditorState.create({ doc: query, extensions: new PromQLExtension().asExtension() });
  ensureSyntaxTree(state, state.doc.length, 5_000);
  return trailingSyntaxError(state);
}

describe("PromQL lint for queries that end too early", () => {
  it("names the unclosed bracket or string", () => {
    expect(unclosedAt("sum(rate(x[5m]")).toEqual({ pos: 8, message: 'missing closing ")"' });
    expect(unclosedAt('x{a="b}')).toMatchObject({ message: "unterminated string: missing closing \"" });
    expect(unclosedAt('x{a=")"}')).toBeNull(); // brackets inside strings do not count
    expect(unclosedAt("sum(x) # (comment")).toBeNull();
  });

  it("flags incomplete queries and leaves valid or empty ones alone", () => {
    expect(lint("sum(rate(x[5m]")).toEqual([expect.objectContaining({ severity: "error", message: 'missing closing ")"' })]);
    expect(lint("1 +")).toHaveLength(1);
    for (const ok of ["", "# just a comment", 'sum by (code) (rate(http_requests_total{service="a"}[5m]))', "up offset 5m"]) expect(lint(ok)).toEqual([]);
  });
});
