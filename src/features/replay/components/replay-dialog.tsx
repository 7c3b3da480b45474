import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Catalog } from '../../../core/catalog/catalog-types';
import type { Finding } from '../../../core/decode/finding';
import { buildReplay } from '../../../core/replay/build-request';
import { describeOutcome } from '../../../core/replay/compare-outcome';
import { replayKeys, replayMutations } from '../api/replay-queries';
import { beforeOf, outcomeAnnouncement, outcomeView } from '../outcome';
import { buildStarter, kindLabel, planSend, requestText, starters } from '../request-plan';
import { requestLabel } from '../session-log';
import { Modal } from '../../../components/modal';
import { AnswerBody } from './outcome-view';
import { useReplay } from './replay-provider';
import { ServerLine } from './server-line';

/** Which server answered a replay, in the answer's heading. */
const ANSWERED_BY = { embedded: 'the embedded model', proxy: 'via the proxy', real: 'resonate dev on this machine' } as const;

type ReplayDialogProps = {
  finding: Finding;
  catalog: Catalog;
  onClose: () => void;
};

/**
 * The request of a finding, editable as JSON and checked before it goes. Reads go with one click; writes say
 * what they change and wait for a second, explicit confirmation. The answer is decoded and shown beside what
 * the paste said. Nothing is ever sent again by itself.
 */
