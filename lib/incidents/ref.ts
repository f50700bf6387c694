/** Incidents are shown as INC-<number>; the API takes that, the bare number or the uuid. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^(?:INC-)?(\d{1,9})$/i;

export function incidentRef(number: number): string {
  return `INC-${number}`;
}

/** "INC-42", "42" → { number: 42 }; a uuid → { id }; anything else → null. */
export function parseIncidentRef(ref: string): { id: string } | { number: number } | null {
  const s = ref.trim();
  if (UUID.test(s)) return { id: s.toLowerCase() };
  const m = NUMBER.exec(s);
  return m ? { number: Number(m[1]) } : null;
}
