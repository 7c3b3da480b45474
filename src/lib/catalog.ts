import catalogJson from '../../public/catalog.json';
import { parseCatalog, type ParseCatalogResult } from '../core/catalog/parse-catalog';

/**
 * The shared catalog, bundled with the app (so the page works offline) and validated once, here,
 * at the boundary. Everything downstream receives a checked `Catalog`.
 */
export const catalogResult: ParseCatalogResult = parseCatalog(catalogJson);
