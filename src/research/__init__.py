"""Compare how each party in a news story is framed."""

from research.compiled import guard

guard()  # before any compiled module loads: a stale compiled build falls back to the sources
