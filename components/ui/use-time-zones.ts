"use client";

import { useSyncExternalStore } from "react";

const noSubscribe = () => () => {};
let zones: string[] | null = null;
/** Every IANA zone the browser knows (UTC first: some browsers leave it out). Computed once. */
function allZones(): string[] {
  if (!zones) {
    let list: string[] = [];
    try {
      list = Intl.supportedValuesOf("timeZone");
    } catch {
      // very old browser: the current value and UTC still show
    }
    zones = ["UTC", ...list.filter((z) => z !== "UTC")];
  }
  return zones;
}
const NO_ZONES: string[] = [];
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** The browser's time zone ("" while rendering on the server, so hydration matches). */
export function useBrowserTimeZone(): string {
  return useSyncExternalStore(noSubscribe, browserZone, () => "");
}

/** The zones to offer in a select, with `current` first when the browser does not know it. */
export function useTimeZoneOptions(current: string): string[] {
  const known = useSyncExternalStore(noSubscribe, allZones, () => NO_ZONES);
  return known.includes(current) ? known : [current, ...known];
}
