import { readCriticalBanner } from '../python';
import { blockReader } from './block-reader';

/** The Python SDK's "Resonate encountered an unexpected exception and had to shut down." banner, with the traceback inside it. */
export const pythonBannerReader = blockReader('python-banner', { texts: ['Resonate encountered an unexpected exception'] }, readCriticalBanner);
