import "server-only";
import type { Principal } from "@/lib/auth/roles";
import { batchScalars } from "@/lib/prometheus/batch";
import { promString } from "@/lib/prometheus/escape";
import { PromQueryFailed, instantQuery } from "@/lib/prometheus/server-query";
import { errorBudget } from "./budget";
import { burnRate } from "./burn-rate";
import { clip, combineCounts, countPlan, totalMs, type PlannedQuery } from "./count-plan";
import { sliQueries, type IncidentSli } from "./definition";
import { outagesFor } from "./incident-outages";
import { outageCounts } from "./incident-sli";
import { excludedForSlos } from "./excluded";
import type { SloDto } from "./queries";
import { ERROR_RATIO_RECORD, periodRange } from "./rules";
import { SLI_HASH_LABEL, sliHash } from "./sli-hash";
import { resolveWindow } from "./window";

/** What lists need of an SLO: its SLI, budget left and current burn, and where they came from. */
export type SloSummary = {
  id: string;
  sli: number | null;
  remaining: number | null;
  burn1h: number | null;
  /** "recorded": read from Keel's recording rules in Prometheus; "computed": counted from the raw SLI queries; "incidents": from Keel's incidents. */
  source: "recorded" | "computed" | "incidents" | null;
  problem: string | null;
};

const DAY = 86_400_000;
/** The oldest recorded ratio Keel still reads: up to a 15-minute rule evaluation interval works. */
const RECORDING_MAX_AGE = "15m";

function regexAlternation(values: string[]): string {
  return values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
}

/**
 * Recorded error ratios for the SLOs that can use them (rolling windows, event-based budgets, nothing
 * excluded), in one query: `slo:sli_error:ratio_rate{1h,<period>}` whose `keel_sli` still matches.
 */
async function fromRecordings(actor: Principal, ds: string, slos: SloDto[], now: number): Promise<Map<string, SloSummary>> {
  const out = new Map<string, SloSummary>();
  if (!slos.length) return out;
  const periods = [...new Set(slos.map((s) => periodRange(s.window)))];
  // last_over_time: rule groups evaluated less often than Prometheus's 5-minute lookback still count.
  const selector = `{__name__=~${promString(`${ERROR_RATIO_RECORD}(1h|${periods.join("|")})`)}, slo_id=~${promString(regexAlternation(slos.map((s) => s.id)))}}`;
  const query = `last_over_time(${selector}[${RECORDING_MAX_AGE}])`;
  let samples;
  try {
    samples = await instantQuery(actor, ds, query, now);
  } catch (err) {
    if (err instanceof PromQueryFailed) return out;
    throw err;
  }
  const byId = new Map(slos.map((s) => [s.id, s]));
  const ratios = new Map<string, Map<string, number>>();
  for (const s of samples) {
    const slo = byId.get(s.metric.slo_id);
    if (!slo || s.metric[SLI_HASH_LABEL] !== sliHash(slo.sli)) continue;
    const m = ratios.get(slo.id) ?? new Map<string, number>();
    m.set(s.metric.sloth_window, s.value);
    ratios.set(slo.id, m);
  }
  for (const slo of slos) {
    const r = ratios.get(slo.id);
    const period = r?.get(periodRange(slo.window));
    if (period === undefined) continue;
    const budget = 1 - slo.target;
    const has = Number.isFinite(period);
    const hour = r!.get("1h");
    out.set(slo.id, {
      id: slo.id,
      sli: has ? 1 - period : null,
      remaining: has ? 1 - period / budget : null,
      burn1h: hour !== undefined && Number.isFinite(hour) ? hour / budget : null,
      source: "recorded",
      problem: null,
    });
  }
  return out;
}

/** Incident-based SLOs, from Keel's own incidents (two queries for all of them). */
async function fromIncidents(slos: SloDto[], now: number): Promise<SloSummary[]> {
  if (!slos.length) return [];
  const keys = slos.map((s) => ({ serviceId: s.serviceId, minSeverity: (s.sli as IncidentSli).minSeverity }));
  const [outages, excluded] = await Promise.all([outagesFor(keys, now - 93 * DAY, now), excludedForSlos(slos.map((s) => s.id), now - 93 * DAY, now + 93 * DAY)]);
  return slos.map((slo, i) => {
    const w = resolveWindow(slo.window, now);
    const mine = outages.get(`${keys[i].serviceId}:${keys[i].minSeverity}`) ?? [];
    const ex = clip(excluded.get(slo.id) ?? [], w.startMs, w.endMs);
    const budget = errorBudget(slo.target, w.lengthMs - totalMs(ex), outageCounts(mine, now - w.elapsedMs, now, ex));
    return { id: slo.id, sli: budget.sli, remaining: budget.remaining, burn1h: burnRate(slo.target, outageCounts(mine, now - 3_600_000, now, ex)), source: "incidents", problem: null };
  });
}

