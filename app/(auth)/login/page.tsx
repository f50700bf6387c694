import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentPrincipal } from "@/lib/auth/session";
import { env, oidcEnabled } from "@/lib/env";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallback } from "@/lib/auth/callback-url";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  if (await currentPrincipal()) redirect(safeCallback(callbackUrl));
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-lg border border-line bg-surface p-6 shadow-sm">
        <h1 className="mb-1 text-2xl font-bold">⚓ Keel</h1>
        <p className="mb-6 text-sm text-muted">Sign in to your reliability portal.</p>
        <LoginForm sso={oidcEnabled() ? env().OIDC_NAME : null} callbackUrl={safeCallback(callbackUrl)} initialError={error} />
      </div>
    </main>
  );
}
