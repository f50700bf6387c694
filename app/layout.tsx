import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import { parseTheme, themeCookie } from "@/lib/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Keel", template: "%s · Keel" },
  description: "Reliability portal: SLOs, error budgets, incidents, postmortems, on-call and capacity.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const theme = parseTheme((await cookies()).get(themeCookie)?.value);
  return (
    <html lang="en" className={theme}>
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
