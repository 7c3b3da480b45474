import catalogJson from '../../public/catalog.json' with { type: 'json' };
import type { Catalog } from '../core/catalog/catalog-types';
import { parseCatalog } from '../core/catalog/parse-catalog';

/**
 * The catalog shipped with the package, validated once when first imported. The package build keeps
 * public/catalog.json a separate file (`resonate-inspector/catalog.json`), imported here, not copied into the code.
 */
function loadCatalog(): Catalog {
  const parsed = parseCatalog(catalogJson);
  if (!parsed.ok) throw new Error(`resonate-inspector: the bundled catalog is invalid: ${parsed.error}`);
  return parsed.catalog;
}

export const catalog: Catalog = loadCatalog();
