import type { Role } from "@/lib/auth/roles";

export type NavItem = { href: string; label: string; role?: Role };

export const navItems: NavItem[] = [
  { href: "/", label: "Overview" },
  { href: "/services", label: "Services" },
  { href: "/slos", label: "SLOs" },
  { href: "/incidents", label: "Incidents" },
  { href: "/postmortems", label: "Postmortems" },
  { href: "/oncall", label: "On-call" },
  { href: "/capacity", label: "Capacity" },
  { href: "/policy", label: "Policy" },
  { href: "/explore", label: "Explore" },
  { href: "/settings", label: "Settings", role: "admin" },
];
