"""Stage 1, ingest: read corpus files into articles (`corpus`) and strip page boilerplate (`clean`)."""
