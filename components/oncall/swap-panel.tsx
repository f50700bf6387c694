import type { SwapDto } from "@/lib/oncall/dto";
import { cancelSwapAction, offerSwapAction, takeSwapAction } from "@/lib/oncall/actions";
import { formatRange } from "@/lib/oncall/format";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { inputClass } from "@/components/ui/field";

export type MyShift = { start: string; end: string; layerId: string | null; label: string };

type Props = { scheduleId: string; timeZone: string; swaps: SwapDto[]; myShifts: MyShift[]; me: string; canSwap: boolean };

/** Swap requests: offer one of my coming shifts; take someone else's open offer; both people see what happened. */
export function SwapPanel({ scheduleId, timeZone, swaps, myShifts, me, canSwap }: Props) {
  const range = (s: SwapDto) => formatRange(Date.parse(s.start), Date.parse(s.end), timeZone);
  return (
    <div className="space-y-4">
      {canSwap &&
        (myShifts.length ? (
          <ActionForm action={offerSwapAction} hidden={{ schedule: scheduleId }} label="Offer this shift" variant="primary">
            <label htmlFor="swap-shift" className="text-sm font-medium">
              My shift
            </label>
            <select id="swap-shift" name="shift" className={`${inputClass} w-auto`}>
              {myShifts.map((s) => (
                <option key={`${s.start}|${s.layerId}`} value={`${s.start}|${s.end}|${s.layerId ?? ""}`}>
                  {s.label}
                </option>
              ))}
            </select>
            <label htmlFor="swap-note" className="sr-only">
              Note
            </label>
            <input id="swap-note" name="note" placeholder="Note (optional)" className={`${inputClass} w-48`} />
          </ActionForm>
        ) : (
          <p className="text-sm text-muted">You have no shift in this schedule in the next 30 days to offer.</p>
        ))}
      {swaps.length ? (
        <ul className="space-y-2 text-sm" aria-label="Swap offers">
          {swaps.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-2 border-b border-line pb-2 last:border-0">
              <Badge tone={s.status === "open" ? "accent" : s.status === "taken" ? "ok" : "neutral"}>{s.status}</Badge>
              <span>
                <strong>{s.offeredBy.name}</strong> offers {s.layerName ? `their ${s.layerName} shift` : "their shift"} {range(s)}
                {s.note && <span className="text-muted"> — {s.note}</span>}
                {s.takenBy && (
                  <>
                    {" "}
                    · taken by <strong>{s.takenBy.name}</strong>
                  </>
                )}
              </span>
              {canSwap && s.status === "open" && s.offeredBy.id !== me && <ActionForm action={takeSwapAction} hidden={{ schedule: scheduleId, swap: s.id }} label="Take this shift" variant="primary" />}
              {s.status === "open" && s.offeredBy.id === me && <ActionForm action={cancelSwapAction} hidden={{ schedule: scheduleId, swap: s.id }} label="Withdraw" variant="secondary" />}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">No swap offers.</p>
      )}
    </div>
  );
}
