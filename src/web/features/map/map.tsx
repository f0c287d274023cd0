import { geoAzimuthalEqualArea, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useEffect, useMemo, useState } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { Loading } from '../../components/status.js';
import { CapabilityLabel } from '../../components/capability-label.js';
import { StateBadge } from '../../components/state-badge.js';
import { useI18n } from '../../i18n/i18n.js';
import { domainName } from '../../i18n/labels.data.js';
import { countryName, partyNamer } from '../../i18n/party-names.data.js';
import { PALETTE } from '../../lib/palette.js';
import { Link, navigate } from '../../lib/router.js';
import { useAppState } from '../../lib/app-state.js';
import { scenarioKey } from '../../lib/load-scenario-view.js';
import { useLoad } from '../../lib/use-api.js';
import { loadMapView, type MapView } from './load-map-view.js';
import { EUROPE_BOX, hoverFigure, type Level, levelOfFeature, PARTNERS_OUTSIDE_EUROPE, type PartyShade, shadePartiesByDomain } from './map.data.js';

// Europe and partners, shaded by the strongest pledge state in a domain under the current scenario.
// Hover (or focus) a country for its figures; click (or Enter) opens the party page. Drawn from the server's
// aggregate per party and domain: no pledge list is loaded.

const WIDTH = 760;
const HEIGHT = 620;
const FILL: Record<Level, string> = { certain: PALETTE.scale[4], possible: PALETTE.scale[2], inactive: PALETTE.scale[0], none: 'url(#no-pledge)' };
const NON_MEMBER = 'url(#non-member)';
const OUTSIDE = '#fafafa';

type Countries = FeatureCollection<Geometry, { name: string }>;

function useCountries(): Countries | undefined {
  const [countries, setCountries] = useState<Countries>();
  useEffect(() => {
    void import('world-atlas/countries-110m.json').then((module) => {
      const topology = module.default as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
      setCountries(feature(topology, topology.objects.countries) as Countries);
    });
  }, []);
  return countries;
}

/** The map page. */
export default function MapPage() {
  const { asOf, overrides } = useAppState();
  const loaded = useLoad(`map|${scenarioKey(asOf, overrides)}`, () => loadMapView(asOf, overrides));
  return <Loading loaded={loaded}>{(view) => <EuropeMap view={view} busy={loaded.loading} />}</Loading>;
}

