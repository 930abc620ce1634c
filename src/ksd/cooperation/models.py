"""Models of the cooperation app."""
