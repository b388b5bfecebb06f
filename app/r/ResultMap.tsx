'use client';

import 'leaflet/dist/leaflet.css';
import gcoord from 'gcoord';
import { useMemo } from 'react';
import { CircleMarker, MapContainer, TileLayer, Tooltip } from 'react-leaflet';

export interface MapPoint {
  lat: number;
  lng: number;
  kind: 'claimed' | 'bank' | 'other';
  label: string;
  approximate: boolean;
}

export interface MapProps {
  points: MapPoint[];
  tiles: { url: string; attribution: string; crs: 'wgs84' | 'gcj02'; subdomains: string } | null;
  legend: { claimed: string; bank: string; other: string };
}

const COLOURS = { claimed: '#b3261e', bank: '#0b57a4', other: '#7a7a7a' };

/**
 * The map: circles, not image markers (nothing to load, nothing to break offline). Positions
 * are WGS-84 and are converted for tiles drawn in GCJ-02. Without tiles or network, the
 * circles still stand on a plain background.
 */
export default function ResultMap({ points, tiles, legend }: MapProps) {
  const placed = useMemo(
    () =>
      points.map((p) => {
        if (tiles?.crs !== 'gcj02') return p;
        const [lng, lat] = gcoord.transform([p.lng, p.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
        return { ...p, lat, lng };
      }),
    [points, tiles],
  );
  if (placed.length === 0) return null;
  const lats = placed.map((p) => p.lat);
  const lngs = placed.map((p) => p.lng);
  const pad = 0.004;
  const bounds: [[number, number], [number, number]] = [
    [Math.min(...lats) - pad, Math.min(...lngs) - pad],
    [Math.max(...lats) + pad, Math.max(...lngs) + pad],
  ];
  return (
    <>
      <div className="map-frame" data-testid="map">
        <MapContainer bounds={bounds} scrollWheelZoom={false} attributionControl={!!tiles}>
          {tiles && <TileLayer url={tiles.url} attribution={tiles.attribution} subdomains={tiles.subdomains} maxZoom={18} />}
          {placed.map((p, i) => (
            <CircleMarker
              key={`${p.kind}-${i}`}
              center={[p.lat, p.lng]}
              radius={p.kind === 'claimed' ? 11 : 8}
              pathOptions={{ color: '#fff', weight: 2, fillColor: COLOURS[p.kind], fillOpacity: p.kind === 'claimed' ? 0.9 : 0.85, className: `marker-${p.kind}` }}
            >
              <Tooltip>{p.label}</Tooltip>
            </CircleMarker>
          ))}
        </MapContainer>
      </div>
      <div className="legend">
        <span><i style={{ background: COLOURS.claimed }} />{legend.claimed}</span>
        <span><i style={{ background: COLOURS.bank }} />{legend.bank}</span>
        <span><i style={{ background: COLOURS.other }} />{legend.other}</span>
      </div>
    </>
  );
}
