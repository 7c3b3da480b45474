import { useMemo, useState } from 'react';
import type { Catalog } from '../../../core/catalog/catalog-types';
import type { Finding } from '../../../core/decode/finding';
import { availability } from '../request-plan';
import { ReplayDialog } from './replay-dialog';
import { StateCheck } from './state-check';

/** A card's replay actions: "Replay" when the kind is known, "Check current state" when it names an id. */
export function ReplayActions({ finding, catalog }: { finding: Finding; catalog: Catalog }) {
  const can = useMemo(() => availability(finding), [finding]);
  const [open, setOpen] = useState(false);
  return (
    <>
      {can.replay && (
        <button type="button" className="button button-quiet" onClick={() => setOpen(true)} aria-haspopup="dialog">
          Replay
        </button>
      )}
      {can.stateCheck && <StateCheck target={can.stateCheck} catalog={catalog} />}
      {open && <ReplayDialog finding={finding} catalog={catalog} onClose={() => setOpen(false)} />}
    </>
  );
}
