import type { ComponentState } from "@/lib/status-page/states";

/** Fill colours of a state (bars, dots). */
export const stateFill: Record<ComponentState, string> = {
  operational: "bg-ok",
  degraded: "bg-warn",
  under_maintenance: "bg-link",
  partial_outage: "bg-orange-600 dark:bg-orange-400",
  major_outage: "bg-danger",
};

/** SVG fill colours of a state (uptime bars). */
export const stateSvgFill: Record<ComponentState, string> = {
  operational: "fill-ok",
  degraded: "fill-warn",
  under_maintenance: "fill-link",
  partial_outage: "fill-orange-600 dark:fill-orange-400",
  major_outage: "fill-danger",
};

/** Text colours of a state, readable on the page's surfaces. */
export const stateText: Record<ComponentState, string> = {
  operational: "text-ok",
  degraded: "text-warn",
  under_maintenance: "text-link",
  partial_outage: "text-orange-700 dark:text-orange-300",
  major_outage: "text-danger",
};

/** Border colours of a state (the banner). */
export const stateBorder: Record<ComponentState, string> = {
  operational: "border-ok",
  degraded: "border-warn",
  under_maintenance: "border-link",
  partial_outage: "border-orange-600 dark:border-orange-400",
  major_outage: "border-danger",
};
