"""Versioned schema migrations, one list of statements per back-end.

A database records the versions applied in ``schema_version``; opening a
store applies the missing ones in order, each in its own transaction. Add a
migration by appending to ``MIGRATIONS`` — never edit an applied one.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Migration", "MIGRATIONS", "LATEST_VERSION", "APPLICATION_ID"]

# SQLite `PRAGMA application_id` of a dispacci database: "DISP" in ASCII.
APPLICATION_ID = 0x44495350


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    sqlite: tuple[str, ...]
    postgres: tuple[str, ...]


_LAYER_TABLES = """
CREATE TABLE entities (record_id TEXT NOT NULL, start INTEGER, end_ INTEGER, text TEXT, kind TEXT,
  canonical TEXT, actor TEXT, country TEXT, roles TEXT);
CREATE INDEX entities_record ON entities(record_id);
CREATE INDEX entities_actor ON entities(actor);
CREATE INDEX entities_canonical ON entities(canonical);
CREATE TABLE quotes (record_id TEXT NOT NULL, start INTEGER, end_ INTEGER, text TEXT, speaker TEXT,
  speaker_actor TEXT, cue TEXT, direct INTEGER);
CREATE INDEX quotes_record ON quotes(record_id);
CREATE INDEX quotes_speaker ON quotes(speaker);
CREATE INDEX quotes_speaker_actor ON quotes(speaker_actor);
CREATE TABLE credits (record_id TEXT NOT NULL, start INTEGER, end_ INTEGER, name TEXT, role TEXT,
  actor TEXT, chain TEXT);
CREATE INDEX credits_record ON credits(record_id);
CREATE TABLE events (record_id TEXT NOT NULL, n INTEGER, date TEXT, source_name TEXT, source_actor TEXT,
  source_country TEXT, source_code TEXT, target_name TEXT, target_actor TEXT, target_country TEXT,
  target_code TEXT, cameo TEXT, root TEXT, plover TEXT, mode TEXT, quad_class INTEGER, goldstein REAL,
  location TEXT, topics TEXT, negated INTEGER, hypothetical INTEGER, evidence TEXT,
  evidence_start INTEGER, evidence_end INTEGER);
CREATE INDEX events_record ON events(record_id);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_source_actor ON events(source_actor);
CREATE INDEX events_target_actor ON events(target_actor);
CREATE INDEX events_source_country ON events(source_country);
CREATE INDEX events_target_country ON events(target_country);
CREATE INDEX events_cameo ON events(cameo);
CREATE TABLE failures (source TEXT PRIMARY KEY, message TEXT, failed_at TEXT);
CREATE TABLE fingerprints (record_id TEXT PRIMARY KEY, shingles INTEGER, minhash {blob}, sample {blob});
CREATE TABLE duplicates (grp TEXT NOT NULL, record_id TEXT NOT NULL PRIMARY KEY, similarity REAL,
  containment REAL, earliest INTEGER);
CREATE INDEX duplicates_group ON duplicates(grp);
CREATE TABLE stories (story TEXT PRIMARY KEY, key TEXT, first_seen TEXT, size INTEGER);
CREATE TABLE story_members (story TEXT NOT NULL, record_id TEXT NOT NULL PRIMARY KEY);
CREATE INDEX story_members_story ON story_members(story);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""

_RECORD_INDEXES = """
CREATE INDEX records_date ON records(date);
CREATE INDEX records_language ON records(language);
CREATE INDEX records_outlet ON records(outlet);
"""


def _statements(script: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in script.split(";") if part.strip())


_SQLITE_V1 = _statements(
    """
CREATE TABLE records (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT, language TEXT,
  published TEXT, date TEXT, outlet TEXT, url TEXT, path TEXT, text TEXT NOT NULL, body TEXT NOT NULL,
  added_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
CREATE VIRTUAL TABLE records_fts USING fts5(title, text, content='records', content_rowid='seq',
  tokenize='unicode61 remove_diacritics 2');
""" + _RECORD_INDEXES + _LAYER_TABLES.replace("{blob}", "BLOB"))

