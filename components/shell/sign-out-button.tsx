"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/login" })} className="w-full rounded-md px-3 py-2 text-left text-sm hover:bg-raised">
      Sign out
    </button>
  );
}
