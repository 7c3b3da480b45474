import { paths } from '../lib/paths';

export function NotFoundPage({ path }: { path: string }) {
  return (
    <div className="entry-page">
      <h1 tabIndex={-1}>
        No page at <code>#/{path}</code>
      </h1>
      <p>
        <a href={paths.inspector.href()}>Go to the inspector</a> or <a href={paths.catalog.href()}>browse the catalog</a>.
      </p>
    </div>
  );
}
