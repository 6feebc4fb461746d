import { randomUUID } from "node:crypto";
import { Agent, request } from "node:http";

/**
 * A small keep-alive JSON client for the benchmark (loopback only) and the statements it sends.
 * One Agent per run so connections are reused as a real integration would.
 */
export interface Response {
  readonly status: number;
  readonly body: unknown;
  readonly setCookie: readonly string[];
}

export class BenchClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });
  private readonly headers: Record<string, string> = { "content-type": "application/json" };

  constructor(readonly baseUrl: string) {
    const host = new URL(baseUrl).hostname;
    if (host !== "127.0.0.1" && host !== "localhost")
      throw new Error(`benchmarks target loopback only, not ${host}`);
  }

  authorize(token: string): void {
    this.headers.authorization = `Bearer ${token}`;
  }

  /**
   * One request. `deadlineMs` bounds the whole exchange — including time spent waiting for a free
   * connection — so an overloaded server turns into counted timeouts instead of an endless run.
   */
  send(
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
    deadlineMs = 30_000,
  ): Promise<Response> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        `${this.baseUrl}${path}`,
        { method, agent: this.agent, headers: { ...this.headers, ...extra } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString();
            let parsed: unknown = text;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              // Non-JSON bodies (e.g. proxies) stay text.
            }
            resolve({
              status: res.statusCode ?? 0,
              body: parsed,
              setCookie: res.headers["set-cookie"] ?? [],
            });
          });
        },
      );
      const deadline = setTimeout(
        () => req.destroy(new Error(`timed out after ${deadlineMs / 1000} s`)),
        deadlineMs,
      );
      req.on("close", () => clearTimeout(deadline));
      req.on("error", reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

async function expectStatus(response: Promise<Response>, status: number, what: string): Promise<unknown> {
  const result = await response;
  if (result.status !== status)
    throw new Error(`${what}: HTTP ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

/** Registers a school over the API, makes an admin API token and `learners` learner accounts. */
export async function setUpSchool(client: BenchClient, learners: number): Promise<string[]> {
  const slug = `bench-${Date.now().toString(36)}`;
  const password = `bench-${randomUUID()}`;
  const register = await client.send("POST", "/api/auth/register-school", {
    school: { slug, name: { en: "Ingest benchmark school" } },
    admin: { email: `admin@${slug}.bench.test`, password, displayName: "Bench Admin" },
  });
  if (register.status !== 201)
    throw new Error(`register-school: HTTP ${register.status} ${JSON.stringify(register.body)}`);
  const { csrfToken } = register.body as { csrfToken: string };
  const cookie = register.setCookie.map((header) => header.split(";")[0]).join("; ");
  // The admin's session only mints an API token; the load itself authenticates with the token.
  const { token } = (await expectStatus(
    client.send("POST", "/api/tokens", { name: "ingest benchmark" }, { "x-csrf-token": csrfToken, cookie }),
    201,
    "create API token",
  )) as { token: string };
  client.authorize(token);
  const ids: string[] = [];
  for (let i = 0; i < learners; i++) {
    const user = (await expectStatus(
      client.send("POST", "/api/users", {
        email: `learner${i}@${slug}.bench.test`,
        password,
        displayName: `Bench learner ${i}`,
        role: "learner",
      }),
      201,
      "create learner",
    )) as { id: string };
    ids.push(user.id);
  }
  return ids;
}

let sequence = 0;
/** One xAPI `answered` statement for a learner, with a fresh client-generated id. */
export function answeredStatement(learnerId: string, itemId: string): { id: string; [key: string]: unknown } {
  sequence += 1;
  return {
    id: randomUUID(),
    actor: { id: learnerId },
    verb: { id: "http://adlnet.gov/expapi/verbs/answered" },
    object: { id: `urn:pathwise:item:${itemId}` },
    result: { success: sequence % 3 !== 0, response: String(sequence % 50), duration: "PT12S" },
    context: { platform: "pathwise-ingest-bench" },
    timestamp: new Date().toISOString(),
  };
}
