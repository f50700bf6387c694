"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

const errorText: Record<string, string> = {
  AccessDenied: "Your account is disabled or not allowed to sign in.",
  OidcNoEmail: "Your identity provider did not share a verified email address.",
  OAuthCallback: "Single sign-on failed. Try again or use your password.",
  OAuthSignin: "Single sign-on failed. Try again or use your password.",
};

export function LoginForm({ sso, callbackUrl, initialError }: { sso: string | null; callbackUrl: string; initialError?: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [error, setError] = useState(initialError ? errorText[initialError] ?? "Sign-in failed. Try again." : "");
  const [pending, setPending] = useState(false);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError("");
    const res = await signIn("credentials", { email: String(form.get("email")), password: String(form.get("password")), redirect: false });
    setPending(false);
    if (res?.ok && !res.error) {
      router.replace(callbackUrl);
      router.refresh();
    } else {
      setError(res?.error && res.error !== "CredentialsSignin" ? res.error : "Invalid email or password.");
    }
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="space-y-4" noValidate>
        <TextField name="email" label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField name="password" label="Password" type="password" autoComplete="current-password" required />
        <p aria-live="assertive" role="alert" className="min-h-5 text-sm text-danger">
          {error}
        </p>
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {sso && (
        <>
          <div className="flex items-center gap-2 text-xs text-muted" aria-hidden>
            <span className="h-px flex-1 bg-line" /> or <span className="h-px flex-1 bg-line" />
          </div>
          <Button type="button" variant="secondary" className="w-full" onClick={() => signIn("oidc", { callbackUrl })}>
            Sign in with {sso}
          </Button>
        </>
      )}
    </div>
  );
}
