"""The attribution rules, one small function per construction, grouped by family."""
