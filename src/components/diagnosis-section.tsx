import { useId, type ReactNode } from 'react';

type DiagnosisSectionProps = {
  /** The one-line summary, announced politely as it changes. */
  status: string;
  busy: boolean;
  className: string;
  children: ReactNode;
};

/** The "Diagnosis" region of the inspector page: its heading, its live status line, then its content. */
export function DiagnosisSection({ status, busy, className, children }: DiagnosisSectionProps) {
  const id = useId();
  return (
    <section className={className} aria-labelledby={id} aria-busy={busy}>
      <h2 id={id} className="results-title">
        Diagnosis
      </h2>
      <p className="results-summary" role="status" aria-live="polite">
        {status}
      </p>
      {children}
    </section>
  );
}
