export const themes = ["system", "light", "dark"] as const;
export type Theme = (typeof themes)[number];
export const themeCookie = "keel-theme";

export function parseTheme(value: string | undefined): Theme {
  return themes.find((t) => t === value) ?? "system";
}
