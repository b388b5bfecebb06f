'use client';

import 'leaflet/dist/leaflet.css';
import gcoord from 'gcoord';
import type { Direction } from 'leaflet';
import { useMemo, useRef, useState } from 'react';
import { Circle, CircleMarker, MapContainer, TileLayer, Tooltip } from 'react-leaflet';

export interface MapPoint {
  lat: number;
  lng: number;
  kind: 'claimed' | 'bank' | 'other';
  label: string;
  approximate: boolean;
  /** Drawn larger for a bigger count (the about page's coverage map). */
  size?: number;
  /** An approximate place (a town's, district's or city's centre): drawn as an area of this radius in metres, not a pin. */
  areaM?: number;
}

export interface MapProps {
  points: MapPoint[];
  tiles: { url: string; attribution: string; crs: 'wgs84' | 'gcj02'; subdomains: string } | null;
  /** Legend entries; an empty or missing one is left out. */
  legend: Partial<Record<MapPoint['kind'], string>>;
  /** Show every label, not only on hover (few points, each a place name). */
  labelsAlways?: boolean;
  /** Said over the map when its tiles fail to load ("地图未能加载"). */
  failed?: string;
}

const COLOURS = { claimed: '#b3261e', bank: '#0b57a4', other: '#7a7a7a' };

/** Positions as the tiles draw them: WGS-84 as given, converted for tiles drawn in GCJ-02. */
function usePlaced(points: MapPoint[], tiles: MapProps['tiles']): MapPoint[] {
  return useMemo(
    () =>
      points.map((p) => {
        if (tiles?.crs !== 'gcj02') return p;
        const [lng, lat] = gcoord.transform([p.lng, p.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
        return { ...p, lat, lng };
      }),
    [points, tiles],
  );
}

/** Tiles that fail (no network, a blocked host) leave a grey square: true once enough have failed. */
function useTilesFailed(): [boolean, () => void] {
  const [tilesFailed, setTilesFailed] = useState(false);
  const errors = useRef(0);
  const onTileError = () => {
    errors.current += 1;
    if (errors.current >= 2) setTilesFailed(true);
  };
  return [tilesFailed, onTileError];
}

/** The view: bounds that hold every point and area whole, whether labels stay shown, and on which side of its point each goes. */
function viewOf(placed: MapPoint[], labelsAlways: boolean) {
  const lats = placed.map((p) => p.lat);
  const lngs = placed.map((p) => p.lng);
  // An area must fit whole: pad by the largest radius (a degree of latitude is about 111 km).
  const pad = Math.max(0.004, ...placed.map((p) => (p.areaM ?? 0) / 111_000));
  // Labels are always shown only for a few points (more would cover each other); going
  // north to south they alternate above and below their point, so neighbours stay apart.
  const always = labelsAlways && placed.length <= 6;
  const byLat = [...lats].sort((a, b) => b - a);
  const labelSide = (lat: number): Direction => (always ? (byLat.indexOf(lat) % 2 === 0 ? 'top' : 'bottom') : 'auto');
  const bounds: [[number, number], [number, number]] = [
    [Math.min(...lats) - pad, Math.min(...lngs) - pad],
    [Math.max(...lats) + pad, Math.max(...lngs) + pad],
  ];
  return { bounds, always, labelSide };
}

/** One point: a dashed area for an approximate place, a filled circle otherwise; its label on hover or always. */
function PointLayer({ p, always, side }: { p: MapPoint; always: boolean; side: Direction }) {
  const label = (
    <Tooltip permanent={always} direction={side}>
      {p.label}
    </Tooltip>
  );
  if (p.areaM) {
    return (
      <Circle
        center={[p.lat, p.lng]}
        radius={p.areaM}
        className={`marker-${p.kind} area`}
        pathOptions={{ color: COLOURS[p.kind], weight: 2, dashArray: '6 4', fillColor: COLOURS[p.kind], fillOpacity: 0.12 }}
      >
        {label}
      </Circle>
    );
  }
  return (
    <CircleMarker
      center={[p.lat, p.lng]}
      radius={p.size ? Math.min(22, 7 + 3 * Math.sqrt(p.size)) : p.kind === 'claimed' ? 11 : 8}
      // (className is read when the layer is made; pathOptions only restyle it.)
      className={`marker-${p.kind}`}
      pathOptions={{ color: '#fff', weight: 2, fillColor: COLOURS[p.kind], fillOpacity: p.kind === 'claimed' ? 0.9 : 0.85 }}
    >
      {label}
    </CircleMarker>
  );
}

function Legend({ legend }: { legend: MapProps['legend'] }) {
  return (
    <div className="legend">
      {(['claimed', 'bank', 'other'] as const)
        .filter((k) => legend[k])
        .map((k) => (
          <span key={k}>
            <i style={{ background: COLOURS[k] }} />
            {legend[k]}
          </span>
        ))}
    </div>
  );
}

/**
 * The map: circles, not image markers (nothing to load, nothing to break offline). Positions
 * are WGS-84 and are converted for tiles drawn in GCJ-02. Without tiles or network, the
 * circles still stand on a plain background.
 */
export default function ResultMap({ points, tiles, legend, labelsAlways = false, failed }: MapProps) {
  const [tilesFailed, onTileError] = useTilesFailed();
  const placed = usePlaced(points, tiles);
  if (placed.length === 0) return null;
  const { bounds, always, labelSide } = viewOf(placed, labelsAlways);
  return (
    <>
      {tilesFailed && failed && (
        <p className="map-failed" role="status" data-testid="map-failed">
          {failed}
        </p>
      )}
      <div className="map-frame" data-testid="map">
        <MapContainer bounds={bounds} boundsOptions={{ padding: always ? [90, 50] : [24, 24] }} scrollWheelZoom={false} attributionControl={!!tiles}>
          {tiles && <TileLayer url={tiles.url} attribution={tiles.attribution} subdomains={tiles.subdomains} maxZoom={18} eventHandlers={{ tileerror: onTileError }} />}
          {placed.map((p, i) => (
            <PointLayer key={`${p.kind}-${i}`} p={p} always={always} side={labelSide(p.lat)} />
          ))}
        </MapContainer>
      </div>
      <Legend legend={legend} />
    </>
  );
}
