/** An alert's labels as `name=value` pairs, the way silences match them. */
export function AlertLabels({ labels }: { labels: Readonly<Record<string, string>> }) {
  return (
    <span className="mono">
      {Object.entries(labels)
        .map(([name, value]) => `${name}=${value}`)
        .join(', ')}
    </span>
  );
}
