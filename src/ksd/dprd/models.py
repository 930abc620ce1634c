"""Models of the dprd app."""
