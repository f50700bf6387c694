import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native/WASM and process-wide singletons are loaded from node_modules, not bundled,
  // so the custom server and the app share one database client and one metrics registry.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "prom-client", "pino", "bcryptjs"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
