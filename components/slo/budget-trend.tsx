/** How the budget left moved over the week, in percentage points: "▼ 23 pts" (worse), "▲ 4 pts". */
export function BudgetTrend({ now, weekAgo }: { now: number | null; weekAgo: number | null }) {
  if (now === null || weekAgo === null) return <span className="text-xs text-muted">no trend</span>;
  const points = Math.round((now - weekAgo) * 100);
  if (points === 0) return <span className="text-xs text-muted">steady over 7 d</span>;
  const down = points < 0;
  return (
    <span className={`text-xs tabular-nums ${down ? "text-danger" : "text-ok"}`}>
      <span aria-hidden="true">{down ? "▼" : "▲"} </span>
      {down ? "down" : "up"} {Math.abs(points)} pts over 7 d
    </span>
  );
}
