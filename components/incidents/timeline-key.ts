/** The TanStack Query key of an incident's live timeline (shared by the timeline and its composer). */
export const timelineKey = (incidentId: string) => ["incident-timeline", incidentId] as const;
