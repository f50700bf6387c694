/** The Alertmanager receiver that posts to an integration's URL. */
export function AlertmanagerSnippet({ url }: { url: string }) {
  const yaml = `receivers:
  - name: keel
    webhook_configs:
      - url: ${url}
        send_resolved: true
route:
  receiver: keel
  group_by: [alertname, service]`;
  return (
    <pre aria-label="Alertmanager configuration" className="mt-2 overflow-x-auto rounded-md border border-line bg-raised p-3 font-mono text-xs">
      {yaml}
    </pre>
  );
}
