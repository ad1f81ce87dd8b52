import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { SessionUser } from "@/lib/data/users";
import { MobileNav } from "./mobile-nav";
import { SignOutButton } from "./sign-out-button";

/** compact: a working screen (rating) where the page's own content should start near the top. */
export type AppShellProps = { user: SessionUser; title: string; compact?: boolean; children: React.ReactNode };

const roleLabel = { ADMIN: "Admin", RESEARCHER: "Researcher", RATER: "Rater" } as const;

const NAV: Record<SessionUser["role"], { href: string; label: string }[]> = {
  ADMIN: [
    { href: "/admin", label: "Studies" },
    { href: "/admin/uploads", label: "Uploads" },
    { href: "/admin/studies/new", label: "New study" },
    { href: "/admin/users", label: "Users" },
    { href: "/studies", label: "Results" },
    { href: "/account/tokens", label: "API tokens" },
  ],
  RESEARCHER: [
    { href: "/studies", label: "Results" },
    { href: "/account/tokens", label: "API tokens" },
  ],
  RATER: [{ href: "/rate", label: "Your studies" }],
};

export function AppShell({ user, title, compact = false, children }: AppShellProps) {
  return (
    <div className="min-h-screen">
      <header className="relative border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
          <nav aria-label="Main" className="flex items-center gap-4">
            <Link href="/" className="text-lg font-semibold tracking-tight text-brand-700">
              Pairwise
            </Link>
            {NAV[user.role].map((item) => (
              <Link key={item.href} href={item.href} className="hidden text-sm text-slate-600 hover:text-slate-900 sm:inline">
                {item.label}
              </Link>
            ))}
            <MobileNav items={NAV[user.role]} />
          </nav>
          <div className="flex items-center gap-3 text-sm text-slate-600">
            <span className="hidden sm:inline">{user.email ?? user.pseudonym}</span>
            <Badge>{roleLabel[user.role]}</Badge>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className={`mx-auto max-w-6xl px-4 ${compact ? "pt-3 pb-0 sm:pt-4" : "py-8"}`}>
        <h1 className={compact ? "mb-1 text-lg font-semibold tracking-tight sm:text-xl" : "mb-6 text-2xl font-semibold tracking-tight"}>{title}</h1>
        {children}
      </main>
    </div>
  );
}
