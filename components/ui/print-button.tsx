"use client";

import { buttonClass } from "./button";

/** Opens the browser's print dialog; hidden on paper. */
export function PrintButton({ label = "Print" }: { label?: string }) {
  return (
    <button type="button" onClick={() => window.print()} className={`${buttonClass("secondary")} print:hidden`}>
      {label}
    </button>
  );
}
