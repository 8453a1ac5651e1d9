"""Stage 2, extract: per-article facts (dates, people, places, themes) and records
(meetings, agreements, sentences) from one cleaned article; `article` runs them all."""