export function ReplayDialog({ finding, catalog, onClose }: ReplayDialogProps) {
  const { client, server, settings } = useReplay();
  const queryClient = useQueryClient();
  const id = useId();
  const [initial] = useState(() => buildReplay(finding));
  const [text, setText] = useState(() => (initial ? requestText(initial.request) : ''));
  const [origin, setOrigin] = useState(() => (initial ? { origin: initial.origin, notes: initial.notes } : null));
  const options = useMemo(() => starters(finding), [finding]);
  const [starter, setStarter] = useState(() => options[0]?.value ?? 'own');
  const [step, setStep] = useState<'edit' | 'confirm'>('edit');
  const plan = useMemo(() => planSend(text), [text]);
  const abortRef = useRef<AbortController | null>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const answerRef = useRef<HTMLHeadingElement>(null);
  const reviewRef = useRef<HTMLButtonElement>(null);
  const before = useMemo(() => beforeOf(finding), [finding]);

  const mutation = useMutation({
    ...replayMutations.send(client, () => abortRef.current?.signal),
    onSuccess: () => {
      // The state checks of this server are out of date now; the visible ones read again (a get, never this request).
      void queryClient.invalidateQueries({ queryKey: replayKeys.statesOn(client.url) });
    },
  });
  const { data, variables, status, submittedAt } = mutation;
  const view = useMemo(
    () => (data && variables ? outcomeView(data, { catalog, before: variables.before, kind: variables.request.kind, timeoutMs: variables.timeoutMs }) : null),
    [data, variables, catalog],
  );

  // Focus follows the flow: the confirmation when it opens, the answer when a send starts. Each is scrolled into
  // view whole (below the dialog's sticky title), then focused without a second scroll.
  useEffect(() => {
    if (step !== 'confirm') return;
    confirmRef.current?.closest('section')?.scrollIntoView({ block: 'nearest' });
    confirmRef.current?.focus({ preventScroll: true });
  }, [step]);

  useEffect(() => {
    if (submittedAt === 0) return;
    answerRef.current?.closest('section')?.scrollIntoView({ block: 'start' });
    answerRef.current?.focus({ preventScroll: true });
  }, [submittedAt]);

  // The answer is taller than "Sending…": bring it to the top once it is there.
  useEffect(() => {
    if (data) answerRef.current?.closest('section')?.scrollIntoView({ block: 'start' });
  }, [data]);

  const pending = status === 'pending';
  const blocked = plan.mode === 'blocked';

  const send = (): void => {
    if (plan.mode === 'blocked' || pending) return;
    abortRef.current = new AbortController();
    setStep('edit');
    mutation.mutate({
      request: plan.request,
      before,
      title: finding.title,
      server: { url: client.url, label: server.short },
      timeoutMs: settings.timeoutMs,
    });
  };

  const load = (): void => {
    const built = buildStarter(finding, starter);
    if (!built) return;
    setText(requestText(built.request));
    setOrigin({ origin: built.origin, notes: built.notes });
    setStep('edit');
  };

  const statusLine = pending
    ? `Sending ${variables ? requestLabel(variables.request) : 'the request'} (no answer after ${settings.timeoutMs / 1000} s cancels it)…`
    : view
      ? outcomeAnnouncement(view)
      : status === 'error'
        ? `The send failed in the page: ${mutation.error.message}`
        : '';

  return (
    <Modal title="Replay a request" onClose={onClose} className="modal-replay">
      <p className="replay-for">
        For <strong>{finding.title}</strong> — the paste showed <code>{describeOutcome(before)}</code>.
      </p>
      <ServerLine lead="Sends to" />

      {origin && (
        <div className="replay-origin">
          <p>
            {origin.origin === 'pasted'
              ? 'The request pasted beside the response, ready to send again:'
              : 'A request built from the finding’s kind and ids:'}
          </p>
          {origin.notes.length > 0 && (
            <ul>
              {origin.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      {options.length > 1 && (
        <div className="replay-starter">
          <label htmlFor={`${id}-starter`}>Start from</label>
          <select id={`${id}-starter`} value={starter} onChange={(e) => setStarter(e.target.value)} disabled={step === 'confirm'}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <button type="button" className="button button-quiet" onClick={load} disabled={step === 'confirm'}>
            Load
          </button>
        </div>
      )}

      <div className="replay-editor">
        <label htmlFor={`${id}-request`}>Request (JSON)</label>
        <textarea
          id={`${id}-request`}
          className="replay-textarea"
          value={text}
          onChange={(e) => setText(e.target.value)}
          readOnly={step === 'confirm'}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          rows={Math.min(16, Math.max(6, text.split('\n').length + 1))}
          aria-invalid={blocked ? true : undefined}
          aria-describedby={`${id}-check`}
        />
      </div>

      <div id={`${id}-check`} className="replay-check">
        {plan.mode === 'blocked' ? (
          <div className="callout callout-error">
            <p>
              <strong>
                {plan.errors.length === 1 ? 'One problem' : `${plan.errors.length} problems`} to fix before this can be sent:
              </strong>
            </p>
            <ul>
              {plan.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        ) : step === 'confirm' ? null : (
          <p className="replay-change">
            <span className={`kind-badge kind-${plan.info.class}`}>{kindLabel(plan.info)}</span> {plan.change}
          </p>
        )}
        {plan.warnings.length > 0 && (
          <ul className="replay-warnings">
            {plan.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
      </div>

      {step === 'edit' && (
        <div className="modal-buttons">
          {plan.mode === 'write' ? (
            <button ref={reviewRef} type="button" className="button" onClick={() => setStep('confirm')} disabled={pending}>
              Send…
            </button>
          ) : (
            <button type="button" className="button" onClick={send} disabled={blocked || pending}>
              Send
            </button>
          )}
          {blocked && <span className="replay-muted">Fix the request to send it.</span>}
        </div>
      )}

      {step === 'confirm' && plan.mode === 'write' && (
        <section className="replay-confirm" aria-labelledby={`${id}-confirm`}>
          <h3 id={`${id}-confirm`} ref={confirmRef} tabIndex={-1}>
            Confirm: this changes data on the server
          </h3>
          <p>
            <strong>{plan.change}</strong>
          </p>
          <p className="replay-muted">Server: {server.detail}</p>
          {plan.info.repeat && (
            <div className={`callout ${plan.info.class === 'not-idempotent' ? 'callout-warning' : 'callout-info'}`}>
              <p>
                <strong>{plan.info.class === 'not-idempotent' ? 'Not idempotent: if it is sent again. ' : 'If it is sent again. '}</strong>
                {plan.info.repeat}
              </p>
            </div>
          )}
          <div className="modal-buttons">
            <button type="button" className="button" onClick={send}>
              Yes, send {plan.request.kind}
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                setStep('edit');
                requestAnimationFrame(() => reviewRef.current?.focus());
              }}
            >
              Back to the request
            </button>
          </div>
        </section>
      )}

      {submittedAt > 0 && (
        <section className="replay-answer" aria-labelledby={`${id}-answer`}>
          <h3 id={`${id}-answer`} ref={answerRef} tabIndex={-1}>
            {pending ? 'Sending…' : 'Answer'}
            {data && (
              <span className="replay-answer-meta">
                {data.ok ? ` HTTP ${data.status}` : ''} in {Math.round(data.durationMs)} ms
                {data.answeredBy ? ` · ${ANSWERED_BY[data.answeredBy]}` : ''}
              </span>
            )}
          </h3>
          <p className="replay-status" role="status">
            {statusLine}
          </p>
          {pending && (
            <button type="button" className="button button-quiet" onClick={() => abortRef.current?.abort()}>
              Cancel
            </button>
          )}
          {view && variables && (
            <AnswerBody view={view} then={describeOutcome(variables.before ?? before)} thenTitle={variables.title} {...(data?.ok ? { raw: data.raw } : {})} />
          )}
        </section>
      )}
    </Modal>
  );
}
