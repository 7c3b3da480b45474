import { readPytestSection } from '../python';
import { blockReader } from './block-reader';

/** pytest's failure section (`def test_…`, `E   ResonateStoreError: …`, `file.py:12: ResonateStoreError`). */
export const pytestSectionReader = blockReader('pytest-section', { texts: ['___ '] }, readPytestSection);