function EuropeMap({ view, busy }: { view: MapView; busy: boolean }) {
  const { t, n, language } = useI18n();
  const countries = useCountries();
  const domains = view.aggregate.domains;
  const [domain, setDomain] = useState('all');
  const [hovered, setHovered] = useState<string | null>(null);
  const shades = useMemo(() => shadePartiesByDomain(view.aggregate, domain), [view.aggregate, domain]);
  const partyName = useMemo(() => partyNamer(language, view.parties), [language, view.parties]);
  const members = useMemo(() => new Set(view.parties.filter((party) => party.groups.includes('coalition')).map((party) => party.id)), [view.parties]);
  const memberStates = view.parties.filter((party) => party.kind === 'state' && members.has(party.id));
  const withPledge = memberStates.filter((party) => shades.has(party.id)).length;
  const paths = useMemo(() => {
    if (!countries) return [];
    const box: Feature = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'MultiPoint', coordinates: [[EUROPE_BOX.west, EUROPE_BOX.south], [EUROPE_BOX.east, EUROPE_BOX.north], [EUROPE_BOX.west, EUROPE_BOX.north], [EUROPE_BOX.east, EUROPE_BOX.south]] },
    };
    const projection = geoAzimuthalEqualArea().rotate([-12, -52]).fitExtent([[0, 0], [WIDTH, HEIGHT]], box);
    const draw = geoPath(projection);
    return countries.features.map((country, index) => ({ key: `${String(country.id)}-${index}`, id: country.id, name: country.properties.name, d: draw(country) ?? '' }));
  }, [countries]);
  const label = (domainId: string): string => (domainId === 'all' ? t('map.allDomains') : domainName(t, domainId));
  const hoveredShade = hovered ? shades.get(hovered) : undefined;
  return (
    <div className="map-page" data-scenario={view.key} aria-busy={busy}>
      <h1>{t('map.title')}</h1>
      <p>
        <label htmlFor="map-domain">{t('map.domain')}</label>{' '}
        <select id="map-domain" value={domain} onChange={(event) => setDomain(event.target.value)}>
          {['all', ...domains].map((entry) => (
            <option key={entry} value={entry}>{label(entry)}</option>
          ))}
        </select>
      </p>
      <p>{t('map.measure', { domain: label(domain) })}</p>
      <ul className="muted legend map-legend" aria-label={t('map.legendLabel')}>
        {(['certain', 'possible', 'inactive'] as const).map((level) => (
          <li key={level}><Swatch level={level} /> {t(`map.level.${level}`)}</li>
        ))}
        <li><Swatch level="none" /> {t('map.noPledge')}</li>
        <li><span className="swatch swatch-non-member" /> {t('map.nonMember')}</li>
        <li><span className="swatch" style={{ background: OUTSIDE }} /> {t('map.notParty')}</li>
      </ul>
      <p className="muted" data-testid="map-count">{t('map.count', { shown: n(withPledge), members: n(memberStates.length) })}</p>
      <div className="map-layout">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="map" role="group" aria-label={t('map.title')}>
          <defs>
            <pattern id="no-pledge" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#f2f2f2" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#c8c8c8" strokeWidth="2" />
            </pattern>
            <pattern id="non-member" width="6" height="6" patternUnits="userSpaceOnUse">
              <rect width="6" height="6" fill="#f4f4f4" />
              <circle cx="3" cy="3" r="1" fill="#9a9a9a" />
            </pattern>
          </defs>
          {paths.map((path) => {
            const { party, level } = levelOfFeature(path.id, shades);
            const known = party !== undefined && view.parties.some((entry) => entry.id === party);
            const member = known && members.has(party);
            const description = !member ? t('map.nonMember') : level === 'none' ? t('map.noPledge') : t(`map.level.${level}`);
            const title = known ? `${partyName(party)}: ${description}` : party ? countryName(language, party) : path.name;
            return (
              <path
                key={path.key}
                d={path.d}
                fill={!known ? OUTSIDE : member || level !== 'none' ? FILL[level] : NON_MEMBER}
                stroke="#666"
                strokeWidth={0.5}
                className={known ? 'country party' : 'country'}
                data-party={known ? party : undefined}
                tabIndex={known ? 0 : undefined}
                role={known ? 'link' : undefined}
                aria-label={known ? title : undefined}
                onMouseEnter={() => known && setHovered(party)}
                onFocus={() => known && setHovered(party)}
                onClick={() => known && navigate(`/parties/${party}`)}
                onKeyDown={(event) => known && event.key === 'Enter' && navigate(`/parties/${party}`)}
              >
                <title>{title}</title>
              </path>
            );
          })}
        </svg>
        <aside className="panel map-details" aria-live="polite">
          {hovered ? <ShadeDetails party={hovered} title={partyName(hovered)} shade={hoveredShade} /> : <p className="muted">{t('map.hoverHelp')}</p>}
          <h2>{t('map.partners')}</h2>
          <ul>
            {[...PARTNERS_OUTSIDE_EUROPE].filter((id) => view.parties.some((party) => party.id === id)).map((id) => (
              <li key={id} onMouseEnter={() => setHovered(id)}>
                <Swatch level={shades.get(id)?.level ?? 'none'} /> <Link to={`/parties/${id}`}>{partyName(id)}</Link>{' '}
                <span className="muted">{shades.get(id) ? t(`map.level.${shades.get(id)?.level ?? 'inactive'}` as 'map.level.certain') : members.has(id) ? t('map.noPledge') : t('map.nonMember')}</span>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </div>
  );
}

function ShadeDetails({ party, title, shade }: { party: string; title: string; shade: PartyShade | undefined }) {
  const { t, n, language } = useI18n();
  return (
    <div data-testid="map-details">
      <h2><Link to={`/parties/${party}`}>{title}</Link></h2>
      {!shade ? (
        <p>{t('map.noPledge')}</p>
      ) : (
        <ul>
          {shade.pledges.map((pledge) => (
            <li key={pledge.id}>
              <StateBadge state={pledge.state} /> <CapabilityLabel id={pledge.capability} />: {hoverFigure(language, pledge)}
            </li>
          ))}
          {shade.more > 0 && (
            <li className="muted">
              <Link to={`/parties/${party}`}>{t('map.more', { count: n(shade.more) })}</Link>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

function Swatch({ level }: { level: Level }) {
  return level === 'none' ? <span className="swatch swatch-none" /> : <span className="swatch" style={{ background: FILL[level] }} />;
}
