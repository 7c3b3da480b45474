import { readJsError } from '../javascript';
import { blockReader } from './block-reader';

/** A Node/TypeScript error in any header variant, with its frames, property block, `[cause]` and `Node.js vX` footer. */
export const nodeErrorReader = blockReader('node-error', readJsError);
