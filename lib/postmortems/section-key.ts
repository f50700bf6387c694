/** Keys for custom template sections. Pure and zod-free, so the settings form stays light in the browser. */

/** A key for a new custom section from its heading: "custom-customer-comms", unique among `taken`. */
export function customSectionKey(heading: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const slug =
    heading
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40)
      .replace(/-+$/, "") || "section";
  const stem = `custom-${slug}`;
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`;
}
