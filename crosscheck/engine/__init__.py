"""How the work is run: a local process pool (`local`) or a Dask cluster (`dask`)."""
