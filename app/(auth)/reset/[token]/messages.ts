// What the reset page says about a link that cannot be used. Never whose account it was for.
import { PASSWORD_RESET_LIFETIME_HOURS } from "@/lib/data/password-resets";

const ASK = "Ask an admin for a new link.";

export function resetLinkMessage(state: "used" | "expired" | "invalid"): { title: string; detail: string } {
  if (state === "used") {
    return { title: "This password reset link was already used.", detail: `Each link works once. Sign in with the password you set, or ${ASK.toLowerCase()}` };
  }
  if (state === "expired") {
    return { title: "This password reset link has expired.", detail: `Links work for ${PASSWORD_RESET_LIFETIME_HOURS} hours. ${ASK}` };
  }
  return { title: "This password reset link is not valid.", detail: `It may have been replaced by a newer link. ${ASK}` };
}
