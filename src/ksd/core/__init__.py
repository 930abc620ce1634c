"""Things every KSD app shares: the clock, settings helpers and the home page."""
