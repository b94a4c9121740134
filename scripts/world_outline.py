"""Build the dashboard's bundled world outline (src/hadath/serve/static/world.json).

Source: Natural Earth 1:110m admin-0 countries (public domain), as shipped in the
`naturalearth_lowres` folder of the geopandas 0.14 wheel; read with pyshp. Run once
by a developer (not at run time):

    pip download --no-deps geopandas==0.14.4 && unzip geopandas-*.whl 'geopandas/datasets/*'
    pip install pyshp
    python scripts/world_outline.py geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp \
        src/hadath/serve/static/world.json

Coordinates are rounded to 0.1 degree and tiny rings dropped, so the file stays small.
"""
import json
import sys

import shapefile  # pyshp


def rounded_ring(points):
    ring = []
    for lon, lat in points:
        p = [round(lon, 1), round(lat, 1)]
        if not ring or ring[-1] != p:
            ring.append(p)
    return ring if len(ring) >= 4 else None


def main(source: str, target: str) -> None:
    reader = shapefile.Reader(source)
    fields = [f[0] for f in reader.fields[1:]]
    features = []
    for record, shape in zip(reader.records(), reader.shapes()):
        props = dict(zip(fields, record))
        parts = list(shape.parts) + [len(shape.points)]
        rings = [rounded_ring(shape.points[a:b]) for a, b in zip(parts, parts[1:])]
        rings = [r for r in rings if r]
        if not rings:
            continue
        features.append({"type": "Feature",
                         "properties": {"iso": props.get("iso_a3"), "name": props.get("name")},
                         "geometry": {"type": "MultiPolygon", "coordinates": [[r] for r in rings]}})
    with open(target, "w", encoding="utf-8") as out:
        json.dump({"type": "FeatureCollection", "features": features}, out,
                  separators=(",", ":"), ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
