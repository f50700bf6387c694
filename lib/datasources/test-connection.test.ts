import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { freePort, openMetricsText, requirePrometheus, startPrometheus, type RunningPrometheus } from "@/test/fixtures/prometheus";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/roles";
import { createDatasource } from "./queries";
import { datasourceInputSchema } from "./schemas";
import { testDatasource, testDatasourceInput } from "./test-connection";

const prom = requirePrometheus();
let p: RunningPrometheus;
let drop: () => Promise<void>;
let admin: Principal;
const servers: Server[] = [];

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const port = await freePort();
  const s = createServer(handler);
  servers.push(s);
  await new Promise<void>((r) => s.listen(port, "127.0.0.1", r));
  return `http://127.0.0.1:${port}`;
}

const input = (url: string, extra: Record<string, unknown> = {}) => datasourceInputSchema.parse({ name: "t", url, ...extra });

describe.skipIf(!prom.path)("test connection", () => {
  beforeAll(async () => {
    p = await startPrometheus({ openMetrics: openMetricsText([]) });
    ({ drop } = await freshDatabase());
    admin = await makeUser("admin");
  }, 60_000);
  afterAll(async () => {
    for (const s of servers) s.close();
    await p?.stop();
    await drop?.();
  });

  it("reports the version Prometheus gives in buildinfo", async () => {
    const direct = (await (await fetch(`${p.url}/api/v1/status/buildinfo`)).json()) as { data: { version: string } };
    const ds = await createDatasource(admin, input(p.url, { name: "real" }));
    const r = await testDatasource(admin, ds.id);
    expect(r).toMatchObject({ ok: true, version: direct.data.version });
    expect(r.message).toContain(direct.data.version);
  });

  it("names each kind of failure exactly", async () => {
    const refused = await testDatasourceInput(admin, input(`http://127.0.0.1:${await freePort()}`));
    expect(refused).toMatchObject({ ok: false, problem: "unreachable" });
    expect(refused.message).toMatch(/connection refused/);

    const dns = await testDatasourceInput(admin, input("http://no-such-host.invalid:9090"));
    expect(dns).toMatchObject({ ok: false, problem: "unreachable" });
    expect(dns.message).toMatch(/DNS lookup failed/);

    const locked = await serve((req, res) => res.writeHead(req.headers.authorization === "Bearer right" ? 200 : 403).end('{"status":"success","data":{"version":"9.9.9"}}'));
    expect(await testDatasourceInput(admin, input(locked, { auth: { type: "bearer", token: "wrong" } }))).toMatchObject({ ok: false, problem: "upstream_auth" });
    expect(await testDatasourceInput(admin, input(locked, { auth: { type: "bearer", token: "right" } }))).toMatchObject({ ok: true, version: "9.9.9" });

    const html = await serve((_req, res) => res.writeHead(200, { "Content-Type": "text/html" }).end("<html>login</html>"));
    const notProm = await testDatasourceInput(admin, input(html));
    expect(notProm).toMatchObject({ ok: false, problem: "upstream_error" });
    expect(notProm.message).toMatch(/not with the Prometheus HTTP API/);

    const tarpit = await serve(() => {
      /* never answers */
    });
    const t0 = Date.now();
    const slow = await testDatasourceInput(admin, input(tarpit, { timeoutSeconds: 1 }));
    expect(slow).toMatchObject({ ok: false, problem: "timeout" });
    expect(slow.message).toMatch(/within 1 s/);
    expect(Date.now() - t0).toBeLessThan(2_500);

    const tls = await testDatasourceInput(admin, input(p.url.replace("http://", "https://")));
    expect(tls).toMatchObject({ ok: false, problem: "unreachable" });
    expect(tls.message).toMatch(/TLS|SSL|EPROTO/i);
  });

  it("is for admins only", async () => {
    const viewer = await makeUser("viewer");
    await expect(testDatasourceInput(viewer, input(p.url))).rejects.toBeInstanceOf(AppError);
  });
});