_POSTGRES_V1 = _statements(
    """
CREATE TABLE records (seq BIGSERIAL PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT, language TEXT,
  published TEXT, date TEXT, outlet TEXT, url TEXT, path TEXT, text TEXT NOT NULL, body TEXT NOT NULL,
  added_at TEXT DEFAULT to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
  search tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED);
CREATE INDEX records_search ON records USING GIN (search);
""" + _RECORD_INDEXES + _LAYER_TABLES.replace("{blob}", "BYTEA"))

# v2: case-insensitive lookups by index, and actor counts kept up to date on
# every add so that `actors --top` does not group the whole entities table.
_V2 = _statements("""
CREATE INDEX entities_canonical_lower ON entities(lower(canonical));
CREATE INDEX entities_text_lower ON entities(lower(text));
CREATE INDEX events_source_name_lower ON events(lower(source_name));
CREATE INDEX events_target_name_lower ON events(lower(target_name));
CREATE INDEX quotes_speaker_lower ON quotes(lower(speaker));
CREATE INDEX records_outlet_lower ON records(lower(outlet));
CREATE TABLE actor_stats (actor TEXT PRIMARY KEY, canonical TEXT, kind TEXT, country TEXT, mentions INTEGER,
  records INTEGER);
CREATE INDEX actor_stats_mentions ON actor_stats(mentions);
INSERT INTO actor_stats (actor, canonical, kind, country, mentions, records)
  SELECT coalesce(actor, canonical), max(canonical), max(kind), max(country), count(*), count(DISTINCT record_id)
  FROM entities WHERE coalesce(actor, canonical) IS NOT NULL GROUP BY coalesce(actor, canonical)
""")

# v3: one narrow index holding every record filter, so a filtered search or
# listing reads index entries instead of the wide record rows.
_V3 = ("CREATE INDEX IF NOT EXISTS records_filters ON records(language, date, lower(outlet))",)

# v4: the order of the events listing as one index, so that a deep page reads
# index entries up to its offset instead of sorting every event.
_SQLITE_V4 = ("CREATE INDEX IF NOT EXISTS events_page ON events(date DESC, record_id, n)",)
_POSTGRES_V4 = ("CREATE INDEX IF NOT EXISTS events_page ON events(date DESC NULLS LAST, record_id, n)",
                "CREATE INDEX IF NOT EXISTS records_page ON records(date DESC NULLS LAST, seq DESC)")

# v5: an actor's records and roles read from one covering index, not from the
# tens of thousands of entity rows of a busy actor.
_V5 = ("CREATE INDEX IF NOT EXISTS entities_actor_roles ON entities(actor, roles, record_id)",)

# v6: the claims and techniques layers (record/3), in narrow tables like the quotes.
_V6 = _statements("""
CREATE TABLE IF NOT EXISTS claims (record_id TEXT NOT NULL, start INTEGER, end_ INTEGER, text TEXT, claimant TEXT,
  claimant_actor TEXT, cue TEXT, summary TEXT, stance TEXT, direct INTEGER);
CREATE INDEX IF NOT EXISTS claims_record ON claims(record_id);
CREATE INDEX IF NOT EXISTS claims_claimant_actor ON claims(claimant_actor);
CREATE INDEX IF NOT EXISTS claims_claimant_lower ON claims(lower(claimant));
CREATE TABLE IF NOT EXISTS techniques (record_id TEXT NOT NULL, start INTEGER, end_ INTEGER, text TEXT,
  technique TEXT, score REAL, source TEXT);
CREATE INDEX IF NOT EXISTS techniques_record ON techniques(record_id);
CREATE INDEX IF NOT EXISTS techniques_technique ON techniques(technique)
""")

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "records, layer tables, full-text search, fingerprints, duplicates, stories",
              _SQLITE_V1, _POSTGRES_V1),
    Migration(2, "case-insensitive indexes, actor_stats", _V2, _V2),
    Migration(3, "records_filters index", _V3, _V3),
    Migration(4, "events_page index (deep pages)", _SQLITE_V4, _POSTGRES_V4),
    Migration(5, "entities_actor_roles index (actor pages)", _V5, _V5),
    Migration(6, "claims and techniques tables", _V6, _V6),
)
LATEST_VERSION = MIGRATIONS[-1].version
