"""Running the pipeline on more than one core or machine.

- `processes`: a pool of local processes for `hadath extract/ingest --workers N`,
  output in input order, memory bounded by a window of chunks in flight.
- `cluster`: the Dask engine for `hadath ingest --engine dask`, local or remote:
  partitions of articles are extracted on the Dask workers, come back as Parquet
  shards and are loaded into the store by this process, the only writer.
"""
