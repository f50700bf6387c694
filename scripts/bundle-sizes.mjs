// Per-route first-load JavaScript of the last `next build` (Next 16 no longer prints it):
// uncompressed and gzip sizes from .next/diagnostics/route-bundle-stats.json. `node scripts/bundle-sizes.mjs`
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const stats = JSON.parse(readFileSync(".next/diagnostics/route-bundle-stats.json", "utf8"));
const gz = new Map();
const gzipOf = (file) => {
  if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(file)).length);
  return gz.get(file);
};
const rows = stats
  .map((r) => ({ route: r.route, kb: r.firstLoadUncompressedJsBytes / 1024, gzipKb: r.firstLoadChunkPaths.reduce((n, f) => n + gzipOf(f), 0) / 1024 }))
  .sort((a, b) => b.gzipKb - a.gzipKb);
console.log("| route | first-load JS | gzip |\n|---|---:|---:|");
for (const r of rows) console.log(`| ${r.route} | ${r.kb.toFixed(0)} KiB | ${r.gzipKb.toFixed(0)} KiB |`);
