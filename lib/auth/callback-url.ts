/** Only a path on this site: anything that could leave it (//host, /\\host, control characters) becomes "/". */
export function safeCallback(url: string | undefined): string {
  if (!url || !url.startsWith("/") || /[\\\u0000-\u001f]/.test(url)) return "/";
  const base = "http://keel.invalid";
  const parsed = new URL(url, base);
  return parsed.origin === base ? parsed.pathname + parsed.search + parsed.hash : "/";
}
