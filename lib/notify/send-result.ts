/** The outcome of one attempt to send a message; a permanent failure is not retried; a success may carry a note (e.g. a refused recipient). */
export type SendResult = { ok: true; note?: string } | { ok: false; error: string; permanent?: boolean };

export const oneLine = (s: string, max = 300) => {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};
