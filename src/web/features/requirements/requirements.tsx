import { type FormEvent, useMemo, useState } from 'react';
import { CapabilityLabel } from '../../components/capability-label.js';
import { SourceLinks } from '../../components/source-links.js';
import { Loading } from '../../components/status.js';
import { useI18n } from '../../i18n/i18n.js';
import { ApiError, apiRequest } from '../../lib/api-client.js';
import { clearCache } from '../../lib/cache.js';
import type { PackageRecord, RequirementRecord } from '../../lib/records.js';
import { useAppState } from '../../lib/app-state.js';
import { scenarioKey } from '../../lib/load-scenario-view.js';
import { useLoad } from '../../lib/use-api.js';
import { canEditCoordination } from '../../session/session.data.js';
import { useSession } from '../../session/session.js';
import { RecordHistory } from '../history/record-history.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { formatQuantity } from '../../i18n/capabilities.data.js';
import { areaName } from '../../i18n/labels.data.js';
import { recordName, recordNamer } from '../../i18n/record-names.data.js';
import { loadRequirementsView, type RequirementsView } from './load-requirements-view.js';
import { groupByPackage, type PackageGroup, parseDemand } from './requirements.data.js';

// Requirements by package with coverage (no pledge is loaded: the coverage comes with the evaluation); coordinators change demand and priority here (with a version check).

/** The requirements page. */
export default function RequirementsPage() {
  const { asOf, overrides } = useAppState();
  const loaded = useLoad(`requirements|${scenarioKey(asOf, overrides)}`, () => loadRequirementsView(asOf, overrides));
  return <Loading loaded={loaded}>{(view) => <Requirements view={view} reload={loaded.reload} />}</Loading>;
}

function Requirements({ view, reload }: { view: RequirementsView; reload: () => void }) {
  const { t, language } = useI18n();
  const { session } = useSession();
  const editable = canEditCoordination(session);
  const packageName = recordNamer(language, view.packages);
  const [editing, setEditing] = useState<string | null>(null);
  const groups = useMemo(() => groupByPackage(view.requirements, view.packages, view.coverage), [view]);
  return (
    <div>
      <h1>{t('requirements.title')}</h1>
      {!editable && <p className="muted">{t('requirements.editHint')}</p>}
      {groups.map((group) => (
        <section key={group.package?.id ?? '-'} className="panel">
          <h2>{group.package ? packageName(group.package.id) : '—'} {group.package && <SourceLinks ids={group.package.sources} />}</h2>
          {group.package?.description && <p className="muted small" data-free-text>{group.package.description}</p>}
          {editable && group.package && (
            <details>
              <summary>{t('requirements.editPackage')}</summary>
              <PackageForm pkg={group.package} onSaved={() => { clearCache(); reload(); }} />
            </details>
          )}
          <RequirementTable name={`requirements-${group.package?.id ?? 'none'}`} caption={group.package ? packageName(group.package.id) : t('requirements.title')} rows={group.rows} editable={editable} editing={editing} setEditing={setEditing} />
          {group.rows.filter(({ requirement }) => requirement.id === editing).map(({ requirement }) => (
            <RequirementForm key={requirement.id} requirement={requirement} onSaved={() => { clearCache(); reload(); }} />
          ))}
        </section>
      ))}
    </div>
  );
}

type Row = PackageGroup<RequirementRecord, PackageRecord>['rows'][number];

function RequirementTable({ name, caption, rows, editable, editing, setEditing }: { name: string; caption: string; rows: readonly Row[]; editable: boolean; editing: string | null; setEditing: (id: string | null) => void }) {
  const { t, n, language, capability } = useI18n();
  const columns = useMemo(() => {
    const list: Column<Row>[] = [
      { id: 'priority', header: t('requirements.priority'), text: ({ requirement }) => `P${requirement.priority}`, sort: ({ requirement }) => requirement.priority },
      {
        id: 'requirement',
        header: t('analysis.requirement'),
        rowHeader: true,
        text: ({ requirement }) => recordName(language, requirement, requirement.id),
        cell: ({ requirement }) => (
          <>
            <span title={requirement.title}>{recordName(language, requirement, requirement.id)}</span> <code className="muted small">{requirement.id}</code>
          </>
        ),
      },
      { id: 'capability', header: t('pledges.capability'), text: ({ requirement }) => capability(requirement.capability), cell: ({ requirement }) => <CapabilityLabel id={requirement.capability} /> },
      { id: 'area', header: t('requirements.area'), text: ({ requirement }) => areaName(t, requirement.area) },
      {
        id: 'demand',
        header: t('requirements.demand'),
        numeric: true,
        text: ({ requirement }) => (requirement.quantity === null ? t('coverage.noDemand') : `${formatQuantity(language, { min: requirement.quantity, max: requirement.quantity }, requirement.capability)}${requirement.estimate ? ` (${t('requirements.estimate')})` : ''}`),
        sort: ({ requirement }) => requirement.quantity,
      },
      { id: 'coverage', header: t('overview.coverage'), numeric: true, text: ({ coverage }) => (coverage ? `${n(coverage.supplyMin)}–${n(coverage.supplyMax)}` : ''), sort: ({ coverage }) => coverage?.supplyMax ?? null },
      { id: 'sources', header: t('common.sources'), text: ({ requirement }) => requirement.sources.join('; '), cell: ({ requirement }) => <SourceLinks ids={requirement.sources} /> },
    ];
    if (editable) {
      list.push({
        id: 'edit',
        header: t('common.edit'),
        text: () => '',
        cell: ({ requirement }) => <button onClick={() => setEditing(editing === requirement.id ? null : requirement.id)}>{t('common.edit')}</button>,
      });
    }
    return list;
  }, [t, n, language, capability, editable, editing, setEditing]);
  return <DataTable name={name} caption={caption} rows={rows} columns={columns} rowKey={({ requirement }) => requirement.id} sources={({ requirement }) => requirement.sources} searchExtra={({ requirement }) => `${requirement.title ?? ''} ${requirement.note ?? ''}`} searchable={rows.length > 5} />;
}

