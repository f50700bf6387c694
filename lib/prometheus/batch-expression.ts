/** The label that tells the parts of a batched query apart. */
export const BATCH_LABEL = "keel_batch_part";

/**
 * Several single-series expressions as one: `label_replace((q0), "keel_batch_part", "0", "", "") or …`.
 * Each part keeps its own labels plus its index, so `or` keeps every part's series. Pure.
 */
export function batchExpression(queries: readonly string[]): string {
  return queries.map((q, i) => `label_replace((${q}), "${BATCH_LABEL}", "${i}", "", "")`).join("\nor\n");
}
