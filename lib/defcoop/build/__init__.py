"""Stage 3, build: run extraction over a corpus, merge across articles, apply overrides,
validate and write the tables atomically (`tables`), reuse stored results (`store`), describe
and export them (`datapackage`, `export`)."""
