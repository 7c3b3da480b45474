import { useId } from 'react';
import type { GroupFacets } from '../../../core/triage/group';
import { retryAnswer, sourceLabel } from '../../../lib/wording';
import { isFiltering, NO_FILTER, type FilterState } from '../summary-view';

const toggle = <T,>(list: readonly T[], value: T): T[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

type SummaryFiltersProps = {
  facets: GroupFacets;
  filter: FilterState;
  onChange: (filter: FilterState) => void;
};

/** Narrow the summary by text, source and retry verdict; each choice says how many groups it has. */
export function SummaryFilters({ facets, filter, onChange }: SummaryFiltersProps) {
  const id = useId();
  return (
    <div className="filters">
      <div className="filter-text">
        <label htmlFor={`${id}-text`}>Filter groups</label>
        <input
          id={`${id}-text`}
          type="search"
          value={filter.text}
          placeholder="Code, message, kind…"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onChange({ ...filter, text: e.target.value })}
        />
      </div>
      {facets.sources.length > 1 && (
        <fieldset className="filter-set">
          <legend>Source</legend>
          {facets.sources.map((f) => (
            <label key={f.value} className="chip">
              <input type="checkbox" checked={filter.sources.includes(f.value)} onChange={() => onChange({ ...filter, sources: toggle(filter.sources, f.value) })} />
              {sourceLabel(f.value)} <span className="chip-count">({f.groups})</span>
            </label>
          ))}
        </fieldset>
      )}
      {facets.verdicts.length > 1 && (
        <fieldset className="filter-set">
          <legend>Retry verdict</legend>
          {facets.verdicts.map((f) => (
            <label key={f.value} className="chip">
              <input type="checkbox" checked={filter.verdicts.includes(f.value)} onChange={() => onChange({ ...filter, verdicts: toggle(filter.verdicts, f.value) })} />
              {retryAnswer(f.value).tag} <span className="chip-count">({f.groups})</span>
            </label>
          ))}
        </fieldset>
      )}
      {isFiltering(filter) && (
        <button type="button" className="plain-button" onClick={() => onChange(NO_FILTER)}>
          Show all groups
        </button>
      )}
    </div>
  );
}
