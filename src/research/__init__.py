"""Compare how each party in a news story is framed."""
