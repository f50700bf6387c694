import type { SectionKind } from "@/lib/postmortems/template";
import type { EditorAction } from "@/lib/postmortems/editor-state";

/** A template section as the editor needs it (computed on the server, so the editor ships no zod). */
export type EditorSection = { key: string; heading: string; hint: string; kind: SectionKind; parts?: { key: string; heading: string; hint: string }[] };

export type Change = (action: EditorAction) => void;
export type Errors = Record<string, string[]>;
export type Option = { value: string; label: string };