type Planned = { slo: SloDto; plan: PlannedQuery[]; lengthMs: number };

/** The rest from the raw SLI queries, every SLO's queries batched together. */
async function computed(actor: Principal, ds: string, items: Planned[], now: number): Promise<SloSummary[]> {
  const queries = items.flatMap(({ slo, plan }) => {
    if (slo.sli.kind === "incidents") return [];
    const hour = sliQueries(slo.sli, "1h");
    return [...plan.map((p) => p.query), hour.errors, hour.total];
  });
  const results = await batchScalars(actor, ds, queries, now);
  let at = 0;
  return items.map(({ slo, plan, lengthMs }) => {
    const mine = results.slice(at, (at += plan.length + 2));
    const failed = mine.find((r) => "error" in r);
    if (failed && "error" in failed) return { id: slo.id, sli: null, remaining: null, burn1h: null, source: null, problem: failed.error.message };
    const values = mine.map((r) => ("value" in r ? r.value : null));
    const budget = errorBudget(slo.target, lengthMs, combineCounts(plan, values.slice(0, plan.length)));
    const [errors, total] = values.slice(plan.length);
    return {
      id: slo.id,
      sli: budget.sli,
      remaining: budget.noData ? null : budget.remaining,
      burn1h: total ? burnRate(slo.target, { good: total - (errors ?? 0), total }) : null,
      source: "computed",
      problem: null,
    };
  });
}

async function forDatasource(actor: Principal, ds: string, slos: SloDto[], excluded: Map<string, { startMs: number; endMs: number }[]>, now: number, useRecordings: boolean) {
  const plain = slos.filter((s) => s.window.kind === "rolling" && s.budgeting.method === "occurrences" && !(excluded.get(s.id)?.length));
  const recorded = useRecordings ? await fromRecordings(actor, ds, plain, now) : new Map<string, SloSummary>();
  const rest: Planned[] = slos
    .filter((s) => !recorded.has(s.id))
    .map((slo) => {
      const w = resolveWindow(slo.window, now);
      const ex = clip(excluded.get(slo.id) ?? [], w.startMs, w.endMs);
      return { slo, lengthMs: w.lengthMs - totalMs(ex), plan: slo.sli.kind === "incidents" ? [] : countPlan(slo.sli, slo.budgeting, w, now, ex) };
    });
  try {
    return [...recorded.values(), ...(await computed(actor, ds, rest, now))];
  } catch (err) {
    const e = err as { code?: string; message?: string };
    if (err instanceof PromQueryFailed || e?.code === "not_found") {
      return rest.map(({ slo }) => ({ id: slo.id, sli: null, remaining: null, burn1h: null, source: null, problem: e.message ?? "No data source." }));
    }
    throw err;
  }
}

/**
 * SLI, budget left and 1-hour burn of many SLOs at `now`, cheaply: one query per data source reads
 * the recorded error ratios where Keel's recording rules are loaded; the others are counted from
 * their SLI queries in a few batched requests. Never one request per SLO.
 */
export async function sloSummaries(actor: Principal, slos: SloDto[], now = Date.now(), opts: { useRecordings?: boolean } = {}): Promise<Map<string, SloSummary>> {
  const out = new Map<string, SloSummary>();
  const measured = slos.filter((s) => s.sli.kind !== "incidents");
  // Every window Keel offers lies within 93 days either side of now (a quarter is at most 92 days).
  const excluded = await excludedForSlos(
    measured.map((s) => s.id),
    now - 93 * DAY,
    now + 93 * DAY,
  );
  const byDs = new Map<string, SloDto[]>();
  for (const s of measured) {
    const ds = s.datasourceId ?? "default";
    byDs.set(ds, [...(byDs.get(ds) ?? []), s]);
  }
  const all = await Promise.all([
    ...[...byDs].map(([ds, list]) => forDatasource(actor, ds, list, excluded, now, opts.useRecordings ?? true)),
    fromIncidents(slos.filter((s) => s.sli.kind === "incidents"), now),
  ]);
  for (const s of all.flat()) out.set(s.id, s);
  return out;
}