function RequirementForm({ requirement, onSaved }: { requirement: RequirementRecord; onSaved: () => void }) {
  const { t } = useI18n();
  const [demand, setDemand] = useState(requirement.quantity === null ? '' : String(requirement.quantity));
  const [priority, setPriority] = useState(String(requirement.priority));
  const [message, setMessage] = useState<string | null>(null);
  const parsed = parseDemand(demand);
  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (parsed === undefined) return;
    const { version, createdAt: _createdAt, updatedAt: _updatedAt, ...record } = requirement;
    try {
      const saved = await apiRequest<RequirementRecord>('PUT', `/api/requirements/${encodeURIComponent(requirement.id)}`, { ...record, quantity: parsed, priority: Number(priority), version });
      setMessage(t('editor.saved', { version: saved.version }));
      onSaved();
    } catch (caught) {
      setMessage(caught instanceof ApiError && caught.status === 409 ? t('editor.conflict', { version: String(caught.details.currentVersion ?? '?') }) : caught instanceof Error ? caught.message : String(caught));
    }
  };
  return (
    <form className="form inline" onSubmit={(event) => void save(event)}>
      <label htmlFor={`demand-${requirement.id}`}>{t('requirements.demand')}</label>
      <input id={`demand-${requirement.id}`} inputMode="numeric" value={demand} onChange={(event) => setDemand(event.target.value)} aria-invalid={parsed === undefined} />
      <label htmlFor={`priority-${requirement.id}`}>{t('requirements.priority')}</label>
      <input id={`priority-${requirement.id}`} type="number" min={1} max={99} value={priority} onChange={(event) => setPriority(event.target.value)} />
      <button type="submit" disabled={parsed === undefined}>{t('common.save')}</button>
      {message && <p role="status">{message}</p>}
      <RecordHistory collection="requirements" id={requirement.id} version={requirement.version} />
    </form>
  );
}

function PackageForm({ pkg, onSaved }: { pkg: PackageRecord; onSaved: () => void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState(pkg.title);
  const [description, setDescription] = useState(pkg.description ?? '');
  const [message, setMessage] = useState<string | null>(null);
  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const { version, createdAt: _createdAt, updatedAt: _updatedAt, ...record } = pkg;
    const body = { ...record, title: title.trim(), ...(description.trim() ? { description: description.trim() } : { description: undefined }), version };
    try {
      const saved = await apiRequest<PackageRecord>('PUT', `/api/packages/${encodeURIComponent(pkg.id)}`, body);
      setMessage(t('editor.saved', { version: saved.version }));
      onSaved();
    } catch (caught) {
      setMessage(caught instanceof ApiError && caught.status === 409 ? t('editor.conflict', { version: String(caught.details.currentVersion ?? '?') }) : caught instanceof Error ? caught.message : String(caught));
    }
  };
  return (
    <form className="form" onSubmit={(event) => void save(event)}>
      <label htmlFor={`package-title-${pkg.id}`}>{t('requirements.packageTitle')}</label>
      <input id={`package-title-${pkg.id}`} value={title} onChange={(event) => setTitle(event.target.value)} required />
      <label htmlFor={`package-description-${pkg.id}`}>{t('requirements.packageDescription')}</label>
      <textarea id={`package-description-${pkg.id}`} rows={4} value={description} onChange={(event) => setDescription(event.target.value)} />
      <div className="actions"><button type="submit" disabled={title.trim() === ''}>{t('common.save')}</button></div>
      {message && <p role="status">{message}</p>}
      <RecordHistory collection="packages" id={pkg.id} version={pkg.version} />
    </form>
  );
}
