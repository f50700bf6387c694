/** What every forecasting model gives back once fitted. Pure types. */

export type ModelId = "linear" | "seasonal-daily" | "seasonal-weekly";

export const MODEL_LABELS: Record<ModelId, string> = {
  linear: "linear trend (least squares, as predict_linear)",
  "seasonal-daily": "Holt-Winters, damped trend, daily season",
  "seasonal-weekly": "Holt-Winters, damped trend, weekly season",
};

export interface FittedModel {
  id: ModelId;
  /** The median forecast for the `h` model steps after the last training point. */
  forecast(h: number): Float64Array;
  /**
   * The model's own standard deviation of the 1…h-step forecast errors, for the shape of the
   * intervals over the horizon; their width is calibrated on backtest errors (intervals.ts).
   */
  errorSd(h: number): Float64Array;
  /** Expected change of the level (without the season) over the next `steps` model steps. */
  growth(steps: number): number;
  /** Fitted parameters, for display and tests. */
  params: Record<string, number>;
}
