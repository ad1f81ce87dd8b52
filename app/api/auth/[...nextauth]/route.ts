import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built per request so that a missing secret surfaces at start-up, not at build time.
function handler(req: Request, context: Context) {
  return NextAuth(req as never, context as never, authOptions());
}

export { handler as GET, handler as POST };
