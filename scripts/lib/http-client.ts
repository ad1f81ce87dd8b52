// A tiny cookie-keeping HTTP client for scripts (smoke, fault and load tests): signs in through
// next-auth's credentials flow exactly as the browser form does.
export type JsonResponse = { status: number; body: unknown; headers: Headers };

export class HttpClient {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(method: string, path: string, json?: unknown): Promise<JsonResponse> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      redirect: "manual",
      // As the app's own pages do: state-changing requests from anywhere else are refused (CSRF).
      headers: { cookie: this.cookieHeader, origin: this.baseUrl, ...(json === undefined ? {} : { "content-type": "application/json" }) },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    this.keep(res);
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON (HTML page or empty)
    }
    return { status: res.status, body, headers: res.headers };
  }

  /** Signs in; throws unless a session cookie came back. */
  async signIn(email: string, password: string): Promise<void> {
    const csrf = await this.request("GET", "/api/auth/csrf");
    const { csrfToken } = csrf.body as { csrfToken: string };
    const res = await fetch(`${this.baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: this.cookieHeader },
      body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    });
    this.keep(res);
    if (!this.cookies.has("next-auth.session-token")) throw new Error(`sign-in as ${email} failed (${res.status})`);
  }
}
